import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Encrypter } from 'age-encryption';
import pg from 'pg';
import { APP_VERSION } from './app-version.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupManifest,
  type BackupSidecar,
  backupFileName,
  CONTROL,
  sidecarPath,
  type TableChecksum,
} from './format.js';
import { latestAppliedMigration } from './migrations.js';
import { discoverTables, type LiveTable, type Query, TableHasher, tableLines } from './tables.js';
import { textToStream } from './web-streams.js';

export interface CreateBackupOptions {
  databaseUrl: string;
  dir: string;
  /** age1… recipients; any of their identities can decrypt the backup. */
  recipients: string[];
  appVersion?: string;
  now?: Date;
}

export interface CreatedBackup {
  file: string;
  bytes: number;
  durationMs: number;
  manifest: BackupManifest;
}

/**
 * Writes one encrypted backup of the database from a single REPEATABLE READ snapshot, streaming rows
 * from a cursor through age into the file, so memory stays flat whatever the size of the data.
 * The file appears under its final name only once it is complete, next to its plaintext manifest.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const started = performance.now();
  const createdAt = options.now ?? new Date();
  await mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, backupFileName(createdAt));
  if (existsSync(file)) throw new Error(`${file} already exists.`);
  const partial = `${file}.partial`;

  const encrypter = new Encrypter();
  for (const recipient of options.recipients) encrypter.addRecipient(recipient);

  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'taskapp-backup' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // Checksums depend on how timestamps print; a long backup must not hit the app's statement timeout.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SET LOCAL idle_in_transaction_session_timeout = 0');
    const query: Query = async (sql) => (await client.query(sql)).rows;

    const tables = await discoverTables(query);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: options.appVersion ?? APP_VERSION,
      migration: await latestAppliedMigration(query),
      createdAt: createdAt.toISOString(),
      tables: tables.map(({ name, columns, primaryKey }) => ({ name, columns, primaryKey })),
    };
    const checksums: TableChecksum[] = [];
    const encrypted = await encrypter.encrypt(textToStream(backupText(query, header, tables, checksums)));

    const fileHash = createHash('sha256');
    let bytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        fileHash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(encrypted as unknown as Parameters<typeof Readable.fromWeb>[0]),
      measure,
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    await client.query('COMMIT');

    const manifest = manifestOf(header, checksums);
    const sidecar: BackupSidecar = {
      ...manifest,
      file: { name: path.basename(file), bytes, sha256: fileHash.digest('hex') },
      recipients: options.recipients,
    };
    await writeFile(sidecarPath(file), `${JSON.stringify(sidecar, null, 2)}\n`);
    await rename(partial, file);
    return { file, bytes, durationMs: Math.round(performance.now() - started), manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function manifestOf(header: BackupHeader, checksums: TableChecksum[]): BackupManifest {
  const { tables: _columns, ...rest } = header;
  return { ...rest, finishedAt: new Date().toISOString(), tables: checksums };
}

/** The plaintext of a backup, produced as the encrypter asks for it; fills `checksums` as it goes. */
async function* backupText(
  query: Query,
  header: BackupHeader,
  tables: LiveTable[],
  checksums: TableChecksum[],
): AsyncGenerator<string> {
  yield `${CONTROL.header}${JSON.stringify(header)}\n`;
  for (const table of tables) {
    yield `${CONTROL.table}${table.name}\n`;
    const hasher = new TableHasher(table.name);
    for await (const batch of tableLines(query, table)) {
      for (const line of batch) hasher.add(line);
      yield `${batch.join('\n')}\n`;
    }
    checksums.push(hasher.result());
  }
  yield `${CONTROL.manifest}${JSON.stringify(manifestOf(header, checksums))}\n`;
}

import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Queryable, withClient } from '@taskapp/db/connection';
import { beginReadOnlySnapshot, commitTransaction, setLongTransactionSettings } from '@taskapp/db/queries';
import { Encrypter } from 'age-encryption';
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
import { discoverTables, type LiveTable, TableHasher, tableLines } from './tables.js';
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

  return withClient(
    options.databaseUrl,
    async (client) => {
      try {
        await beginReadOnlySnapshot(client);
        await setLongTransactionSettings(client);

        const tables = await discoverTables(client);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          appVersion: options.appVersion ?? APP_VERSION,
          migration: await latestAppliedMigration(client),
          createdAt: createdAt.toISOString(),
          tables: tables.map(({ name, columns, primaryKey }) => ({ name, columns, primaryKey })),
        };
        const checksums: TableChecksum[] = [];
        const encrypted = await encrypter.encrypt(
          textToStream(backupText(client, header, tables, checksums)),
        );

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
        await commitTransaction(client);

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
      }
    },
    'taskapp-backup',
  );
}

function manifestOf(header: BackupHeader, checksums: TableChecksum[]): BackupManifest {
  const { tables: _columns, ...rest } = header;
  return { ...rest, finishedAt: new Date().toISOString(), tables: checksums };
}

/** The plaintext of a backup, produced as the encrypter asks for it; fills `checksums` as it goes. */
async function* backupText(
  db: Queryable,
  header: BackupHeader,
  tables: LiveTable[],
  checksums: TableChecksum[],
): AsyncGenerator<string> {
  yield `${CONTROL.header}${JSON.stringify(header)}\n`;
  for (const table of tables) {
    yield `${CONTROL.table}${table.name}\n`;
    const hasher = new TableHasher(table.name);
    for await (const batch of tableLines(db, table)) {
      for (const line of batch) hasher.add(line);
      yield `${batch.join('\n')}\n`;
    }
    checksums.push(hasher.result());
  }
  yield `${CONTROL.manifest}${JSON.stringify(manifestOf(header, checksums))}\n`;
}

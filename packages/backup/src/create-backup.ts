import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Client } from '@taskapp/db';
import { withClient } from '@taskapp/db/connection';
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
  END_OF_ROWS,
  sidecarPath,
  type TableChecksum,
} from './format.js';
import { latestAppliedMigration } from './migrations.js';
import { discoverTables, type LiveTable, TableHasher, tableCopyText } from './tables.js';
import { bytesToStream } from './web-streams.js';

/**
 * gzip level 1: measured on 1,100,000 tasks (docs/decisions/017-backup-format-3.md), higher levels made the
 * file a few percent smaller and the backup markedly slower, as compression is the slowest step.
 */
export const GZIP_LEVEL = 1;
const GZIP_CHUNK_BYTES = 64 * 1024;

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
 * Writes one encrypted backup of the database from a single REPEATABLE READ snapshot, streaming each
 * table's rows out of `COPY … TO STDOUT` through gzip and age into the file, so memory stays flat whatever
 * the size of the data. The file appears under its final name only once it is complete, next to its
 * plaintext manifest.
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
          compression: 'gzip',
        };
        const checksums: TableChecksum[] = [];
        const encrypted = await encrypter.encrypt(
          bytesToStream(plaintext(header, backupBody(client, header, tables, checksums))),
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
  const { tables: _columns, compression: _compression, ...rest } = header;
  return { ...rest, finishedAt: new Date().toISOString(), tables: checksums };
}

/** What age encrypts: the header line as it is, then the body through gzip. */
async function* plaintext(header: BackupHeader, body: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`${CONTROL.header}${JSON.stringify(header)}\n`);
  const gzip = createGzip({ level: GZIP_LEVEL, chunkSize: GZIP_CHUNK_BYTES });
  const compressing = pipeline(Readable.from(body, { objectMode: false }), gzip);
  // A failure reaches the reader below through gzip as well; this only keeps it from going unhandled.
  compressing.catch(() => undefined);
  yield* gzip;
  await compressing;
}

/** The tables' rows, produced as gzip asks for them; fills `checksums` as it goes. */
async function* backupBody(
  client: Client,
  header: BackupHeader,
  tables: LiveTable[],
  checksums: TableChecksum[],
): AsyncGenerator<Buffer> {
  for (const table of tables) {
    yield Buffer.from(`${CONTROL.table}${table.name}\n`);
    const hasher = new TableHasher(table.name);
    let last: Buffer | undefined;
    for await (const text of tableCopyText(client, table)) {
      hasher.addCopyText(text);
      last = text;
      yield text;
    }
    if (last && last.at(-1) !== 0x0a)
      throw new Error(`The rows of ${table.name} did not end with a line end.`);
    checksums.push(hasher.result());
    yield Buffer.from(`${END_OF_ROWS}\n`);
  }
  yield Buffer.from(`${CONTROL.manifest}${JSON.stringify(manifestOf(header, checksums))}\n`);
}

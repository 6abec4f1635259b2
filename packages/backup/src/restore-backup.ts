import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction } from '@mikro-orm/postgresql';
import type { Client } from '@taskapp/db';
import {
  databaseEnvSchema,
  databaseSettings,
  // migrateToLatest's key: an app instance starting during a restore waits for it.
  MIGRATION_LOCK_KEY,
  migrationsList,
  openOrm,
} from '@taskapp/db';
import {
  advisoryTransactionLock,
  copyRowsInStatement,
  deleteMigrationHistory,
  dropTableCascade,
  insertRowLines,
  restartChangeLog,
  setLongTransactionSettings,
  tableHasRows,
} from '@taskapp/db/queries';
import { copyIn } from './copy-streams.js';
import { withStructuresBuiltAfterLoad } from './deferred-load.js';
import { type BackupHeader, type BackupManifest, COPY_FORMAT_VERSION, type TableChecksum } from './format.js';
import { type BackupEvent, readBackup } from './read-backup.js';
import { CHANGE_LOG_TABLES, checksumTable, discoverTables, type LiveTable, TableHasher } from './tables.js';

export interface RestoreOptions {
  file: string;
  identities: string[];
  targetUrl: string;
  /** Replace the data of a target that already holds rows. */
  force?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations applied after the load, from the backup's schema to this app's latest. */
  migratedAfterLoad: string[];
}

/**
 * Restores a backup in ONE transaction: rebuild the schema at the backup's migration, load every row,
 * compare counts and checksums with the manifest, migrate to the latest schema, commit. Any failure
 * (wrong key, modified or cut-off file, mismatch) rolls back, leaving the target as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const events = readBackup(options.file, options.identities);
  try {
    const first = await events.next();
    if (first.done || first.value.kind !== 'header') throw new Error(`${options.file} has no header.`);
    const { header } = first.value;
    assertKnownMigration(header.migration);

    const settings = databaseSettings(databaseEnvSchema.parse({}), options.targetUrl);
    const orm = await openOrm({ ...settings, poolMax: 2, statementTimeoutMs: 0 });
    try {
      // Creates the (empty) bookkeeping table if the target has none: the migrator looks for it
      // outside our transaction.
      await orm.migrator.getExecutedMigrations();
      const connection = orm.em.getConnection();
      return await connection.transactional(async (trx) => {
        const db = await connectionOf(trx);
        await advisoryTransactionLock(db, MIGRATION_LOCK_KEY);
        await setLongTransactionSettings(db);
        await resetSchema(db, options.force ?? false);
        await orm.migrator.up({ to: header.migration, transaction: trx });
        const tables = await discoverTables(db);
        assertSameTables(header, tables);
        const rowsAs = header.formatVersion >= COPY_FORMAT_VERSION ? 'copy' : 'json';
        const manifest = await withStructuresBuiltAfterLoad(
          db,
          tables,
          () => loadRows(db, events, tables, rowsAs),
          { keepKeys: rowsAs === 'json' },
        );
        await compareWithManifest(db, tables, manifest, rowsAs);
        const applied = await orm.migrator.up({ transaction: trx });
        await restartChangeLog(db);
        return { manifest, migratedAfterLoad: applied.map((migration) => migration.name) };
      });
    } finally {
      await orm.close();
    }
  } finally {
    await events.return(undefined);
  }
}

/**
 * The connection of MikroORM's knex transaction: the restore's own statements (COPY streams too) run on
 * it directly, beside the ORM's migrator, which must run in the same transaction. A knex transaction's
 * client hands out exactly that connection.
 */
async function connectionOf(trx: Transaction): Promise<Client> {
  return (await trx.client.acquireConnection()) as Client;
}

async function resetSchema(db: Client, force: boolean): Promise<void> {
  const existing = await discoverTables(db, { withChangeLog: true });
  if (!force) {
    // The change log is derived from the data (and a restore leaves its horizon behind): not data.
    for (const table of existing.filter((found) => !CHANGE_LOG_TABLES.includes(found.name))) {
      if (await tableHasRows(db, table.name)) {
        throw new Error(
          `The target database is not empty (table ${table.name} has rows). Restore into an empty database, or pass --force to replace its data.`,
        );
      }
    }
  }
  // Dropped and re-created by the migrations, so the schema is exactly the backup's.
  for (const table of existing.reverse()) await dropTableCascade(db, table.name);
  await deleteMigrationHistory(db);
}

function assertSameTables(header: BackupHeader, tables: LiveTable[]): void {
  const describe = (list: { name: string; columns: string[] }[]) =>
    list.map((table) => `${table.name}(${table.columns.join(',')})`).join(' ');
  if (describe(header.tables) !== describe(tables)) {
    throw new Error(
      `The schema at migration ${header.migration} differs from the backup's:\n  backup: ${describe(header.tables)}\n  here:   ${describe(tables)}`,
    );
  }
}

/**
 * Loads each table's rows while hashing them as read, through `COPY … FROM STDIN` (format 3) or in
 * batched INSERTs (formats 1 and 2); returns the manifest at the end of the file.
 */
async function loadRows(
  db: Client,
  events: AsyncGenerator<BackupEvent>,
  tables: LiveTable[],
  rowsAs: 'copy' | 'json',
): Promise<BackupManifest> {
  const read: TableChecksum[] = [];
  let current: { table: LiveTable; hasher: TableHasher } | undefined;
  let next = await events.next();
  while (!next.done) {
    const event = next.value;
    if (event.kind === 'table') {
      if (current) read.push(current.hasher.result());
      const table = tables.find((candidate) => candidate.name === event.name);
      if (!table) throw new Error(`The backup holds rows of an unknown table ${event.name}.`);
      current = { table, hasher: new TableHasher(table.name) };
      if (rowsAs === 'copy') {
        next = await copyTable(db, events, current.table, current.hasher);
        continue;
      }
    } else if (event.kind === 'rows') {
      if (!current) throw new Error('The backup holds rows before naming their table.');
      for (const line of event.lines) current.hasher.add(line);
      await insertRowLines(db, current.table.name, event.lines);
    } else if (event.kind === 'manifest') {
      if (current) read.push(current.hasher.result());
      assertChecksums('The backup file', read, event.manifest.tables);
      return event.manifest;
    } else {
      throw new Error(`The backup holds ${event.kind === 'copy' ? 'rows' : 'a header'} out of place.`);
    }
    next = await events.next();
  }
  throw new Error('The backup ended before its manifest.');
}

/** Streams one table's COPY text into the table; returns the event after its rows. */
async function copyTable(
  db: Client,
  events: AsyncGenerator<BackupEvent>,
  table: LiveTable,
  hasher: TableHasher,
): Promise<IteratorResult<BackupEvent>> {
  let after: IteratorResult<BackupEvent> | undefined;
  const rows = async function* () {
    while (true) {
      const next = await events.next();
      if (next.done || next.value.kind !== 'copy') {
        after = next;
        return;
      }
      hasher.addCopyText(next.value.text, next.value.rows);
      yield next.value.text;
    }
  };
  await pipeline(
    Readable.from(rows(), { objectMode: false }),
    copyIn(db, copyRowsInStatement(table.name, table.columns)),
  );
  if (!after) throw new Error(`The rows of ${table.name} ended without what follows them.`);
  return after;
}

async function compareWithManifest(
  db: Client,
  tables: LiveTable[],
  manifest: BackupManifest,
  rowsAs: 'copy' | 'json',
) {
  const live: TableChecksum[] = [];
  for (const table of tables) live.push(await checksumTable(db, table, rowsAs));
  assertChecksums('The restored database', live, manifest.tables);
}

function assertChecksums(what: string, actual: TableChecksum[], expected: TableChecksum[]): void {
  const describe = (list: TableChecksum[]) => list.map((t) => `${t.name}: ${t.rows} rows ${t.sha256}`);
  const got = describe(actual);
  const want = describe(expected);
  const differing = want.filter((line, index) => got[index] !== line);
  if (got.length !== want.length || differing.length > 0) {
    throw new Error(
      `${what} does not match the manifest:\n  expected ${want.join('\n           ')}\n  found    ${got.join('\n           ')}`,
    );
  }
}

/** Fails with a clear message when the backup's schema is one this version of the app does not know. */
export function assertKnownMigration(migration: string): void {
  if (migrationsList.some((entry) => entry.name === migration)) return;
  const latest = migrationsList.at(-1)?.name ?? 'none';
  throw new Error(
    `The backup was taken at migration ${migration}, which this version of the app does not have (its latest is ${latest}). Restore it with the version of the app that made it, or a newer one.`,
  );
}

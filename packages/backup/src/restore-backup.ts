import type { Knex, Transaction } from '@mikro-orm/postgresql';
import {
  databaseEnvSchema,
  databaseSettings,
  // migrateToLatest's key: an app instance starting during a restore waits for it.
  MIGRATION_LOCK_KEY,
  migrationsList,
  openOrm,
  type Queryable,
} from '@taskapp/db';
import {
  addConstraint,
  advisoryTransactionLock,
  deleteMigrationHistory,
  dropConstraint,
  dropTableCascade,
  insertRowLines,
  restartChangeLog,
  type SelfReference,
  selfReferences,
  setLongTransactionSettings,
  tableHasRows,
} from '@taskapp/db/queries';
import type { BackupHeader, BackupManifest, TableChecksum } from './format.js';
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
        const db = inTransaction(trx);
        await advisoryTransactionLock(db, MIGRATION_LOCK_KEY);
        await setLongTransactionSettings(db);
        await resetSchema(db, options.force ?? false);
        await orm.migrator.up({ to: header.migration, transaction: trx });
        const tables = await discoverTables(db);
        assertSameTables(header, tables);
        const manifest = await withSelfReferencesCheckedAtEnd(db, tables, () =>
          loadRows(events, tables, (table, lines) => insertRowLines(db, table.name, lines)),
        );
        await compareWithManifest(db, tables, manifest);
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
 * The restore's statements run on MikroORM's knex transaction, because the ORM's migrator must run in
 * the same one. Straight through knex's raw(): MikroORM's execute() would inline the large JSON
 * parameters into the SQL. knex takes `?` placeholders: the queries module numbers its parameters
 * $1, $2, … in the order of their values, so each becomes a `?` in place, and a `?` of the SQL itself
 * is escaped so that knex leaves it alone.
 */
function inTransaction(trx: Transaction): Queryable {
  return {
    async query({ text, values }) {
      let next = 1;
      const knexText = text.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_match, number: string) => {
        if (Number(number) !== next++) throw new Error(`Parameters out of order in: ${text}`);
        return '?';
      });
      return trx.raw(knexText, values as Knex.RawBinding[]);
    },
  };
}

async function resetSchema(db: Queryable, force: boolean): Promise<void> {
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

/**
 * Rows arrive in primary-key order, so a subtask can come before its parent (tasks.parent_id points at
 * tasks). A table's foreign keys to itself are dropped for the load and added back after it, which
 * checks every row at once (and fails the restore, rolling it back, if one points nowhere). Foreign
 * keys to other tables need nothing: tables arrive after the tables they reference.
 */
async function withSelfReferencesCheckedAtEnd<T>(
  db: Queryable,
  tables: LiveTable[],
  load: () => Promise<T>,
): Promise<T> {
  const dropped: { table: string; constraint: SelfReference }[] = [];
  for (const table of tables) {
    for (const constraint of await selfReferences(db, table.name)) {
      await dropConstraint(db, table.name, constraint.name);
      dropped.push({ table: table.name, constraint });
    }
  }
  const result = await load();
  for (const { table, constraint } of dropped) await addConstraint(db, table, constraint);
  return result;
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

/** Inserts each table's rows while hashing them as read; returns the manifest at the end of the file. */
async function loadRows(
  events: AsyncGenerator<BackupEvent>,
  tables: LiveTable[],
  insert: (table: LiveTable, lines: string[]) => Promise<void>,
): Promise<BackupManifest> {
  const read: TableChecksum[] = [];
  let current: { table: LiveTable; hasher: TableHasher } | undefined;
  for await (const event of events) {
    if (event.kind === 'table') {
      if (current) read.push(current.hasher.result());
      const table = tables.find((candidate) => candidate.name === event.name);
      if (!table) throw new Error(`The backup holds rows of an unknown table ${event.name}.`);
      current = { table, hasher: new TableHasher(table.name) };
    } else if (event.kind === 'rows') {
      if (!current) throw new Error('The backup holds rows before naming their table.');
      for (const line of event.lines) current.hasher.add(line);
      await insert(current.table, event.lines);
    } else if (event.kind === 'manifest') {
      if (current) read.push(current.hasher.result());
      assertChecksums('The backup file', read, event.manifest.tables);
      return event.manifest;
    }
  }
  throw new Error('The backup ended before its manifest.');
}

async function compareWithManifest(db: Queryable, tables: LiveTable[], manifest: BackupManifest) {
  const live: TableChecksum[] = [];
  for (const table of tables) live.push(await checksumTable(db, table));
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

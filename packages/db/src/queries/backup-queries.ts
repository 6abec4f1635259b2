import { MIGRATIONS_TABLE } from '../names.js';
import type { Queryable } from '../pg.js';
import { execute, firstRow, identifier, join, raw, rows, sql } from './sql.js';

// The statements of packages/backup: a consistent snapshot of every table, streamed in primary-key
// order, and a restore's reset and load. Table names come from the catalog and are always quoted.

/** A primary-key column, and whether it has a collation (text). */
export interface KeyColumn {
  column: string;
  collatable: boolean;
}

/** An application table as the catalog describes it (every table of the current schema but the migrations'). */
export interface AppTable {
  name: string;
  /** In the table's column order. */
  columns: string[];
  /** In key order. */
  primaryKey: KeyColumn[];
  /** The other tables its foreign keys point at. */
  references: string[];
}

interface AppTableRow {
  name: string;
  columns: string | null;
  primary_key: string | null;
  refs: string | null;
}

const parseJson = <T>(value: unknown, fallback: T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : fallback;

/** The application's tables in the current schema, by name. */
export async function listAppTables(db: Queryable): Promise<AppTable[]> {
  const found = await rows<AppTableRow>(
    db,
    sql`select c.relname as name,
      (select json_agg(a.attname order by a.attnum)::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select json_agg(json_build_array(a.attname, a.attcollation <> 0) order by k.ord)::text
        from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as primary_key,
      (select json_agg(distinct r.relname)::text from pg_constraint f join pg_class r on r.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as refs
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> ${MIGRATIONS_TABLE}
    order by c.relname`,
  );
  return found.map((row) => ({
    name: row.name,
    columns: parseJson<string[]>(row.columns, []),
    primaryKey: parseJson<[string, boolean][]>(row.primary_key, []).map(([column, collatable]) => ({
      column,
      collatable,
    })),
    references: parseJson<string[]>(row.refs, []),
  }));
}

/** Starts the transaction a backup reads from: one snapshot for every table, and no writes. */
export async function beginReadOnlySnapshot(db: Queryable): Promise<void> {
  await execute(db, sql`begin isolation level repeatable read, read only`);
}

export async function commitTransaction(db: Queryable): Promise<void> {
  await execute(db, sql`commit`);
}

/**
 * For the rest of the transaction: timestamps print in UTC (checksums depend on how they print), and
 * neither the app's statement timeout nor an idle timeout cuts a long backup or restore short.
 */
export async function setLongTransactionSettings(db: Queryable): Promise<void> {
  await execute(db, sql`set local TimeZone = 'UTC'`);
  await execute(db, sql`set local statement_timeout = 0`);
  await execute(db, sql`set local idle_in_transaction_session_timeout = 0`);
}

const ROWS_PER_FETCH = 500;

/**
 * A table's rows as `row_to_json` text, in primary-key order, in batches through a cursor (so memory
 * stays flat); must run inside a transaction. Text keys sort in the "C" collation, so the order (and a
 * checksum over it) is the same on servers with different default collations. Timestamps print in the
 * session's time zone: see setLongTransactionSettings.
 */
export async function* tableRowLines(
  db: Queryable,
  table: string,
  primaryKey: readonly KeyColumn[],
): AsyncGenerator<string[]> {
  const orderBy = join(
    primaryKey.map(({ column, collatable }) =>
      collatable ? sql`t.${identifier(column)} collate "C"` : sql`t.${identifier(column)}`,
    ),
    ', ',
  );
  await execute(
    db,
    sql`declare taskapp_rows no scroll cursor for
        select row_to_json(t)::text as line from ${identifier(table)} t order by ${orderBy}`,
  );
  try {
    while (true) {
      const batch = await rows<{ line: string }>(
        db,
        sql`fetch ${raw(String(ROWS_PER_FETCH))} from taskapp_rows`,
      );
      if (batch.length === 0) return;
      yield batch.map((row) => String(row.line));
    }
  } finally {
    await execute(db, sql`close taskapp_rows`);
  }
}

/** The name of the newest migration applied, as MikroORM recorded it; undefined when there is none. */
export async function latestMigrationName(db: Queryable): Promise<string | undefined> {
  const table = await firstRow<{ present: boolean }>(
    db,
    sql`select to_regclass(${MIGRATIONS_TABLE}) is not null as present`,
  );
  if (!table?.present) return undefined;
  const newest = await firstRow<{ name: unknown }>(
    db,
    sql`select name from ${identifier(MIGRATIONS_TABLE)} order by id desc limit 1`,
  );
  return typeof newest?.name === 'string' ? newest.name : undefined;
}

export async function tableHasRows(db: Queryable, table: string): Promise<boolean> {
  const row = await firstRow<{ used: boolean }>(
    db,
    sql`select exists (select 1 from ${identifier(table)}) as used`,
  );
  return row?.used === true;
}

/** Drops the table and whatever depends on it (a restore rebuilds the schema through the migrations). */
export async function dropTableCascade(db: Queryable, table: string): Promise<void> {
  await execute(db, sql`drop table ${identifier(table)} cascade`);
}

/** Forgets every applied migration, so the migrator rebuilds the schema from the first one. */
export async function deleteMigrationHistory(db: Queryable): Promise<void> {
  await execute(db, sql`delete from ${identifier(MIGRATIONS_TABLE)}`);
}

/** A foreign key from a table to itself (tasks.parent_id), as the catalog prints it. */
export interface SelfReference {
  name: string;
  /** `FOREIGN KEY (…) REFERENCES …`, as pg_get_constraintdef prints it. */
  definition: string;
}

/** The table's foreign keys that point at the table itself. */
export async function selfReferences(db: Queryable, table: string): Promise<SelfReference[]> {
  return rows<SelfReference>(
    db,
    sql`select f.conname as name, pg_get_constraintdef(f.oid) as definition
        from pg_constraint f join pg_class c on c.oid = f.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relname = ${table}
          and f.contype = 'f' and f.confrelid = f.conrelid
        order by f.conname`,
  );
}

export async function dropConstraint(db: Queryable, table: string, name: string): Promise<void> {
  await execute(db, sql`alter table ${identifier(table)} drop constraint ${identifier(name)}`);
}

/** Adds a constraint printed by the catalog (trusted text, never a user's), checking every row at once. */
export async function addConstraint(db: Queryable, table: string, constraint: SelfReference): Promise<void> {
  await execute(
    db,
    sql`alter table ${identifier(table)} add constraint ${identifier(constraint.name)} ${raw(constraint.definition)}`,
  );
}

/**
 * Inserts rows given as `row_to_json` texts of the same table, in one statement: the whole batch
 * travels as one JSON parameter and PostgreSQL maps its keys to the columns.
 */
export async function insertRowLines(db: Queryable, table: string, lines: readonly string[]): Promise<void> {
  const name = identifier(table);
  await execute(
    db,
    sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${`[${lines.join(',')}]`}::json)`,
  );
}

/**
 * After a restore, live sync starts again: the changes the load logged are dropped, and every cursor
 * given out before (by this database or the one backed up) is behind the horizon, so its reader resyncs.
 */
export async function restartChangeLog(db: Queryable): Promise<void> {
  await execute(db, sql`delete from "changes"`);
  await execute(
    db,
    sql`insert into "change_log_horizon" ("id", "xid", "change_id")
        values (1, pg_current_xact_id(), 9223372036854775807)
        on conflict ("id") do update set "xid" = excluded."xid", "change_id" = excluded."change_id"`,
  );
}

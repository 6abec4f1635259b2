import { LIMITS } from '@taskapp/shared';
import { MIGRATIONS_TABLE } from '../names.js';
import type { Queryable } from '../pg.js';
import { execute, firstRow, identifier, join, raw, rows, type Sql, sql } from './sql.js';

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
 * For the rest of the transaction: values print the same way on every server (checksums depend on how
 * they print: timestamps in UTC and ISO style, floats exactly, bytea in hex), and neither the app's
 * statement timeout nor an idle timeout cuts a long backup or restore short.
 */
export async function setLongTransactionSettings(db: Queryable): Promise<void> {
  await execute(db, sql`set local TimeZone = 'UTC'`);
  await execute(db, sql`set local DateStyle = 'ISO, YMD'`);
  await execute(db, sql`set local IntervalStyle = 'postgres'`);
  await execute(db, sql`set local extra_float_digits = 1`);
  await execute(db, sql`set local bytea_output = 'hex'`);
  await execute(db, sql`set local statement_timeout = 0`);
  await execute(db, sql`set local idle_in_transaction_session_timeout = 0`);
}

const ROWS_PER_FETCH = 500;

const primaryKeyOrder = (primaryKey: readonly KeyColumn[]) =>
  join(
    primaryKey.map(({ column, collatable }) =>
      collatable ? sql`t.${identifier(column)} collate "C"` : sql`t.${identifier(column)}`,
    ),
    ', ',
  );

const columnList = (columns: readonly string[]) =>
  join(
    columns.map((column) => identifier(column)),
    ', ',
  );

/** COPY takes no bind parameters: its statements are built from catalog names only. */
function parameterless(query: Sql): string {
  const { text, values } = query.toStatement();
  if (values.length > 0) throw new Error(`A COPY statement cannot take parameters: ${text}`);
  return text;
}

/**
 * `COPY … TO STDOUT` of a table's rows in PostgreSQL's text format, in primary-key order (text keys in
 * the "C" collation, as tableRowLines), for a copy-out stream; run inside a transaction set up by
 * setLongTransactionSettings, so the text is the same on every server.
 */
export function copyRowsOutStatement(
  table: string,
  columns: readonly string[],
  primaryKey: readonly KeyColumn[],
): string {
  return parameterless(
    sql`copy (select ${columnList(columns.map(String))} from ${identifier(table)} t order by ${primaryKeyOrder(primaryKey)}) to stdout`,
  );
}

/** `COPY … FROM STDIN` into the table's columns, in PostgreSQL's text format, for a copy-in stream. */
export function copyRowsInStatement(table: string, columns: readonly string[]): string {
  return parameterless(sql`copy ${identifier(table)} (${columnList(columns)}) from stdin`);
}

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
  await execute(
    db,
    sql`declare taskapp_rows no scroll cursor for
        select row_to_json(t)::text as line from ${identifier(table)} t order by ${primaryKeyOrder(primaryKey)}`,
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

/**
 * An index or constraint that a restore drops before it loads the rows and builds again afterwards: one
 * build from all the rows is much faster than keeping it up to date row by row.
 */
export interface DeferredStructure {
  /** `key`: a primary key, unique or exclusion constraint. */
  kind: 'index' | 'key' | 'foreign key';
  table: string;
  name: string;
  /** As the catalog prints it: `CREATE INDEX …` for an index, else the constraint (`PRIMARY KEY (id)`). */
  definition: string;
}

/**
 * The indexes and constraints of these tables (their foreign keys, and those of other tables that point
 * at them), in the order to build them: indexes and keys table by table, then foreign keys, which need
 * the keys they point at. Drop them in the opposite order.
 */
export async function deferredStructures(
  db: Queryable,
  tables: readonly string[],
): Promise<DeferredStructure[]> {
  return rows<DeferredStructure>(
    db,
    sql`with loaded as (
          select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relname = any(${tables}::text[]))
        select * from (
          select 'index' as kind, l.relname as "table", ic.relname as name, pg_get_indexdef(i.indexrelid) as definition, 1 as step
          from pg_index i join loaded l on l.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
          where not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid
                              and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))
          union all
          select 'key', l.relname, k.conname, pg_get_constraintdef(k.oid), 1
          from pg_constraint k join loaded l on l.oid = k.conrelid where k.contype in ('p', 'u', 'x')
          union all
          select 'foreign key', r.relname, f.conname, pg_get_constraintdef(f.oid), 2
          from pg_constraint f join pg_class r on r.oid = f.conrelid
          where f.contype = 'f'
            and (f.conrelid in (select oid from loaded) or f.confrelid in (select oid from loaded))
        ) found order by step, "table", kind desc, name`,
  ).then((found) => found.map(({ kind, table, name, definition }) => ({ kind, table, name, definition })));
}

export async function dropStructure(db: Queryable, structure: DeferredStructure): Promise<void> {
  if (structure.kind === 'index') {
    await execute(db, sql`drop index ${identifier(structure.name)}`);
  } else {
    await execute(
      db,
      sql`alter table ${identifier(structure.table)} drop constraint ${identifier(structure.name)}`,
    );
  }
}

/** Builds a dropped index or constraint again from the catalog's text (trusted, never a user's), checking every row. */
export async function buildStructure(db: Queryable, structure: DeferredStructure): Promise<void> {
  if (structure.kind === 'index') {
    await execute(db, raw(structure.definition));
  } else {
    await execute(
      db,
      sql`alter table ${identifier(structure.table)} add constraint ${identifier(structure.name)} ${raw(structure.definition)}`,
    );
  }
}

/** Gathers the planner's statistics of freshly loaded tables (ANALYZE runs inside a transaction). */
export async function analyzeTables(db: Queryable, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await execute(
    db,
    sql`analyze ${join(
      tables.map((table) => identifier(table)),
      ', ',
    )}`,
  );
}

/** A trigger that fires when rows are inserted into a table. */
export interface InsertTrigger {
  table: string;
  name: string;
  /** The name of the function it runs. */
  function: string;
}

/** The enabled triggers of our own (not foreign-key checks) that fire on INSERT into these tables. */
export async function insertTriggers(db: Queryable, tables: readonly string[]): Promise<InsertTrigger[]> {
  // tgtype bit 2 (4) is INSERT.
  return rows<InsertTrigger>(
    db,
    sql`select c.relname as "table", t.tgname as name, p.proname as function
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace join pg_proc p on p.oid = t.tgfoid
        where n.nspname = current_schema() and c.relname = any(${tables}::text[])
          and not t.tgisinternal and t.tgenabled <> 'D' and t.tgtype & 4 <> 0
        order by c.relname, t.tgname`,
  );
}

export async function setTriggerEnabled(db: Queryable, trigger: InsertTrigger, enabled: boolean) {
  await execute(
    db,
    sql`alter table ${identifier(trigger.table)} ${raw(enabled ? 'enable' : 'disable')} trigger ${identifier(trigger.name)}`,
  );
}

/**
 * Owners with more tasks than anyone may have: what the tasks_enforce_limit trigger refuses, checked for
 * all of them at once (the trigger counts per owner through an index, which a load builds afterwards).
 */
export async function ownersOverTaskLimit(db: Queryable): Promise<string[]> {
  const found = await rows<{ user_id: string }>(
    db,
    sql`select user_id::text from tasks group by user_id having count(*) > ${LIMITS.tasksPerUser} limit 5`,
  );
  return found.map((row) => row.user_id);
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

import { createHash } from 'node:crypto';
import type { BackupTable, TableChecksum } from './format.js';
import { MIGRATIONS_TABLE } from './migrations.js';

/** Runs one parameterless statement and returns its rows; works over pg.Client and a MikroORM transaction. */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface LiveTable extends BackupTable {
  /** Per primary-key column: whether it has a collation (text), which ORDER BY pins to "C". */
  collatable: boolean[];
  references: string[];
}

const ROWS_PER_FETCH = 500;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const TABLES_SQL = `
SELECT c.relname AS name,
  (SELECT json_agg(a.attname ORDER BY a.attnum)::text FROM pg_attribute a
    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT json_agg(json_build_array(a.attname, a.attcollation <> 0) ORDER BY k.ord)::text
    FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
  (SELECT json_agg(DISTINCT r.relname)::text FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
    WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS refs
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '${MIGRATIONS_TABLE}'
ORDER BY c.relname`;

const parseJson = <T>(value: unknown, fallback: T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : fallback;

/** The application's tables in the current schema, each after the tables it references. */
export async function discoverTables(query: Query): Promise<LiveTable[]> {
  const rows = await query(TABLES_SQL);
  const tables = rows.map((row): LiveTable => {
    const name = String(row.name);
    const primaryKey = parseJson<[string, boolean][]>(row.primary_key, []);
    if (primaryKey.length === 0) throw new Error(`Table ${name} has no primary key; cannot order its rows.`);
    return {
      name,
      columns: parseJson<string[]>(row.columns, []),
      primaryKey: primaryKey.map(([column]) => column),
      collatable: primaryKey.map(([, collatable]) => collatable),
      references: parseJson<string[]>(row.refs, []),
    };
  });
  return inDependencyOrder(tables);
}

function inDependencyOrder(tables: LiveTable[]): LiveTable[] {
  const ordered: LiveTable[] = [];
  const placed = new Set<string>();
  const known = new Set(tables.map((table) => table.name));
  while (ordered.length < tables.length) {
    const next = tables.find(
      (table) =>
        !placed.has(table.name) &&
        table.references.every((reference) => placed.has(reference) || !known.has(reference)),
    );
    if (!next) throw new Error('The tables reference each other in a cycle; cannot order them.');
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/**
 * One JSON text per row in primary-key order. Text keys sort in the "C" collation, so the order (and the
 * checksum) is the same on servers with different default collations. Timestamps print in the session's
 * time zone: callers set it to UTC.
 */
function rowsSql(table: LiveTable): string {
  const orderBy = table.primaryKey
    .map((column, index) => `t.${quoteIdent(column)}${table.collatable[index] ? ' COLLATE "C"' : ''}`)
    .join(', ');
  return `SELECT row_to_json(t)::text AS line FROM ${quoteIdent(table.name)} t ORDER BY ${orderBy}`;
}

/** Streams a table's row lines in batches through a cursor; must run inside a transaction. */
export async function* tableLines(query: Query, table: LiveTable): AsyncGenerator<string[]> {
  await query(`DECLARE taskapp_rows NO SCROLL CURSOR FOR ${rowsSql(table)}`);
  try {
    while (true) {
      const rows = await query(`FETCH ${ROWS_PER_FETCH} FROM taskapp_rows`);
      if (rows.length === 0) return;
      yield rows.map((row) => String(row.line));
    }
  } finally {
    await query('CLOSE taskapp_rows');
  }
}

/** Counts and hashes row lines exactly as a backup writes them. */
export class TableHasher {
  private readonly hash = createHash('sha256');
  rows = 0;

  constructor(readonly name: string) {}

  add(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
    this.rows += 1;
  }

  result(): TableChecksum {
    return { name: this.name, rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/** The checksum of a table as it is in the database now (inside the caller's transaction). */
export async function checksumTable(query: Query, table: LiveTable): Promise<TableChecksum> {
  const hasher = new TableHasher(table.name);
  for await (const lines of tableLines(query, table)) for (const line of lines) hasher.add(line);
  return hasher.result();
}

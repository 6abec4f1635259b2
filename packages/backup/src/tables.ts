import { createHash } from 'node:crypto';
import type { Client } from '@taskapp/db';
import type { Queryable } from '@taskapp/db/connection';
import { copyRowsOutStatement, type KeyColumn, listAppTables, tableRowLines } from '@taskapp/db/queries';
import { copyOut } from './copy-streams.js';
import { countLines } from './copy-text.js';
import type { BackupTable, TableChecksum } from './format.js';

export interface LiveTable extends BackupTable {
  /** The primary key with, per column, whether it has a collation (text), which the row order pins to "C". */
  key: KeyColumn[];
  references: string[];
}

/**
 * Tables derived from the others by triggers, so not backed up. Live sync's change log is read by cursors
 * that a restore invalidates anyway; a restore starts it afresh (restartChangeLog). The reminder schedule
 * (reminder_jobs) is rebuilt by its triggers as the tasks load: loading the backed-up rows as well would
 * collide with those.
 */
export const CHANGE_LOG_TABLES: readonly string[] = [
  'changes',
  'change_log_horizon',
  'reminder_jobs',
  'daily_digests',
];

/**
 * The application's tables in the current schema, each after the tables it references: the backed-up
 * ones, or all of them (`withChangeLog`, to drop them before a restore).
 */
export async function discoverTables(
  db: Queryable,
  { withChangeLog = false }: { withChangeLog?: boolean } = {},
): Promise<LiveTable[]> {
  const found = await listAppTables(db);
  const wanted = withChangeLog ? found : found.filter((table) => !CHANGE_LOG_TABLES.includes(table.name));
  const tables = wanted.map((table): LiveTable => {
    if (table.primaryKey.length === 0) {
      throw new Error(`Table ${table.name} has no primary key; cannot order its rows.`);
    }
    return {
      name: table.name,
      columns: table.columns,
      primaryKey: table.primaryKey.map(({ column }) => column),
      key: table.primaryKey,
      references: table.references,
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
 * A table's rows as `row_to_json` lines (formats 1 and 2) in primary-key order, in batches; must run in a
 * transaction set up by setLongTransactionSettings.
 */
export function tableLines(db: Queryable, table: LiveTable): AsyncGenerator<string[]> {
  return tableRowLines(db, table.name, table.key);
}

/**
 * A table's rows as COPY text (format 3) in primary-key order, in chunks that may end mid-row; must run in
 * a transaction set up by setLongTransactionSettings.
 */
export function tableCopyText(
  client: Client,
  table: BackupTable & { key: KeyColumn[] },
): AsyncIterable<Buffer> {
  return copyOut(client, copyRowsOutStatement(table.name, table.columns, table.key));
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

  /** COPY text: its lines are already followed by `\n`; `rows` of them end in this piece. */
  addCopyText(text: Buffer, rows = countLines(text)): void {
    this.hash.update(text);
    this.rows += rows;
  }

  result(): TableChecksum {
    return { name: this.name, rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * The checksum of a table as it is in the database now (inside the caller's transaction), over its rows
 * as the given format writes them.
 */
export async function checksumTable(
  client: Client,
  table: LiveTable,
  rowsAs: 'copy' | 'json',
): Promise<TableChecksum> {
  const hasher = new TableHasher(table.name);
  if (rowsAs === 'copy') {
    for await (const text of tableCopyText(client, table)) hasher.addCopyText(text);
  } else {
    for await (const lines of tableLines(client, table)) for (const line of lines) hasher.add(line);
  }
  return hasher.result();
}

import type { Queryable } from '../pg.js';
import { firstRow, sql } from './sql.js';

/**
 * A WAL position (pg_lsn "16/B374D848") as one number, so positions compare with `<`. The high half
 * is at most 32 bits, so a bigint holds any position exactly.
 */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** Where the primary's WAL is: `flushed` can already be streamed to replicas; `inserted` ends every commit made so far. */
export interface PrimaryWalPosition {
  flushed: bigint;
  inserted: bigint;
}

/** The primary's WAL position now (decision 017: the replicas' lag is measured against it). */
export async function primaryWalPosition(db: Queryable): Promise<PrimaryWalPosition> {
  const row = await firstRow<{ flushed: string; inserted: string }>(
    db,
    sql`select pg_current_wal_flush_lsn()::text as "flushed", pg_current_wal_insert_lsn()::text as "inserted"`,
  );
  if (!row) throw new Error('no WAL position');
  return { flushed: parseLsn(row.flushed), inserted: parseLsn(row.inserted) };
}

/**
 * The end of every commit made before this call: a write's read-your-writes token. The insert position,
 * not the flushed one, so it holds with synchronous_commit off too.
 */
export async function committedWalPosition(db: Queryable): Promise<bigint> {
  const row = await firstRow<{ inserted: string }>(
    db,
    sql`select pg_current_wal_insert_lsn()::text as "inserted"`,
  );
  if (!row) throw new Error('no WAL position');
  return parseLsn(row.inserted);
}

/** How far a replica has replayed the primary's WAL; null when the server is not a standby. */
export async function replayedWalPosition(db: Queryable): Promise<bigint | null> {
  const row = await firstRow<{ replayed: string | null }>(
    db,
    sql`select case when pg_is_in_recovery() then pg_last_wal_replay_lsn()::text end as "replayed"`,
  );
  return row?.replayed ? parseLsn(row.replayed) : null;
}

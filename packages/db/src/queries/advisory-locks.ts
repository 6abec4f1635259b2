import type { Queryable } from '../pg.js';
import { execute, firstRow, sql } from './sql.js';

// PostgreSQL advisory locks live as long as the session (connection) that took them, so a crashed
// holder frees them. Keys are in names.ts.

/** Waits for the lock. */
export async function acquireAdvisoryLock(db: Queryable, key: number): Promise<void> {
  await execute(db, sql`select pg_advisory_lock(${key})`);
}

/** Takes the lock if nobody holds it; says whether it did. */
export async function tryAdvisoryLock(db: Queryable, key: number): Promise<boolean> {
  const row = await firstRow<{ locked: boolean }>(db, sql`select pg_try_advisory_lock(${key}) as locked`);
  return row?.locked === true;
}

export async function releaseAdvisoryLock(db: Queryable, key: number): Promise<void> {
  await execute(db, sql`select pg_advisory_unlock(${key})`);
}

/** Inside a transaction: held until it ends (restores take the migration lock this way). */
export async function advisoryTransactionLock(db: Queryable, key: number): Promise<void> {
  await execute(db, sql`select pg_advisory_xact_lock(${key})`);
}

import type { Queryable } from '../pg.js';
import { execute, firstRow, identifier, sql } from './sql.js';
import { inTransaction } from './transaction.js';

/** A cap on how many rows of one table an owner may have (LIMITS.projectsPerUser, labelsPerUser). */
export interface OwnerLimit {
  table: 'projects' | 'labels';
  max: number;
  /** The first half of the owner's advisory lock key; the second is a hash of the owner's id. */
  lockClass: number;
}

export const LIMIT_REACHED = Symbol('limit reached');

/**
 * Runs `insert` only while the owner has fewer than `limit.max` rows, in one transaction holding an
 * advisory lock per owner and table: of two racing inserts the second counts after the first committed,
 * so nobody overshoots, and other people are not held up. `existing` (a create's client id) answers first
 * under the lock, so a repeat, even racing the original, finds its row and is never counted.
 */
export function insertWithinLimit<T>(
  db: Queryable,
  userId: string,
  limit: OwnerLimit,
  insert: (tx: Queryable) => Promise<T>,
  existing?: (tx: Queryable) => Promise<T | undefined>,
): Promise<T | typeof LIMIT_REACHED> {
  return inTransaction(db, async (tx) => {
    await execute(tx, sql`select pg_advisory_xact_lock(${limit.lockClass}::int, hashtext(${userId}::text))`);
    const found = await existing?.(tx);
    if (found !== undefined) return found;
    // A statement of its own after the lock, so its snapshot sees what the previous holder committed.
    const row = await firstRow<{ held: number }>(
      tx,
      sql`select count(*)::int as "held" from ${identifier(limit.table)} where "user_id" = ${userId}`,
    );
    if ((row?.held ?? 0) >= limit.max) return LIMIT_REACHED;
    return insert(tx);
  });
}

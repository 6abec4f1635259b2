import pg from 'pg';
import type { Queryable } from '../pg.js';

/**
 * Runs `work` in a transaction on one connection of a pool: every statement of a write with several
 * steps commits together or not at all. A single connection is used as it is: it is already a caller's
 * transaction (tests, restores), which then decides when to commit. `begin` may carry the
 * transaction's settings (read only, a local statement timeout) in the same round trip.
 */
export async function inTransaction<T>(
  db: Queryable,
  work: (tx: Queryable) => Promise<T>,
  begin = 'begin',
): Promise<T> {
  if (!(db instanceof pg.Pool)) return work(db);
  const client = await db.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

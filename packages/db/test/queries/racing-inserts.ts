import pg from 'pg';
import { waitFor } from '../../src/testing/index.js';

/**
 * Runs `inserts` together so that each has read what it reads before any can write: the table is locked
 * against writes (reads still pass) until all of them wait for a lock. Without their own serialisation
 * they all see the same count; with it, they take turns.
 */
export async function racingInserts<T>(
  url: string,
  table: string,
  inserts: (() => Promise<T>)[],
): Promise<T[]> {
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  try {
    await locker.query(`begin; lock table "${table}" in share row exclusive mode`);
    const running = Promise.all(inserts.map((insert) => insert()));
    await waitFor(
      async () => {
        const result = await locker.query<{ waiting: number }>(
          `select count(*)::int as waiting from pg_locks
           where not granted and database = (select oid from pg_database where datname = current_database())`,
        );
        return (result.rows[0]?.waiting ?? 0) >= inserts.length;
      },
      { what: `${inserts.length} inserts waiting for a lock` },
    );
    await locker.query('commit');
    return await running;
  } finally {
    await locker.end();
  }
}

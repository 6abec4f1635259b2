import type { Queryable } from '../pg.js';
import { sql } from './sql.js';

/** Whether the database answers a trivial query within the time given. */
export async function isDatabaseReachable(db: Queryable, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db
    .query(sql`select 1`.toStatement())
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

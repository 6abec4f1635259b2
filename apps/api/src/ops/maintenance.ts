import type { ExpiredRows, Queries } from '@taskapp/db/queries';
import { Cron } from 'croner';
import type { Logger } from '../logger.js';

/** Deletes what has expired: sessions, mailed tokens, rate-limit counters and deleted tasks past Undo. */
export function deleteExpiredRows(queries: Queries, now = new Date()): Promise<ExpiredRows> {
  return queries.maintenance.deleteExpired(now);
}

/** Hourly clean-up, and once at start-up. Several instances may run it at once; deletes are idempotent. */
export function scheduleMaintenance(queries: Queries, logger: Logger): () => void {
  const run = () =>
    deleteExpiredRows(queries).then(
      (removed) => logger.info({ removed }, 'expired rows deleted'),
      (error: unknown) => logger.error({ err: error }, 'deleting expired rows failed'),
    );
  void run();
  const job = new Cron('17 * * * *', { protect: true }, run);
  return () => job.stop();
}

import type { MikroORM } from '@taskapp/db';
import { Cron } from 'croner';
import type { Logger } from '../logger.js';
import { deleteExpiredSessions } from './sessions.js';

/** Deletes what has expired: sessions, mailed tokens and rate-limit counters. */
export async function deleteExpiredRows(
  orm: MikroORM,
): Promise<{ sessions: number; tokens: number; limits: number }> {
  const em = orm.em.fork();
  const sessions = await deleteExpiredSessions(em);
  const connection = em.getConnection();
  const tokens = await connection.execute<{ affectedRows: number }>(
    'DELETE FROM user_tokens WHERE expires_at <= now()',
    [],
    'run',
  );
  const limits = await connection.execute<{ affectedRows: number }>(
    'DELETE FROM rate_limits WHERE expire < ?',
    [Date.now()],
    'run',
  );
  return { sessions, tokens: tokens.affectedRows, limits: limits.affectedRows };
}

/** Hourly clean-up, and once at start-up. Several instances may run it at once; deletes are idempotent. */
export function scheduleMaintenance(orm: MikroORM, logger: Logger): () => void {
  const run = () =>
    deleteExpiredRows(orm).then(
      (removed) => logger.info({ removed }, 'expired rows deleted'),
      (error: unknown) => logger.error({ err: error }, 'deleting expired rows failed'),
    );
  void run();
  const job = new Cron('17 * * * *', { protect: true }, run);
  return () => job.stop();
}

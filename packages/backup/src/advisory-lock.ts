import { withClient } from '@taskapp/db/connection';
import { tryAdvisoryLock } from '@taskapp/db/queries';

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, or returns at once
 * when another session holds it. The lock goes with the connection, so a crashed holder frees it.
 */
export function withTryAdvisoryLock<T>(
  databaseUrl: string,
  key: number,
  work: () => Promise<T>,
): Promise<LockOutcome<T>> {
  return withClient(
    databaseUrl,
    async (client): Promise<LockOutcome<T>> => {
      if (!(await tryAdvisoryLock(client, key))) return { acquired: false };
      return { acquired: true, value: await work() };
    },
    'taskapp-backup-lock',
  );
}

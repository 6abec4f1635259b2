import pg from 'pg';

export { BACKUP_LOCK_KEY } from '../lock-keys.js';

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, or returns at once
 * when another session holds it. The lock goes with the connection, so a crashed holder frees it.
 */
export async function withTryAdvisoryLock<T>(
  databaseUrl: string,
  key: number,
  work: () => Promise<T>,
): Promise<LockOutcome<T>> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'taskapp-backup-lock' });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      key,
    ]);
    if (!rows[0]?.locked) return { acquired: false };
    return { acquired: true, value: await work() };
  } finally {
    await client.end().catch(() => undefined);
  }
}

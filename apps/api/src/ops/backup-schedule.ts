import {
  createBackup,
  generateKeyPair,
  listBackups,
  loadIdentities,
  parseRecipients,
  pruneBackups,
  resolveBackupDir,
  retentionPolicy,
  totalRows,
  verifyBackup,
  withTryAdvisoryLock,
} from '@taskapp/backup';
import { BACKUP_LOCK_KEY } from '@taskapp/db';
import { Cron } from 'croner';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

export interface BackupScheduleOptions {
  env: Env;
  /** The app's database: backed up, and where instances meet for the lock. */
  databaseUrl: string;
  logger: Logger;
}

export type ScheduledRunOutcome = 'backed-up' | 'taken-by-another-instance' | 'already-done' | 'failed';

/**
 * One scheduled run: under an advisory lock (so one instance of several takes it), unless a backup
 * for this scheduled time already exists, write a backup, verify it, and prune by retention.
 */
export async function runScheduledBackup(
  options: BackupScheduleOptions,
  scheduledAt: Date,
): Promise<ScheduledRunOutcome> {
  const { env, databaseUrl, logger } = options;
  const dir = resolveBackupDir(env);
  try {
    const outcome = await withTryAdvisoryLock(databaseUrl, BACKUP_LOCK_KEY, async () => {
      // Another instance whose timer fired a little earlier may have finished this run already.
      const [newest] = await listBackups(dir);
      if (newest && newest.createdAt.getTime() >= scheduledAt.getTime()) return 'already-done' as const;
      await backUpVerifyAndPrune(options, dir);
      return 'backed-up' as const;
    });
    if (!outcome.acquired) {
      logger.info({ scheduledAt }, 'scheduled backup: another instance is taking this run');
      return 'taken-by-another-instance';
    }
    if (outcome.value === 'already-done') logger.info({ scheduledAt }, 'scheduled backup: already done');
    return outcome.value;
  } catch (error) {
    logger.error({ err: error, scheduledAt }, `scheduled backup failed: ${(error as Error).message}`);
    return 'failed';
  }
}

async function backUpVerifyAndPrune(options: BackupScheduleOptions, dir: string): Promise<void> {
  const { env, databaseUrl, logger } = options;
  // Without BACKUP_AGE_IDENTITY (the recommended set-up) the backup is also encrypted to a one-time
  // key that lives in this process's memory only, for the verification below (decision 007).
  const verifier = env.BACKUP_AGE_IDENTITY ? undefined : await generateKeyPair();
  const recipients = parseRecipients(env.BACKUP_AGE_RECIPIENTS);
  const backup = await createBackup({
    databaseUrl,
    dir,
    recipients: verifier ? [...recipients, verifier.recipient] : recipients,
  });
  const verifyStarted = performance.now();
  const verification = await verifyBackup({
    file: backup.file,
    identities: verifier ? [verifier.identity] : await loadIdentities(env.BACKUP_AGE_IDENTITY),
    serverUrl: env.BACKUP_VERIFY_URL ?? databaseUrl,
  });
  if (!verification.ok) throw new Error(`${backup.file} failed verification: ${verification.message}`);
  const pruned = await pruneBackups(dir, retentionPolicy(env));
  logger.info(
    {
      backup: {
        file: backup.file,
        bytes: backup.bytes,
        durationMs: backup.durationMs,
        verifyMs: Math.round(performance.now() - verifyStarted),
        rows: Object.fromEntries(backup.manifest.tables.map((table) => [table.name, table.rows])),
        totalRows: totalRows(backup.manifest),
        pruned,
      },
    },
    'scheduled backup written and verified',
  );
}

/** Runs backups on BACKUP_SCHEDULE (UTC); returns a stop function that waits for a run in progress. */
export function scheduleBackups(options: BackupScheduleOptions): () => Promise<void> {
  const pattern = options.env.BACKUP_SCHEDULE;
  if (!pattern) return async () => {};
  let running: Promise<unknown> = Promise.resolve();
  const job = new Cron(pattern, { timezone: 'Etc/UTC', protect: true }, (self) => {
    // The time the schedule names (every instance computes the same), not when this timer fired.
    const scheduledAt = self.previousRuns(1, new Date(Date.now() + 1))[0] ?? new Date();
    running = runScheduledBackup(options, scheduledAt);
    return running.then(() => undefined);
  });
  options.logger.info(
    { schedule: pattern, next: job.nextRun(), dir: resolveBackupDir(options.env) },
    'scheduled backups enabled',
  );
  return async () => {
    job.stop();
    await running;
  };
}

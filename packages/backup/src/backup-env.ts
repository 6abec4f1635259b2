import path from 'node:path';
import { findRepoRoot, resolveDataDir } from '@taskapp/db/connection';
import { z } from 'zod';
import type { RetentionPolicy } from './retention.js';

const keepCount = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** The backup part of the environment; keys are parsed (and their errors reported) where they are used. */
export const backupEnvSchema = z.object({
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_AGE_RECIPIENTS: z.string().optional(),
  BACKUP_AGE_IDENTITY: z.string().optional(),
  BACKUP_KEEP_DAILY: keepCount(7),
  BACKUP_KEEP_WEEKLY: keepCount(4),
  BACKUP_KEEP_MONTHLY: keepCount(12),
});
export type BackupEnv = z.infer<typeof backupEnvSchema>;

/** BACKUP_DIR (relative to the repository root), by default `.data/backups` under DATA_DIR. */
export function resolveBackupDir(env: Pick<BackupEnv, 'BACKUP_DIR'> & { DATA_DIR?: string }): string {
  if (env.BACKUP_DIR) return path.resolve(findRepoRoot(), env.BACKUP_DIR);
  return path.join(resolveDataDir(env), 'backups');
}

export function retentionPolicy(env: BackupEnv): RetentionPolicy {
  return { daily: env.BACKUP_KEEP_DAILY, weekly: env.BACKUP_KEEP_WEEKLY, monthly: env.BACKUP_KEEP_MONTHLY };
}

import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_EXTENSION, sidecarPath, verificationPath } from './format.js';
import { listBackups } from './list-backups.js';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export interface DatedBackup {
  name: string;
  createdAt: Date;
  /** False when its last verification failed: it never fills a daily, weekly or monthly slot. */
  usable?: boolean;
}

const dayKey = (date: Date) => date.toISOString().slice(0, 10);
const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** ISO 8601 week, e.g. 2026-W48 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekKey(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Grandfather-father-son: the newest backup of each of the newest `daily` days that have one, likewise
 * for ISO weeks and months (UTC), and always the newest backup overall. Counting periods that have
 * backups (as restic and borg do) means a pause in backups never deletes the old ones.
 */
export function backupsToKeep(backups: DatedBackup[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const usable = newestFirst.filter((backup) => backup.usable !== false);
  const rules: [number, (date: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, periodOf] of rules) {
    const periods = new Set<string>();
    for (const backup of usable) {
      if (periods.size >= count) break;
      const period = periodOf(backup.createdAt);
      if (periods.has(period)) continue;
      periods.add(period);
      keep.add(backup.name);
    }
  }
  return keep;
}

const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the backups (and their sidecars) of a folder that the policy does not keep, and unfinished
 * files left by a backup that was killed more than a day ago; returns the names of the backups deleted.
 */
export async function pruneBackups(dir: string, policy: RetentionPolicy): Promise<string[]> {
  await removeStalePartials(dir);
  const backups = await listBackups(dir);
  const keep = backupsToKeep(
    backups.map((backup) => ({ ...backup, usable: backup.verification?.ok !== false })),
    policy,
  );
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.name)) continue;
    await rm(backup.file, { force: true });
    await rm(sidecarPath(backup.file), { force: true });
    await rm(verificationPath(backup.file), { force: true });
    removed.push(backup.name);
  }
  return removed;
}

async function removeStalePartials(dir: string): Promise<void> {
  const names = existsSync(dir) ? await readdir(dir) : [];
  for (const name of names.filter((entry) => entry.endsWith(`${BACKUP_EXTENSION}.partial`))) {
    const file = path.join(dir, name);
    if (Date.now() - (await stat(file)).mtimeMs > STALE_PARTIAL_MS) await rm(file, { force: true });
  }
}

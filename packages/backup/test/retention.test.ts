import { existsSync } from 'node:fs';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, sidecarPath, verificationPath } from '../src/format.js';
import { backupsToKeep, type DatedBackup, isoWeekKey, pruneBackups } from '../src/retention.js';
import { tempDir } from './helpers.js';

const POLICY = { daily: 7, weekly: 4, monthly: 12 };

/** One backup a day at 03:00 UTC from 1 September 2025 to 31 October 2026, plus two extra ones. */
function fourteenMonthsOfBackups(): DatedBackup[] {
  const dates: Date[] = [];
  for (let day = Date.UTC(2025, 8, 1, 3); day <= Date.UTC(2026, 9, 31, 3); day += 86_400_000) {
    dates.push(new Date(day));
  }
  dates.push(new Date('2026-10-30T12:00:00Z'), new Date('2026-10-31T15:00:00Z'));
  return dates.map((createdAt) => ({ name: backupFileName(createdAt), createdAt }));
}

const names = (isoTimes: string[]) => isoTimes.map((time) => backupFileName(new Date(time))).sort();

const EXPECTED = [
  // daily: the newest backup of each of the last 7 days
  '2026-10-31T15:00:00Z',
  '2026-10-30T12:00:00Z',
  '2026-10-29T03:00:00Z',
  '2026-10-28T03:00:00Z',
  '2026-10-27T03:00:00Z',
  '2026-10-26T03:00:00Z',
  '2026-10-25T03:00:00Z',
  // weekly: Sundays ending ISO weeks 42 and 41 (weeks 44 and 43 are already kept above)
  '2026-10-18T03:00:00Z',
  '2026-10-11T03:00:00Z',
  // monthly: the last day of each of the 11 months before October 2026
  '2026-09-30T03:00:00Z',
  '2026-08-31T03:00:00Z',
  '2026-07-31T03:00:00Z',
  '2026-06-30T03:00:00Z',
  '2026-05-31T03:00:00Z',
  '2026-04-30T03:00:00Z',
  '2026-03-31T03:00:00Z',
  '2026-02-28T03:00:00Z',
  '2026-01-31T03:00:00Z',
  '2025-12-31T03:00:00Z',
  '2025-11-30T03:00:00Z',
];

describe('retention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups out of 14 months of them', () => {
    const backups = fourteenMonthsOfBackups();
    expect(backups).toHaveLength(428);
    const kept = [...backupsToKeep(backups, POLICY)].sort();
    expect(kept).toEqual(names(EXPECTED));
  });

  it('skips backups whose verification failed, but always keeps the newest one', () => {
    const failed = new Set(names(['2026-09-30T03:00:00Z', '2026-10-31T15:00:00Z']));
    const backups = fourteenMonthsOfBackups().map((backup) => ({
      ...backup,
      usable: !failed.has(backup.name),
    }));
    const kept = [...backupsToKeep(backups, POLICY)].sort();
    const expected = EXPECTED.filter((time) => time !== '2026-09-30T03:00:00Z').concat(
      '2026-09-29T03:00:00Z', // September's newest usable backup
      '2026-10-31T03:00:00Z', // the newest usable backup of the last day (the failed one is kept as newest)
    );
    expect(kept).toEqual(names(expected));
  });

  it('keeps everything while there are fewer periods than the policy allows, and nothing is ever empty', () => {
    const backups = fourteenMonthsOfBackups().slice(0, 3);
    expect(backupsToKeep(backups, POLICY).size).toBe(3);
    expect([...backupsToKeep(backups, { daily: 0, weekly: 0, monthly: 0 })]).toEqual([backups.at(-1)?.name]);
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeekKey(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeekKey(new Date('2026-10-25T23:59:59Z'))).toBe('2026-W43');
    expect(isoWeekKey(new Date('2026-10-26T00:00:00Z'))).toBe('2026-W44');
  });

  it('prunes a backup folder: deletes what is not kept, with its sidecars, and leaves other files alone', async () => {
    const dir = await tempDir();
    for (const backup of fourteenMonthsOfBackups()) {
      const file = path.join(dir, backup.name);
      await writeFile(file, 'age');
      await writeFile(sidecarPath(file), '{}');
      await writeFile(verificationPath(file), '{"ok":true}');
    }
    await writeFile(path.join(dir, 'notes.txt'), 'keep me');
    // Unfinished files: one from a backup killed two days ago, one being written right now.
    const killed = path.join(dir, 'taskapp-20261029T030000Z.backup.age.partial');
    await writeFile(killed, 'half');
    await utimes(killed, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    const inProgress = path.join(dir, 'taskapp-20261101T030000Z.backup.age.partial');
    await writeFile(inProgress, 'half');

    const removed = await pruneBackups(dir, POLICY);
    expect(removed).toHaveLength(428 - EXPECTED.length);
    const left = (await readdir(dir)).sort();
    expect(left.filter((name) => name.endsWith('.backup.age'))).toEqual(names(EXPECTED));
    expect(left).toHaveLength(EXPECTED.length * 3 + 2);
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(inProgress)).toBe(true);
  });
});

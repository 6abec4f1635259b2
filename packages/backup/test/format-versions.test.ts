import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsList, withClient } from '@taskapp/db';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidecarPath } from '../src/format.js';
import { loadIdentities, restoreBackup, verifyBackup } from '../src/index.js';
import { tableFingerprints, tempDir, testKeys } from './helpers.js';

// Backups written by format 1 (before projects, labels and subtasks) and format 2 (JSON lines, before
// compression and COPY text), kept as files: see fixtures/format-v1/README.md and fixtures/format-v2/README.md.
const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/format-v1/', import.meta.url));
const FIXTURE = 'taskapp-20261129T120000Z.backup.age';
const FIXTURE_MIGRATION = 'Migration20261129094500_task_limit';
const V2_DIR = fileURLToPath(new URL('./fixtures/format-v2/', import.meta.url));
const V2_FIXTURE = 'taskapp-20261130T013000Z.backup.age';

let target: TestDatabase;
beforeAll(async () => {
  target = await createTestDatabase();
});
afterAll(() => target.drop());

/** A copy of a fixture in a temp folder: verify writes its verdict next to the file. */
async function fixtureCopy(dir = FIXTURE_DIR, name = FIXTURE): Promise<string> {
  const file = path.join(await tempDir(), name);
  await copyFile(path.join(dir, name), file);
  await copyFile(sidecarPath(path.join(dir, name)), sidecarPath(file));
  return file;
}

describe('a format 1 backup', () => {
  it('restores: its tasks land in the Inbox at the top level, in manual order newest first', async () => {
    const identities = await loadIdentities(path.join(FIXTURE_DIR, 'identity.txt'));
    const restored = await restoreBackup({ file: await fixtureCopy(), identities, targetUrl: target.url });
    expect(restored.manifest.formatVersion).toBe(1);
    expect(restored.manifest.migration).toBe(FIXTURE_MIGRATION);
    const later = migrationsList.slice(migrationsList.findIndex((m) => m.name === FIXTURE_MIGRATION) + 1);
    expect(restored.migratedAfterLoad).toEqual(later.map((migration) => migration.name));

    await withClient(target.url, async (client) => {
      const { rows: tasks } = await client.query(
        `SELECT title, status, all_day, project_id, parent_id, position, u.email
         FROM tasks JOIN users u ON u.id = tasks.user_id ORDER BY position COLLATE "C"`,
      );
      expect(tasks).toEqual([
        {
          title: 'newest',
          status: 'in_progress',
          all_day: false,
          project_id: null,
          parent_id: null,
          position: 'd0001',
          email: 'v1-fixture@example.com',
        },
        {
          title: 'middle',
          status: 'pending',
          all_day: true,
          project_id: null,
          parent_id: null,
          position: 'd0002',
          email: 'v1-fixture@example.com',
        },
        {
          title: 'oldest',
          status: 'completed',
          all_day: false,
          project_id: null,
          parent_id: null,
          position: 'd0003',
          email: 'v1-fixture@example.com',
        },
      ]);
      const { rows: counts } = await client.query(
        `SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM labels) AS labels,
                (SELECT count(*)::int FROM task_labels) AS task_labels,
                (SELECT time_zone FROM user_settings) AS time_zone`,
      );
      expect(counts[0]).toEqual({ projects: 0, labels: 0, task_labels: 0, time_zone: 'Europe/Paris' });
    });
  });

  it('verifies', async () => {
    const identities = await loadIdentities(path.join(FIXTURE_DIR, 'identity.txt'));
    const result = await verifyBackup({ file: await fixtureCopy(), identities, serverUrl: target.url });
    expect(result.message).toMatch(/^OK taskapp-20261129T120000Z\.backup\.age: 8 tables, 5 rows restored/);
  });
});

describe('a format 2 backup', () => {
  it("restores, subtask before its parent, and rebuilds the reminder schedule in the owner's time zone", async () => {
    const identities = await loadIdentities(path.join(V2_DIR, 'identity.txt'));
    const restored = await restoreBackup({
      file: await fixtureCopy(V2_DIR, V2_FIXTURE),
      identities,
      targetUrl: target.url,
      force: true,
    });
    expect(restored.manifest.formatVersion).toBe(2);

    await withClient(target.url, async (client) => {
      const { rows: tasks } = await client.query(
        `SELECT t.title, t.description, t.status, t.all_day, p.name AS project, parent.title AS parent,
                (SELECT string_agg(l.name, ',') FROM task_labels tl JOIN labels l ON l.id = tl.label_id
                 WHERE tl.task_id = t.id) AS labels
         FROM tasks t LEFT JOIN projects p ON p.id = t.project_id LEFT JOIN tasks parent ON parent.id = t.parent_id
         ORDER BY t.id`,
      );
      expect(tasks).toEqual([
        {
          title: 'subtask',
          description: null,
          status: 'in_progress',
          all_day: false,
          project: 'Home 🏡',
          parent: 'parent',
          labels: null,
        },
        {
          title: 'parent',
          description: 'line one\nline two\ttabbed \\ back',
          status: 'pending',
          all_day: true,
          project: 'Home 🏡',
          parent: null,
          labels: 'Errand',
        },
        {
          title: 'done 🚀',
          description: null,
          status: 'completed',
          all_day: false,
          project: null,
          parent: null,
          labels: null,
        },
      ]);
      // 09:00 in Paris (summer time, UTC+2) on the due day, minus the reminder's 60 minutes.
      const { rows: jobs } = await client.query(
        `SELECT reminder_index, (fire_at AT TIME ZONE 'UTC')::text AS fire_at, status FROM reminder_jobs`,
      );
      expect(jobs).toEqual([{ reminder_index: 0, fire_at: '2030-06-01 06:00:00', status: 'pending' }]);
    });
  });

  it('verifies', async () => {
    const identities = await loadIdentities(path.join(V2_DIR, 'identity.txt'));
    const result = await verifyBackup({
      file: await fixtureCopy(V2_DIR, V2_FIXTURE),
      identities,
      serverUrl: target.url,
    });
    expect(result.message).toMatch(/^OK taskapp-20261130T013000Z\.backup\.age: 17 tables, 8 rows restored/);
  });
});

describe('a backup in a format newer than this app reads', () => {
  it('is refused with a clear message before anything changes', async () => {
    const { recipient, identity } = await testKeys();
    const header = {
      format: 'taskapp-backup',
      formatVersion: 4,
      appVersion: '9.0.0',
      migration: migrationsList.at(-1)?.name,
      createdAt: new Date().toISOString(),
      tables: [],
    };
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const file = path.join(await tempDir(), 'taskapp-20990101T000000Z.backup.age');
    await writeFile(file, await encrypter.encrypt(`@header ${JSON.stringify(header)}\n`));
    const before = await tableFingerprints(target.url);
    await expect(restoreBackup({ file, identities: [identity], targetUrl: target.url })).rejects.toThrow(
      /format version 4; this app reads versions 1, 2, 3/,
    );
    expect(await tableFingerprints(target.url)).toEqual(before);
  });
});

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

// A backup written by format 1 (before projects, labels and subtasks), kept as a file: see
// fixtures/format-v1/README.md.
const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/format-v1/', import.meta.url));
const FIXTURE = 'taskapp-20261129T120000Z.backup.age';
const FIXTURE_MIGRATION = 'Migration20261129094500_task_limit';

let target: TestDatabase;
beforeAll(async () => {
  target = await createTestDatabase();
});
afterAll(() => target.drop());

/** A copy of the fixture in a temp folder: verify writes its verdict next to the file. */
async function fixtureCopy(): Promise<string> {
  const dir = await tempDir();
  const file = path.join(dir, FIXTURE);
  await copyFile(path.join(FIXTURE_DIR, FIXTURE), file);
  await copyFile(sidecarPath(path.join(FIXTURE_DIR, FIXTURE)), sidecarPath(file));
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

describe('a backup in a format newer than this app reads', () => {
  it('is refused with a clear message before anything changes', async () => {
    const { recipient, identity } = await testKeys();
    const header = {
      format: 'taskapp-backup',
      formatVersion: 3,
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
      /format version 3; this app reads versions 1, 2/,
    );
    expect(await tableFingerprints(target.url)).toEqual(before);
  });
});

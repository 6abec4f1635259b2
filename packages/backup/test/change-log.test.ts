import { withClient } from '@taskapp/db';
import { type ChangesPage, createQueries } from '@taskapp/db/queries';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../src/index.js';
import { seedAwkwardData, tempDir, testKeys } from './helpers.js';

// Live sync's change log is derived from the other tables and read by cursors a restore invalidates:
// it is left out of backups, and a restore starts it afresh so every earlier cursor resyncs.

let source: TestDatabase;
let target: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedAwkwardData(source.url, 2);
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

const page = (url: string, userId: string, after: string | null): Promise<ChangesPage> =>
  withClient(url, (client) => createQueries(client).changes.page(userId, after, 1000));

/** A cursor after every change the user has so far (another test file's open transaction can hold some back a moment). */
async function caughtUp(url: string, userId: string): Promise<string> {
  let cursor: string | null = null;
  await waitFor(
    async () => {
      const read: ChangesPage = await page(url, userId, cursor);
      cursor = read.cursor;
      return !read.hasMore && !read.pending;
    },
    { what: 'the settled changes' },
  );
  return cursor ?? '';
}

const firstUser = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users ORDER BY id LIMIT 1');
    return rows[0]?.id ?? '';
  });

const count = (url: string, table: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0]?.n;
  });

describe('the change log and backups', () => {
  it('is not backed up; a restore empties it and sends every earlier cursor to resync', async () => {
    const { recipient, identity } = await testKeys();
    const userId = await firstUser(source.url);
    expect(await count(source.url, 'changes')).toBeGreaterThan(0);
    const sourceCursor = await caughtUp(source.url, userId);

    const backup = await createBackup({
      databaseUrl: source.url,
      dir: await tempDir(),
      recipients: [recipient],
    });
    const tables = backup.manifest.tables.map((table) => table.name);
    expect(tables).toContain('tasks');
    expect(tables).not.toContain('changes');
    expect(tables).not.toContain('change_log_horizon');

    await seedAwkwardData(target.url, 1);
    const targetCursor = await caughtUp(target.url, await firstUser(target.url));
    await restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url, force: true });

    // The load's rows were logged by the triggers, then dropped.
    expect(await count(target.url, 'changes')).toBe(0);
    for (const cursor of [sourceCursor, targetCursor]) {
      expect(await page(target.url, userId, cursor)).toMatchObject({ changes: [], resync: true });
    }
    // The cursor a resync gives reads on from there and sees what comes next (once no transaction older
    // than the restore runs on the server, e.g. another test file's).
    let resynced = '';
    await waitFor(
      async () => {
        resynced = (await page(target.url, userId, sourceCursor)).cursor;
        return !(await page(target.url, userId, resynced)).resync;
      },
      { what: 'a resync cursor that reads on' },
    );
    const task = await withClient(target.url, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO tasks (user_id, title) VALUES ($1, 'After the restore') RETURNING id`,
        [userId],
      );
      return rows[0]?.id;
    });
    await waitFor(
      async () => {
        const next = await page(target.url, userId, resynced);
        expect(next.resync).toBe(false);
        return next.changes.some(({ change }) => change.id === task);
      },
      { what: 'the task written after the restore' },
    );
  });

  it('the change log alone does not make a wiped database non-empty for a restore', async () => {
    const { recipient, identity } = await testKeys();
    const backup = await createBackup({
      databaseUrl: source.url,
      dir: await tempDir(),
      recipients: [recipient],
    });
    const wiped = await createTestDatabase();
    try {
      await restoreBackup({ file: backup.file, identities: [identity], targetUrl: wiped.url });
      await withClient(wiped.url, (client) => client.query('TRUNCATE users, rate_limits CASCADE'));
      // A restore has left its horizon behind; that is no data of anyone's.
      expect(await count(wiped.url, 'change_log_horizon')).toBe(1);
      await restoreBackup({ file: backup.file, identities: [identity], targetUrl: wiped.url });
      expect(await count(wiped.url, 'tasks')).toBe(await count(source.url, 'tasks'));
    } finally {
      await wiped.drop();
    }
  });
});

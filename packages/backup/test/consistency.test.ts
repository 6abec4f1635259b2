import { withClient } from '@taskapp/db';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../src/index.js';
import { tempDir, testKeys } from './helpers.js';

const TASKS_PER_WRITER_USER = 5;

let source: TestDatabase;
let target: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  // Enough rows that the backup takes a while, so the writer below changes data during it.
  await withClient(source.url, async (client) => {
    await client.query(
      `INSERT INTO users (email, name, password_hash) SELECT 'bulk-' || g || '@example.com', 'Bulk', 'x' FROM generate_series(1, 200) g`,
    );
    await client.query(
      `INSERT INTO tasks (user_id, title, description) SELECT u.id, 'Bulk task ' || g, repeat('d', 300)
       FROM users u, generate_series(1, 150) g`,
    );
  });
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

/** Adds users with exactly five tasks and deletes earlier ones (tasks cascade), each in one transaction. */
async function writeUntil(url: string, done: () => boolean, progress: { commits: number }): Promise<void> {
  await withClient(url, async (client) => {
    for (let n = 0; !done(); n += 1) {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Writer', 'x') RETURNING id`,
        [`writer-${n}@example.com`],
      );
      await client.query(
        `INSERT INTO tasks (user_id, title) SELECT $1, 'Writer task ' || g FROM generate_series(1, ${TASKS_PER_WRITER_USER}) g`,
        [rows[0]?.id],
      );
      if (n % 3 === 2)
        await client.query(`DELETE FROM users WHERE email = $1`, [`writer-${n - 1}@example.com`]);
      await client.query('COMMIT');
      progress.commits += 1;
    }
  });
}

describe('a backup taken while others write', () => {
  it('restores to one consistent moment: every user with all of their tasks, no task without its user', async () => {
    const { recipient, identity } = await testKeys();
    let backupDone = false;
    const progress = { commits: 0 };
    const writer = writeUntil(source.url, () => backupDone, progress);
    // Let the writer get going first: a full round of its three kinds of commit, the third deleting a user.
    await waitFor(() => progress.commits >= 3, { what: 'the writer to commit three transactions' });
    const commitsBefore = progress.commits;
    const backup = await createBackup({
      databaseUrl: source.url,
      dir: await tempDir(),
      recipients: [recipient],
    });
    const commitsDuringBackup = progress.commits - commitsBefore;
    backupDone = true;
    await writer;
    expect(commitsDuringBackup).toBeGreaterThan(10);

    await restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url });
    await withClient(target.url, async (client) => {
      const { rows } = await client.query<{ email: string; tasks: number }>(
        `SELECT u.email, count(t.id)::int AS tasks FROM users u LEFT JOIN tasks t ON t.user_id = u.id
         WHERE u.email LIKE 'writer-%' GROUP BY u.email`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.tasks !== TASKS_PER_WRITER_USER)).toEqual([]);
      const orphans = await client.query(
        'SELECT count(*)::int AS n FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)',
      );
      expect(orphans.rows[0].n).toBe(0);
      const writerTasks = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tasks WHERE title LIKE 'Writer task %'`,
      );
      expect(writerTasks.rows[0]?.n).toBe(rows.length * TASKS_PER_WRITER_USER);
    });
    expect(backup.manifest.tables.find((table) => table.name === 'tasks')?.rows).toBeGreaterThanOrEqual(
      30_000,
    );
  }, 60_000);
});

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { withClient } from '@taskapp/db';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testKeys } from './helpers.js';

const TASKS = 200_000;
// Must match the `cli` script in package.json: the young generation is capped for the same reason.
const NODE_FLAGS = ['--max-semi-space-size=4', '--import', 'tsx', '--conditions=@taskapp/source'];
const fixture = fileURLToPath(new URL('./fixtures/backup-rss.ts', import.meta.url));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await withClient(database.url, async (client) => {
    // Only the data matters here; without the secondary indexes the load takes seconds.
    const { rows } = await client.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'tasks' AND indexname <> 'tasks_pkey'`,
    );
    for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
    // Nor does live sync's change log (not backed up): 200,000 change rows would only slow the load. Nor
    // the task limit, which counts each owner's tasks through the index just dropped.
    await client.query('ALTER TABLE tasks DISABLE TRIGGER tasks_log_insert');
    await client.query('ALTER TABLE tasks DISABLE TRIGGER tasks_enforce_limit');
    await client.query(
      `INSERT INTO users (email, name, password_hash) SELECT 'm' || g || '@example.com', 'M', 'x' FROM generate_series(1, 1000) g`,
    );
    await client.query(
      `INSERT INTO tasks (user_id, title, description, due_date)
       SELECT u.id, 'Task ' || g, repeat('Lorem ipsum dolor sit amet ', 20), CASE WHEN g % 2 = 0 THEN now() END
       FROM users u, generate_series(1, ${TASKS / 1000}) g`,
    );
  });
}, 120_000);
afterAll(() => database.drop());

async function backupInChildProcess(): Promise<{
  baseRssMb: number;
  peakRssMb: number;
  bytes: number;
  tasks: number;
}> {
  const { recipient } = await testKeys();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...NODE_FLAGS, fixture, database.url, await tempDir(), recipient],
    { cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

describe('backup memory', () => {
  it(`streams ${TASKS.toLocaleString('en')} tasks with flat memory`, async () => {
    const result = await backupInChildProcess();
    expect(result.tasks).toBe(TASKS);
    // The rows' text alone is over 100 MB (the file is much smaller: compressed); holding it would at
    // least double the process.
    const textBytes = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ bytes: string }>(
        'SELECT sum(octet_length(t::text)) AS bytes FROM tasks t',
      );
      return Number(rows[0]?.bytes);
    });
    expect(textBytes).toBeGreaterThan(100 * 1024 * 1024);
    // Streaming grows the process by some tens of MB (buffers, GC lag: 82 MB once in CI with every
    // package's tests running at once); holding the plaintext would add over 100.
    expect(result.peakRssMb - result.baseRssMb).toBeLessThan(95);
    expect(result.peakRssMb).toBeLessThan(200);
  }, 120_000);
});

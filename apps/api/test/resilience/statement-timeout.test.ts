import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_MESSAGE } from '../../src/trpc/error-formatter.js';
import { signUp, trpcError } from '../helpers/accounts.js';
import { type OpenSql, openSql } from '../helpers/sql.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const STATEMENT_TIMEOUT_MS = 300;

let server: TestServer;
let sql: OpenSql;
beforeAll(async () => {
  // A pool of two: a connection spoiled or leaked by the timed-out request would soon starve the rest.
  server = await startTestServer({
    TRUST_PROXY: 'true',
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    DATABASE_POOL_MAX: '2',
  });
  sql = await openSql(server.database);
});
afterAll(async () => {
  await sql?.close();
  await server?.stop();
});

/** Opens a transaction on a connection of the test's own that holds a row lock on the task until released. */
async function lockTask(taskId: string): Promise<{ release(): Promise<void> }> {
  const knex = sql.orm.em.getConnection().getKnex();
  const transaction = await knex.transaction();
  await transaction.raw('SELECT id FROM tasks WHERE id = ? FOR UPDATE', [taskId]);
  return { release: () => transaction.rollback().then(() => undefined) };
}

describe('a statement that hits the database statement timeout', () => {
  it('fails that request only, tells nothing about SQL, and the next 100 requests succeed', {
    timeout: 60_000,
  }, async () => {
    const victim = await signUp(server);
    const bystander = await signUp(server);
    const task = await victim.browser.api.task.create.mutate({ title: 'locked elsewhere' });
    const other = await bystander.browser.api.task.create.mutate({ title: 'free to change' });

    const lock = await lockTask(task.id);
    try {
      const startedAt = Date.now();
      const blocked = trpcError(victim.browser.api.task.update.mutate({ id: task.id, title: 'waits' }));
      // Meanwhile, work that does not need the locked row goes through.
      await bystander.browser.api.task.update.mutate({ id: other.id, title: 'changed meanwhile' });
      const error = await blocked;
      const waited = Date.now() - startedAt;
      // It waited for the lock until the timeout struck, and not much longer.
      expect(waited).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(5_000);
      expect(error.data?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.data?.httpStatus).toBe(500);
      const { message, data } = error.shape ?? {};
      expect(message).toBe(INTERNAL_ERROR_MESSAGE);
      expect(JSON.stringify(data)).not.toMatch(/statement|timeout|select|node_modules|\.ts:\d+/i);
    } finally {
      await lock.release();
    }

    const [row] = await sql.query<{ title: string }>('SELECT title FROM tasks WHERE id = ?', [task.id]);
    expect(row?.title).toBe('locked elsewhere');

    for (let i = 0; i < 100; i++) {
      if (i % 2) await victim.browser.api.task.update.mutate({ id: task.id, title: `after ${i}` });
      else await victim.browser.api.task.list.query({ limit: 10 });
    }
    const [after] = await sql.query<{ title: string }>('SELECT title FROM tasks WHERE id = ?', [task.id]);
    expect(after?.title).toBe('after 99');
  });
});

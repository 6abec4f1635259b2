import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnvSchema } from '../src/database-env.js';
import { provideDatabase } from '../src/local-database.js';
import { openOrm } from '../src/orm.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const withQuery = (url: string, params: Record<string, string>) => {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
};

describe('ORM configuration', () => {
  it('connects with the pool size and timeouts from the environment', async () => {
    const orm = await openOrm({ ...database.settings, poolMax: 3, statementTimeoutMs: 1234 });
    try {
      const rows = await orm.em
        .getConnection()
        .execute<{ statement_timeout: string }[]>('SHOW statement_timeout');
      expect(rows[0]?.statement_timeout).toBe('1234ms');
      expect(orm.config.get('pool')).toMatchObject({ max: 3 });
    } finally {
      await orm.close();
    }
  });

  it('cancels a statement that runs past the statement timeout', async () => {
    const orm = await openOrm({ ...database.settings, statementTimeoutMs: 200 });
    try {
      await expect(orm.em.getConnection().execute('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      expect(await orm.em.getConnection().execute('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await orm.close();
    }
  });

  it('asks for TLS when the URL says sslmode=require (as Neon URLs do)', async () => {
    // The test server has no TLS, so a client that really asks for it is refused.
    const orm = await openOrm({ ...database.settings, url: withQuery(database.url, { sslmode: 'require' }) });
    try {
      await expect(orm.em.getConnection().execute('SELECT 1')).rejects.toThrow(/does not support SSL/);
    } finally {
      await orm.close(true).catch(() => undefined);
    }
  });

  it('uses DATABASE_URL as it is when set, without starting anything', async () => {
    const env = databaseEnvSchema.parse({ DATABASE_URL: database.url });
    const provided = await provideDatabase(env);
    expect(provided).toMatchObject({ url: database.url, embedded: false });
    await provided.stop();
  });
});

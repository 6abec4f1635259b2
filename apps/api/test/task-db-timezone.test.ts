import { randomUUID } from 'node:crypto';
import { createPool, type MikroORM, openOrm, type Pool, withClient } from '@taskapp/db';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerFor, testDependencies } from './helpers/test-deps.js';

// A server whose default TimeZone is not UTC (a self-hosted PostgreSQL set to local time): the list must
// still return the very dates byId returns, whatever offsets PostgreSQL prints (pre-1893 Berlin used
// local mean time, +00:53:28).

let database: TestDatabase;
let orm: MikroORM;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  const { serverUrl } = inject('taskappTestDatabase');
  await withClient(serverUrl, (client) =>
    client.query(`alter database "${database.name}" set timezone to 'Europe/Berlin'`),
  );
  orm = await openOrm(database.settings);
  pool = createPool(database.settings);
});
afterAll(async () => {
  await pool?.end();
  await orm?.close();
  await database?.drop();
});

describe('a database whose TimeZone is Europe/Berlin', () => {
  it('lists the same dates as byId and create return', async () => {
    const [shown] = await orm.em
      .getConnection()
      .execute<{ tz: string }[]>("select current_setting('TimeZone') as tz");
    expect(shown?.tz).toBe('Europe/Berlin');
    const [user] = await orm.em
      .getConnection()
      .execute<{ id: string }[]>(
        "insert into users (email, name, password_hash) values (?, 'Tz', 'x') returning id",
        [`tz-${randomUUID()}@example.com`],
      );
    const api = () =>
      callerFor(testDependencies({ orm, pool }, 'smtp://127.0.0.1:9'), {
        userId: user?.id ?? '',
        sessionId: randomUUID(),
      });
    for (const iso of ['2030-07-01T10:00:00.123Z', '2030-01-01T10:00:00.000Z', '1850-06-01T12:00:00.000Z']) {
      const created = await api().task.create({ title: `Due ${iso}`, dueDate: new Date(iso) });
      expect(created.dueDate?.toISOString()).toBe(iso);
      expect((await api().task.byId({ id: created.id })).dueDate?.toISOString()).toBe(iso);
      const listed = await api().task.list({ search: iso });
      expect(
        listed.items.map((task) =>
          Number.isNaN(task.dueDate?.getTime()) ? 'Invalid Date' : task.dueDate?.toISOString(),
        ),
        `list: ${iso}`,
      ).toEqual([iso]);
    }
  });
});

import { type MikroORM, openOrm } from '@taskapp/db';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/trpc/router.js';
import { startTestServer, type TestBrowser, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let orm: MikroORM;
let sequence = 0;

beforeAll(async () => {
  server = await startTestServer();
  orm = await openOrm({ ...server.database.settings, poolMax: 2 });
});
afterAll(async () => {
  await orm?.close();
  await server?.stop();
});

async function countTasks(): Promise<number> {
  const [row] = await orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from tasks');
  return row?.n ?? -1;
}

async function signedUp(): Promise<TestBrowser & { userId: string }> {
  sequence += 1;
  const browser = server.browser();
  const result = await browser.api.auth.register.mutate({
    email: `task-http-${process.pid}-${sequence}@example.com`,
    name: 'Grace Hopper',
    password: 'compiling cobol since 1959',
  });
  browser.accessToken = result.accessToken;
  return Object.assign(browser, { userId: result.user.id });
}

async function failure(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe('the task API over HTTP', () => {
  it('refuses task calls without a valid access token with UNAUTHORIZED (401), and writes nothing', async () => {
    const anonymous = server.browser();
    const before = await countTasks();
    for (const call of [
      anonymous.api.task.list.query({}),
      anonymous.api.task.stats.query({ timeZone: 'UTC' }),
      anonymous.api.task.create.mutate({ title: 'Sneaky' }),
      anonymous.api.task.bulkDelete.mutate({ ids: ['00000000-0000-4000-8000-000000000000'] }),
    ]) {
      const error = await failure(call);
      expect(error.data?.code).toBe('UNAUTHORIZED');
      expect(error.data?.httpStatus).toBe(401);
    }
    const forged = server.browser();
    forged.accessToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect((await failure(forged.api.task.create.mutate({ title: 'Forged' }))).data?.code).toBe(
      'UNAUTHORIZED',
    );
    expect(await countTasks()).toBe(before);
  });

  it("works with a registered user's token, and dates round-trip as Date through superjson", async () => {
    const browser = await signedUp();
    const dueDate = new Date('2031-12-31T23:59:59.999Z');
    const created = await browser.api.task.create.mutate({
      title: '  Over the wire 🎉 שלום  ',
      priority: 'high',
      dueDate,
    });
    expect(created).toMatchObject({ title: 'Over the wire 🎉 שלום', priority: 'high', status: 'pending' });
    expect(created.dueDate).toBeInstanceOf(Date);
    expect(created.dueDate).toEqual(dueDate);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.updatedAt).toBeInstanceOf(Date);

    const [row] = await orm.em
      .getConnection()
      .execute<{ user_id: string; due_date: string }[]>('select user_id, due_date from tasks where id = ?', [
        created.id,
      ]);
    expect(row?.user_id).toBe(browser.userId);
    expect(new Date(row?.due_date ?? 0)).toEqual(dueDate);

    expect(await browser.api.task.byId.query({ id: created.id })).toEqual(created);
    const page = await browser.api.task.list.query({ dueBefore: new Date('2032-01-01T00:00:00Z') });
    expect(page.items).toEqual([created]);
    expect(page.items[0]?.dueDate).toBeInstanceOf(Date);

    const done = await browser.api.task.update.mutate({
      id: created.id,
      status: 'completed',
      expectedUpdatedAt: created.updatedAt,
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    const stale = await failure(
      browser.api.task.update.mutate({
        id: created.id,
        title: 'stale',
        expectedUpdatedAt: created.updatedAt,
      }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    expect(stale.data?.httpStatus).toBe(409);

    const stats = await browser.api.task.stats.query({ timeZone: 'Pacific/Kiritimati' });
    expect(stats.byStatus).toEqual({ pending: 0, in_progress: 0, completed: 1 });

    expect(await browser.api.task.delete.mutate({ id: created.id })).toEqual({ id: created.id });
    const restored = await browser.api.task.restore.mutate({ id: done.id });
    expect(restored).toEqual({ ...done, updatedAt: expect.any(Date) });
    const exported = await browser.api.account.exportData.query();
    expect(exported.tasks).toEqual([restored]);
  });

  it('answers bad input with BAD_REQUEST (400) and the field, and writes nothing', async () => {
    const browser = await signedUp();
    const before = await countTasks();
    const tooLong = await failure(browser.api.task.create.mutate({ title: 'x'.repeat(256) }));
    expect(tooLong.data?.code).toBe('BAD_REQUEST');
    expect(tooLong.data?.httpStatus).toBe(400);
    expect(tooLong.data?.zodError?.fieldErrors).toHaveProperty('title');
    const nul = await failure(browser.api.task.create.mutate({ title: 'a\u0000b' }));
    expect(nul.data?.code).toBe('BAD_REQUEST');
    const limit = await failure(browser.api.task.list.query({ limit: 10_000 }));
    expect(limit.data?.code).toBe('BAD_REQUEST');
    const owner = await failure(
      browser.api.task.create.mutate({ title: 'ok', userId: browser.userId } as never),
    );
    expect(owner.data?.code).toBe('BAD_REQUEST');
    expect(await countTasks()).toBe(before);
  });

  it("answers NOT_FOUND (404) for another user's task", async () => {
    const owner = await signedUp();
    const other = await signedUp();
    const task = await owner.api.task.create.mutate({ title: 'Private' });
    const error = await failure(other.api.task.byId.query({ id: task.id }));
    expect(error.data?.code).toBe('NOT_FOUND');
    expect(error.data?.httpStatus).toBe(404);
    expect((await failure(other.api.task.update.mutate({ id: task.id, title: 'Mine now' }))).data?.code).toBe(
      'NOT_FOUND',
    );
    expect(await other.api.task.bulkUpdate.mutate({ ids: [task.id], patch: { priority: 'low' } })).toEqual({
      count: 0,
    });
    expect(await owner.api.task.byId.query({ id: task.id })).toEqual(task);
  });
});

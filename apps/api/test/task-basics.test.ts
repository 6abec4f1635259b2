import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDependencies } from '../src/trpc/context.js';
import { callerFor, testDependencies } from './helpers/test-deps.js';

let db: TestOrm;
let deps: AppDependencies;

async function newUser(email: string) {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ id: string }[]>(
      "insert into users (email, name, password_hash) values (?, 'T', 'x') returning id",
      [email],
    );
  const userId = rows[0]?.id ?? '';
  return callerFor(deps, { userId, sessionId: '00000000-0000-4000-8000-000000000000' });
}

beforeAll(async () => {
  db = await createTestOrm();
  deps = testDependencies(db, 'smtp://127.0.0.1:9');
});
afterAll(() => db.close());

describe('tasks: the basics', () => {
  it('creates, reads, updates with completedAt owned by the server, lists and deletes', async () => {
    const api = await newUser('basics@example.com');
    const created = await api.task.create({ title: '  Pay rent  ', priority: 'high' });
    expect(created).toMatchObject({
      title: 'Pay rent',
      status: 'pending',
      priority: 'high',
      completedAt: null,
    });
    expect(await api.task.byId({ id: created.id })).toEqual(created);

    const done = await api.task.update({
      id: created.id,
      status: 'completed',
      expectedUpdatedAt: created.updatedAt,
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    await expect(
      api.task.update({
        id: created.id,
        title: 'stale',
        expectedUpdatedAt: new Date(created.updatedAt.getTime() - 1000),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const reopened = await api.task.update({ id: created.id, status: 'in_progress' });
    expect(reopened.completedAt).toBeNull();

    const page = await api.task.list({});
    expect(page.items.map((t) => t.id)).toEqual([created.id]);
    expect(page.nextCursor).toBeNull();

    expect(await api.task.delete({ id: created.id })).toEqual({ id: created.id });
    await expect(api.task.byId({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("treats another user's task like a missing one", async () => {
    const owner = await newUser('owner@example.com');
    const other = await newUser('other@example.com');
    const task = await owner.task.create({ title: 'Mine' });
    await expect(other.task.byId({ id: task.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.task.update({ id: task.id, title: 'Hijacked' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.task.delete({ id: task.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await other.task.bulkUpdate({ ids: [task.id], patch: { status: 'completed' } })).toEqual({
      count: 0,
    });
    expect(await other.task.bulkDelete({ ids: [task.id] })).toEqual({ count: 0 });
    expect((await other.task.list({})).items).toEqual([]);
    expect(await owner.task.byId({ id: task.id })).toMatchObject({ title: 'Mine', status: 'pending' });
  });

  it('pages through a sorted list with a signed cursor and refuses a tampered one', async () => {
    const api = await newUser('pages@example.com');
    for (let i = 0; i < 7; i++)
      await api.task.create({ title: `Task ${i}`, priority: (['low', 'medium', 'high'] as const)[i % 3] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await api.task.list({
        sort: 'priority',
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    const first = await api.task.list({ limit: 2 });
    await expect(api.task.list({ limit: 2, cursor: `${first.nextCursor}x` })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      api.task.list({ limit: 2, cursor: first.nextCursor, status: ['pending'] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('counts stats and restores a deleted task exactly', async () => {
    const api = await newUser('stats@example.com');
    const task = await api.task.create({ title: 'Overdue', dueDate: new Date(Date.now() - 86_400_000) });
    await api.task.create({ title: 'Done', status: 'completed' });
    const stats = await api.task.stats({ timeZone: 'Europe/Berlin' });
    expect(stats).toMatchObject({ byStatus: { pending: 1, completed: 1 }, overdue: 1 });
    await api.task.delete({ id: task.id });
    expect(await api.task.restore({ id: task.id })).toEqual({ ...task, updatedAt: expect.any(Date) });
    await expect(api.task.stats({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

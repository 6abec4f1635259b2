import { randomUUID } from 'node:crypto';
import { createQueries } from '@taskapp/db/queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredRows } from '../src/ops/index.js';
import {
  allTaskRows,
  expectCode,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
  taskRow,
} from './helpers/task-fixtures.js';

// Security finding 10: restore takes only an id, works only on the caller's own recently deleted tasks,
// and every other id (another user's, a live one, an unknown one) is NOT_FOUND.

let t: TaskTestDb;
let user: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await openTaskTestDb();
  user = await newUser(t, 'restore');
  other = await newUser(t, 'restore-other');
});
afterAll(() => t.close());

const tombstones = async (userId: string) =>
  Number(
    (await t.query<{ n: string }>('select count(*) as n from deleted_tasks where user_id = ?', [userId]))[0]
      ?.n,
  );

describe('task.restore { id } (Undo after delete)', () => {
  it('brings back the same task: id, fields and createdAt, with updatedAt moved to now', async () => {
    const created = await user.api.task.create({
      title: 'Undo me 🎉',
      description: 'with a description',
      priority: 'high',
      status: 'in_progress',
      dueDate: new Date('2031-02-03T04:05:06.789Z'),
    });
    const task = await user.api.task.update({ id: created.id, title: 'Undo me, edited 🎉' });
    await user.api.task.delete({ id: task.id });
    const deletedAt = new Date();

    const restored = await user.api.task.restore({ id: task.id });
    expect(restored).toEqual({ ...task, updatedAt: expect.any(Date) });
    expect(restored.updatedAt.getTime()).toBeGreaterThanOrEqual(deletedAt.getTime() - 1);
    expect(await user.api.task.byId({ id: task.id })).toEqual(restored);
    expect((await user.api.task.list({ search: 'Undo me' })).items).toEqual([restored]);
    expect(await tombstones(user.userId)).toBe(0);
  });

  it('keeps completedAt of a completed task', async () => {
    const task = await user.api.task.create({ title: 'Done, then deleted', status: 'completed' });
    await user.api.task.delete({ id: task.id });
    const restored = await user.api.task.restore({ id: task.id });
    expect(restored.completedAt).toEqual(task.completedAt);
    expect(restored.status).toBe('completed');
  });

  it('restores tasks deleted in bulk', async () => {
    const a = await user.api.task.create({ title: 'Bulk A', dueDate: null });
    const b = await user.api.task.create({ title: 'Bulk B', priority: 'low' });
    expect(await user.api.task.bulkDelete({ ids: [a.id, b.id] })).toEqual({ count: 2 });
    expect(await user.api.task.restore({ id: a.id })).toMatchObject({ ...a, updatedAt: expect.any(Date) });
    expect(await user.api.task.restore({ id: b.id })).toMatchObject({ ...b, updatedAt: expect.any(Date) });
  });

  it("answers another user's task id with NOT_FOUND, live or deleted, and changes nothing", async () => {
    const live = await user.api.task.create({ title: 'alice live' });
    const deleted = await user.api.task.create({ title: 'alice deleted' });
    await user.api.task.delete({ id: deleted.id });
    const before = await allTaskRows(t);

    await expectCode(other.api.task.restore({ id: live.id }), 'NOT_FOUND');
    await expectCode(other.api.task.restore({ id: deleted.id }), 'NOT_FOUND');
    expect(await allTaskRows(t)).toEqual(before);
    // The owner can still undo.
    expect((await user.api.task.restore({ id: deleted.id })).title).toBe('alice deleted');
  });

  it('answers a live task, an unknown id and a second restore with NOT_FOUND', async () => {
    const task = await user.api.task.create({ title: 'Still here' });
    const stored = await taskRow(t, task.id);
    await expectCode(user.api.task.restore({ id: task.id }), 'NOT_FOUND');
    expect(await taskRow(t, task.id)).toBe(stored);
    await expectCode(user.api.task.restore({ id: randomUUID() }), 'NOT_FOUND');
    await user.api.task.delete({ id: task.id });
    await user.api.task.restore({ id: task.id });
    await expectCode(user.api.task.restore({ id: task.id }), 'NOT_FOUND');
  });

  it('accepts no client fields: timestamps, completion or a title are refused', async () => {
    const task = await user.api.task.create({ title: 'Template' });
    await user.api.task.delete({ id: task.id });
    const before = await allTaskRows(t);
    for (const extra of [
      { createdAt: new Date('2999-01-01T00:00:00Z') },
      { updatedAt: new Date('1000-01-01T00:00:00Z') },
      { completedAt: new Date('1999-01-01T00:00:00Z') },
      { title: 'restored', status: 'completed' },
    ]) {
      await expectCode(user.api.task.restore({ id: task.id, ...extra } as never), 'BAD_REQUEST');
    }
    await expectCode(user.api.task.restore({ id: 'not-a-uuid' }), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);
    expect((await user.api.task.restore({ id: task.id })).createdAt).toEqual(task.createdAt);
  });

  it('can undo for a day: the hourly clean-up removes older deleted tasks', async () => {
    const task = await user.api.task.create({ title: 'Deleted long ago' });
    await user.api.task.delete({ id: task.id });
    const queries = createQueries(t.db.pool);
    expect((await deleteExpiredRows(queries, new Date(Date.now() + 23 * 3_600_000))).deletedTasks).toBe(0);
    expect((await deleteExpiredRows(queries, new Date(Date.now() + 25 * 3_600_000))).deletedTasks).toBe(1);
    await expectCode(user.api.task.restore({ id: task.id }), 'NOT_FOUND');
  });

  it("goes with its owner's account", async () => {
    const leaving = await newUser(t, 'restore-leaving');
    const task = await leaving.api.task.create({ title: 'Mine' });
    await leaving.api.task.delete({ id: task.id });
    expect(await tombstones(leaving.userId)).toBe(1);
    await t.query('delete from users where id = ?', [leaving.userId]);
    expect(await tombstones(leaving.userId)).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTaskRows,
  expectCode,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
  taskRow,
} from './helpers/task-fixtures.js';

let t: TaskTestDb;
let user: TestUser;

beforeAll(async () => {
  t = await openTaskTestDb();
  user = await newUser(t, 'restore');
});
afterAll(() => t.close());

describe('task.restore (Undo after delete)', () => {
  it('brings back exactly the same task: id, fields, createdAt and updatedAt', async () => {
    const created = await user.api.task.create({
      title: 'Undo me 🎉',
      description: 'with a description',
      priority: 'high',
      status: 'in_progress',
      dueDate: new Date('2031-02-03T04:05:06.789Z'),
    });
    const task = await user.api.task.update({ id: created.id, title: 'Undo me, edited 🎉' });
    const stored = await taskRow(t, task.id);
    await user.api.task.delete({ id: task.id });

    const restored = await user.api.task.restore(task);
    expect(restored).toEqual(task);
    expect(await user.api.task.byId({ id: task.id })).toEqual(task);
    expect(await taskRow(t, task.id)).toBe(stored);
    const listed = await user.api.task.list({ search: 'Undo me' });
    expect(listed.items).toEqual([task]);
  });

  it('keeps completedAt of a completed task', async () => {
    const task = await user.api.task.create({ title: 'Done, then deleted', status: 'completed' });
    await user.api.task.delete({ id: task.id });
    const restored = await user.api.task.restore(task);
    expect(restored).toEqual(task);
    expect(restored.completedAt).toEqual(task.completedAt);
  });

  it('restores a task deleted in bulk', async () => {
    const a = await user.api.task.create({ title: 'Bulk A', dueDate: null });
    const b = await user.api.task.create({ title: 'Bulk B', priority: 'low' });
    expect(await user.api.task.bulkDelete({ ids: [a.id, b.id] })).toEqual({ count: 2 });
    expect(await user.api.task.restore(a)).toEqual(a);
    expect(await user.api.task.restore(b)).toEqual(b);
  });

  it('refuses an id that exists with CONFLICT and leaves that row unchanged', async () => {
    const task = await user.api.task.create({ title: 'Still here' });
    const stored = await taskRow(t, task.id);
    await expectCode(user.api.task.restore(task), 'CONFLICT');
    await expectCode(
      user.api.task.restore({ ...task, title: 'Overwritten?', status: 'completed' }),
      'CONFLICT',
    );
    expect(await taskRow(t, task.id)).toBe(stored);
    await user.api.task.delete({ id: task.id });
    expect(await user.api.task.restore(task)).toEqual(task);
    await expectCode(user.api.task.restore(task), 'CONFLICT');
  });

  it('keeps completedAt server-owned: none unless completed', async () => {
    const task = await user.api.task.create({ title: 'Pending' });
    await user.api.task.delete({ id: task.id });
    const restored = await user.api.task.restore({ ...task, completedAt: new Date('2020-01-01T00:00:00Z') });
    expect(restored.completedAt).toBeNull();
  });

  it('applies the create rules to what it is given, and writes nothing when it refuses', async () => {
    const task = await user.api.task.create({ title: 'Template' });
    await user.api.task.delete({ id: task.id });
    const before = await allTaskRows(t);
    const other = await newUser(t, 'restore-other');
    const bad: Record<string, unknown>[] = [
      { title: 'x'.repeat(256) },
      { title: '   ' },
      { title: 'a\u0000' },
      { description: '\uDC00' },
      { status: 'archived' },
      { priority: 'urgent' },
      { userId: other.userId },
      { id: 'not-a-uuid' },
      { createdAt: 'yesterday' },
    ];
    for (const change of bad) {
      await expectCode(
        user.api.task.restore({ ...task, id: randomUUID(), ...change } as never),
        'BAD_REQUEST',
      );
    }
    const { title: _title, ...withoutTitle } = task;
    await expectCode(user.api.task.restore(withoutTitle as never), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);
  });
});

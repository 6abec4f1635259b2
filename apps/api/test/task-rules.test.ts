import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTaskRows,
  countTasks,
  expectCode,
  insertTasks,
  missingId,
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
  user = await newUser(t, 'rules');
});
afterAll(() => t.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Runs a call that must be refused as BAD_REQUEST and checks that no task row was added, changed or removed. */
async function expectRefusedWithoutWrites(call: () => Promise<unknown>) {
  const before = await allTaskRows(t);
  await expectCode(call(), 'BAD_REQUEST');
  expect(await allTaskRows(t)).toEqual(before);
}

describe('task.create', () => {
  it('defaults to pending and medium, with no description, due date or completedAt', async () => {
    const before = Date.now();
    const task = await user.api.task.create({ title: 'Buy milk' });
    expect(task).toEqual({
      id: expect.stringMatching(UUID),
      title: 'Buy milk',
      description: null,
      status: 'pending',
      priority: 'medium',
      dueDate: null,
      allDay: false,
      completedAt: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
      projectId: null,
      labelIds: [],
      parentId: null,
      subtaskCount: 0,
      position: expect.any(String),
      recurrence: null,
      reminders: [],
    });
    expect(task.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(task.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(task.updatedAt).toEqual(task.createdAt);
    const [row] = await t.query<Record<string, unknown>>('select * from tasks where id = ?', [task.id]);
    expect(row).toMatchObject({
      user_id: user.userId,
      title: 'Buy milk',
      description: null,
      status: 'pending',
      priority: 'medium',
      due_date: null,
      completed_at: null,
    });
  });

  it('trims the title and stores it trimmed; 255 characters after trimming is the maximum', async () => {
    const trimmed = await user.api.task.create({ title: ' \t Pay rent \n ' });
    expect(trimmed.title).toBe('Pay rent');
    const [row] = await t.query<{ title: string }>('select title from tasks where id = ?', [trimmed.id]);
    expect(row?.title).toBe('Pay rent');

    const longest = await user.api.task.create({ title: `  ${'a'.repeat(255)}  ` });
    expect(longest.title).toBe('a'.repeat(255));
    // 255 characters, even when each is two UTF-16 units (the column is varchar(255) in characters).
    const emoji = await user.api.task.create({ title: '🎉'.repeat(255) });
    const [stored] = await t.query<{ n: number }>(
      'select char_length(title)::int as n from tasks where id = ?',
      [emoji.id],
    );
    expect(stored?.n).toBe(255);
  });

  it('keeps every field it is given', async () => {
    const dueDate = new Date('2031-05-06T07:08:09.123Z');
    const task = await user.api.task.create({
      title: 'Full',
      description: 'Line one\nLine two — ünïcödé 🎉',
      status: 'in_progress',
      priority: 'high',
      dueDate,
    });
    expect(task).toMatchObject({
      title: 'Full',
      description: 'Line one\nLine two — ünïcödé 🎉',
      status: 'in_progress',
      priority: 'high',
      dueDate,
      completedAt: null,
    });
    expect(await user.api.task.byId({ id: task.id })).toEqual(task);
  });

  it('accepts a description of exactly 10,000 characters', async () => {
    const task = await user.api.task.create({ title: 'Long', description: 'd'.repeat(10_000) });
    expect(task.description).toHaveLength(10_000);
  });

  it('sets completedAt when a task is created completed', async () => {
    const before = Date.now();
    const task = await user.api.task.create({ title: 'Already done', status: 'completed' });
    expect(task.completedAt).toBeInstanceOf(Date);
    expect(task.completedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(task.completedAt?.getTime()).toBeLessThanOrEqual(Date.now());
    const [row] = await t.query<{ completed_at: string | null }>(
      'select completed_at from tasks where id = ?',
      [task.id],
    );
    expect(new Date(row?.completed_at ?? Number.NaN)).toEqual(task.completedAt);
  });

  const bad: [string, unknown][] = [
    ['a 256-character title', { title: 'a'.repeat(256) }],
    ['a 256-character title of emoji', { title: '🎉'.repeat(256) }],
    ['a blank title', { title: '   ' }],
    ['an empty title', { title: '' }],
    ['no title', {}],
    ['a title that is not a string', { title: 42 }],
    ['a 10,001-character description', { title: 'ok', description: 'd'.repeat(10_001) }],
    ['a NUL byte in the title', { title: 'a\u0000b' }],
    ['a NUL byte in the description', { title: 'ok', description: 'x\u0000' }],
    ['a lone high surrogate in the title', { title: 'a\uD83Db' }],
    ['a lone low surrogate in the title', { title: '\uDE00abc' }],
    ['a lone surrogate in the description', { title: 'ok', description: 'x\uD800' }],
    ['an unknown status', { title: 'ok', status: 'done' }],
    ['a status in the wrong case', { title: 'ok', status: 'COMPLETED' }],
    ['an unknown priority', { title: 'ok', priority: 'urgent' }],
    ['a userId', { title: 'ok', userId: '00000000-0000-4000-8000-000000000000' }],
    ['a completedAt', { title: 'ok', completedAt: new Date() }],
    ['a createdAt', { title: 'ok', createdAt: new Date() }],
    // A client-chosen id is allowed (task-client-id.test.ts), but only a UUID.
    ['an id that is not a uuid', { title: 'ok', id: 'task-1' }],
    ['a due date that is a string', { title: 'ok', dueDate: '2030-01-01' }],
    ['an invalid due date', { title: 'ok', dueDate: new Date(Number.NaN) }],
  ];
  it.each(bad)('refuses %s with BAD_REQUEST and writes no row', async (_label, input) => {
    const count = await countTasks(t);
    await expectRefusedWithoutWrites(() => user.api.task.create(input as never));
    expect(await countTasks(t)).toBe(count);
  });

  it('refuses dates outside years 1–9999 with BAD_REQUEST (not INTERNAL_SERVER_ERROR) and writes no row', async () => {
    // Each is a valid JS Date that zod accepts, but its ISO form ('+010000-…', '0000-…', '-000001-…') is
    // not something PostgreSQL parses, so today the insert fails inside the driver.
    const task = await user.api.task.create({ title: 'Near' });
    for (const iso of ['+010000-01-01T00:00:00Z', '0000-06-01T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      const date = new Date(iso);
      await expectRefusedWithoutWrites(() => user.api.task.create({ title: 'Far away', dueDate: date }));
      await expectRefusedWithoutWrites(() => user.api.task.update({ id: task.id, dueDate: date }));
      await expectRefusedWithoutWrites(() =>
        user.api.task.bulkUpdate({ ids: [task.id], patch: { dueDate: date } }),
      );
      await expectCode(user.api.task.list({ dueBefore: date }), 'BAD_REQUEST');
      await expectCode(user.api.task.list({ dueAfter: date }), 'BAD_REQUEST');
    }
  });
});

describe('dates of any year', () => {
  it('a due date the API accepts comes back the same from create, byId and list', async () => {
    const dated = await newUser(t, 'years');
    for (const iso of [
      '0050-06-01T12:00:00.000Z',
      '0999-01-01T00:00:00.000Z',
      '1000-01-01T00:00:00.000Z',
      '1899-12-31T23:59:59.999Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      const dueDate = new Date(iso);
      let created: Awaited<ReturnType<typeof dated.api.task.create>>;
      try {
        created = await dated.api.task.create({ title: iso, dueDate });
      } catch (error) {
        expect((error as { code?: string }).code, iso).toBe('BAD_REQUEST'); // refusing it is fine too
        continue;
      }
      expect(created.dueDate, iso).toEqual(dueDate);
      expect((await dated.api.task.byId({ id: created.id })).dueDate, iso).toEqual(dueDate);
      const listed = await dated.api.task.list({ search: iso });
      expect(
        listed.items.map((task) => task.dueDate?.toISOString()),
        `list: ${iso}`,
      ).toEqual([iso]);
    }
  });
});

describe('task.update', () => {
  it('sets completedAt on completion, keeps it while completed, clears it when the task leaves completed', async () => {
    const task = await user.api.task.create({ title: 'Lifecycle' });
    const done = await user.api.task.update({ id: task.id, status: 'completed' });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.completedAt?.getTime()).toBeGreaterThan(task.createdAt.getTime());
    const firstCompletedAt = done.completedAt;

    const renamed = await user.api.task.update({ id: task.id, title: 'Lifecycle, renamed' });
    expect(renamed.completedAt).toEqual(firstCompletedAt);
    const again = await user.api.task.update({ id: task.id, status: 'completed', priority: 'low' });
    expect(again.completedAt).toEqual(firstCompletedAt);
    expect(again.priority).toBe('low');

    const reopened = await user.api.task.update({ id: task.id, status: 'in_progress' });
    expect(reopened.completedAt).toBeNull();
    const [row] = await t.query<{ completed_at: string | null }>(
      'select completed_at from tasks where id = ?',
      [task.id],
    );
    expect(row?.completed_at).toBeNull();

    const redone = await user.api.task.update({ id: task.id, status: 'completed' });
    expect(redone.completedAt?.getTime()).toBeGreaterThan(firstCompletedAt?.getTime() ?? Infinity);
    expect((await user.api.task.update({ id: task.id, status: 'pending' })).completedAt).toBeNull();
  });

  it('changes updatedAt on every update, even a title-only or no-op one, and never createdAt', async () => {
    const task = await user.api.task.create({ title: 'Touch me' });
    let previous = task.updatedAt;
    const updates = [
      { title: 'Touched' },
      { title: 'Touched' },
      { description: 'now with words' },
      { priority: 'high' as const },
      { dueDate: new Date('2030-01-01T00:00:00Z') },
      { dueDate: null },
      { status: 'in_progress' as const },
      {},
    ];
    for (const change of updates) {
      const updated = await user.api.task.update({ id: task.id, ...change });
      expect(updated.updatedAt.getTime(), JSON.stringify(change)).toBeGreaterThan(previous.getTime());
      expect(updated.createdAt).toEqual(task.createdAt);
      const [row] = await t.query<{ updated_at: string }>('select updated_at from tasks where id = ?', [
        task.id,
      ]);
      expect(new Date(row?.updated_at ?? Number.NaN)).toEqual(updated.updatedAt);
      previous = updated.updatedAt;
    }
  });

  it('changes only the fields it is given; null clears description and due date', async () => {
    const dueDate = new Date('2030-03-04T05:06:07.890Z');
    const task = await user.api.task.create({
      title: 'Partial',
      description: 'keep me',
      priority: 'low',
      dueDate,
    });
    const updated = await user.api.task.update({ id: task.id, priority: 'high' });
    expect(updated).toMatchObject({ title: 'Partial', description: 'keep me', dueDate, priority: 'high' });
    const cleared = await user.api.task.update({ id: task.id, description: null, dueDate: null });
    expect(cleared).toMatchObject({ title: 'Partial', description: null, dueDate: null, priority: 'high' });
    const retitled = await user.api.task.update({ id: task.id, title: '  New title  ' });
    expect(retitled.title).toBe('New title');
    expect(await user.api.task.byId({ id: task.id })).toEqual(retitled);
  });

  it('refuses a stale expectedUpdatedAt with CONFLICT and leaves the row unchanged', async () => {
    const task = await user.api.task.create({ title: 'Contested', priority: 'low' });
    const first = await user.api.task.update({
      id: task.id,
      title: 'First writer',
      expectedUpdatedAt: task.updatedAt,
    });
    const stored = await taskRow(t, task.id);
    for (const stale of [
      task.updatedAt,
      new Date(first.updatedAt.getTime() - 1),
      new Date(first.updatedAt.getTime() + 1),
    ]) {
      await expectCode(
        user.api.task.update({
          id: task.id,
          title: 'Second writer',
          status: 'completed',
          expectedUpdatedAt: stale,
        }),
        'CONFLICT',
      );
      expect(await taskRow(t, task.id)).toBe(stored);
    }
    const second = await user.api.task.update({
      id: task.id,
      title: 'Second writer',
      expectedUpdatedAt: first.updatedAt,
    });
    expect(second.title).toBe('Second writer');
  });

  it('accepts the updatedAt a client read after a bulk change (stored with microseconds)', async () => {
    const task = await user.api.task.create({ title: 'Bulk touched' });
    await user.api.task.bulkUpdate({ ids: [task.id], patch: { priority: 'high' } });
    const read = await user.api.task.byId({ id: task.id });
    const updated = await user.api.task.update({
      id: task.id,
      title: 'After bulk',
      expectedUpdatedAt: read.updatedAt,
    });
    expect(updated.title).toBe('After bulk');
  });

  it('answers NOT_FOUND for an id that does not exist, and writes nothing', async () => {
    const before = await allTaskRows(t);
    await expectCode(user.api.task.update({ id: missingId(), title: 'Ghost' }), 'NOT_FOUND');
    await expectCode(
      user.api.task.update({ id: missingId(), status: 'completed', expectedUpdatedAt: new Date() }),
      'NOT_FOUND',
    );
    expect(await allTaskRows(t)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a 256-character title', { title: 'x'.repeat(256) }],
    ['a blank title', { title: '  ' }],
    ['a NUL byte', { title: 'a\u0000' }],
    ['a lone surrogate', { description: '\uDBFF' }],
    ['a 10,001-character description', { description: 'd'.repeat(10_001) }],
    ['an unknown status', { status: 'archived' }],
    ['an unknown priority', { priority: 'critical' }],
    ['a userId', { userId: '00000000-0000-4000-8000-000000000000' }],
    ['a completedAt', { completedAt: new Date() }],
    ['a createdAt', { createdAt: new Date() }],
    ['an updatedAt', { updatedAt: new Date() }],
    ['an invalid expectedUpdatedAt', { expectedUpdatedAt: new Date(Number.NaN) }],
  ])('refuses %s with BAD_REQUEST and leaves the row unchanged', async (_label, change) => {
    const task = await user.api.task.create({ title: 'Guarded' });
    const stored = await taskRow(t, task.id);
    await expectRefusedWithoutWrites(() => user.api.task.update({ id: task.id, ...change } as never));
    expect(await taskRow(t, task.id)).toBe(stored);
  });

  it('refuses an id that is not a uuid with BAD_REQUEST', async () => {
    await expectRefusedWithoutWrites(() => user.api.task.update({ id: 'not-a-uuid', title: 'x' }));
  });
});

describe('task.byId and task.delete', () => {
  it('answer NOT_FOUND for a random id, BAD_REQUEST for a non-uuid', async () => {
    await expectCode(user.api.task.byId({ id: missingId() }), 'NOT_FOUND');
    const before = await allTaskRows(t);
    await expectCode(user.api.task.delete({ id: missingId() }), 'NOT_FOUND');
    expect(await allTaskRows(t)).toEqual(before);
    await expectCode(user.api.task.byId({ id: '1' }), 'BAD_REQUEST');
    await expectCode(user.api.task.delete({ id: "' or 1=1 --" }), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);
  });

  it('deletes exactly one row, and a second delete is NOT_FOUND', async () => {
    const keep = await user.api.task.create({ title: 'Keep' });
    const drop = await user.api.task.create({ title: 'Drop' });
    const count = await countTasks(t);
    expect(await user.api.task.delete({ id: drop.id })).toEqual({ id: drop.id });
    expect(await countTasks(t)).toBe(count - 1);
    expect(await taskRow(t, drop.id)).toBeNull();
    expect(await user.api.task.byId({ id: keep.id })).toEqual(keep);
    await expectCode(user.api.task.delete({ id: drop.id }), 'NOT_FOUND');
    await expectCode(user.api.task.byId({ id: drop.id }), 'NOT_FOUND');
  });

  it('refuses unknown keys', async () => {
    const task = await user.api.task.create({ title: 'Strict' });
    await expectCode(user.api.task.byId({ id: task.id, userId: user.userId } as never), 'BAD_REQUEST');
    await expectRefusedWithoutWrites(() =>
      user.api.task.delete({ id: task.id, userId: user.userId } as never),
    );
  });
});

describe('task.list input', () => {
  it.each<[string, Record<string, unknown>]>([
    ['limit 10,000', { limit: 10_000 }],
    ['limit 101', { limit: 101 }],
    ['limit 0', { limit: 0 }],
    ['limit -1', { limit: -1 }],
    ['limit 1.5', { limit: 1.5 }],
    ['a userId', { userId: '00000000-0000-4000-8000-000000000000' }],
    ['an unknown status', { status: ['done'] }],
    ['a status that is not a list', { status: 'pending' }],
    ['an unknown priority', { priority: ['urgent'] }],
    ['an unknown sort', { sort: 'status' }],
    ['an unknown order', { order: 'up' }],
    ['a NUL byte in search', { search: 'a\u0000' }],
    ['a lone surrogate in search', { search: '\uD83D' }],
    ['a 201-character search', { search: 's'.repeat(201) }],
    ['an invalid dueBefore', { dueBefore: new Date(Number.NaN) }],
    ['hasDueDate as a string', { hasDueDate: 'true' }],
  ])('refuses %s with BAD_REQUEST', async (_label, input) => {
    await expectCode(user.api.task.list(input as never), 'BAD_REQUEST');
  });

  it('pages 50 by default and 100 at most', async () => {
    const pager = await newUser(t, 'pager');
    await insertTasks(
      t,
      pager.userId,
      Array.from({ length: 120 }, (_, i) => ({ title: `Task ${i}` })),
    );
    const first = await pager.api.task.list();
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const biggest = await pager.api.task.list({ limit: 100 });
    expect(biggest.items).toHaveLength(100);
    const rest = await pager.api.task.list({ limit: 100, cursor: biggest.nextCursor });
    expect(rest.items).toHaveLength(20);
    expect(rest.nextCursor).toBeNull();
  });
});

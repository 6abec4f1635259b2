import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTaskRows,
  expectCode,
  insertTasks,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';

let t: TaskTestDb;
let user: TestUser;

beforeAll(async () => {
  t = await openTaskTestDb();
  user = await newUser(t, 'bulk');
});
afterAll(() => t.close());

interface Row {
  id: string;
  status: string;
  priority: string;
  due_date: string | null;
  completed_at: string | null;
  updated_at: string;
  title: string;
}

async function rows(ids: string[]): Promise<Map<string, Row>> {
  const found = await t.query<Row>(
    `select id, status, priority, due_date::text, completed_at::text, updated_at::text, title
     from tasks where id in (?)`,
    [ids],
  );
  return new Map(found.map((row) => [row.id, row]));
}

const LONG_AGO = '2020-01-01T00:00:00.000001Z';

describe('task.bulkUpdate', () => {
  it('takes 1 to 100 ids: 101, none or a bad id is BAD_REQUEST and nothing changes', async () => {
    const ids = await insertTasks(
      t,
      user.userId,
      Array.from({ length: 101 }, (_, i) => ({
        title: `Bulk ${i}`,
        updatedAt: LONG_AGO,
        createdAt: LONG_AGO,
      })),
    );
    const before = await allTaskRows(t);
    await expectCode(user.api.task.bulkUpdate({ ids, patch: { status: 'completed' } }), 'BAD_REQUEST');
    await expectCode(user.api.task.bulkUpdate({ ids: [], patch: { status: 'completed' } }), 'BAD_REQUEST');
    await expectCode(
      user.api.task.bulkUpdate({ ids: [...ids.slice(0, 3), 'nope'], patch: { status: 'completed' } }),
      'BAD_REQUEST',
    );
    await expectCode(user.api.task.bulkDelete({ ids }), 'BAD_REQUEST');
    await expectCode(user.api.task.bulkDelete({ ids: [] }), 'BAD_REQUEST');
    await expectCode(user.api.task.bulkDelete({ ids: [ids[0] ?? '', 'nope'] }), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);

    expect(await user.api.task.bulkUpdate({ ids: ids.slice(0, 100), patch: { priority: 'low' } })).toEqual({
      count: 100,
    });
    expect(await user.api.task.bulkDelete({ ids: ids.slice(0, 100) })).toEqual({ count: 100 });
    await user.api.task.bulkDelete({ ids: ids.slice(100) });
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty patch', {}],
    ['a patch of only undefined values', { status: undefined }],
    ['an unknown status', { status: 'done' }],
    ['an unknown priority', { priority: 'urgent' }],
    ['a title (not bulk-editable)', { title: 'Renamed' }],
    ['a completedAt', { completedAt: new Date() }],
    ['an invalid due date', { dueDate: new Date(Number.NaN) }],
  ])('refuses %s with BAD_REQUEST and changes nothing', async (_label, patch) => {
    const ids = await insertTasks(t, user.userId, [{ updatedAt: LONG_AGO }, { updatedAt: LONG_AGO }]);
    const before = await allTaskRows(t);
    await expectCode(user.api.task.bulkUpdate({ ids, patch } as never), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);
  });

  it('counts each own row once, duplicates and missing ids included', async () => {
    const ids = await insertTasks(t, user.userId, [{}, {}, {}]);
    const [a = '', b = ''] = ids;
    const result = await user.api.task.bulkUpdate({
      ids: [a, a, b, randomUUID(), randomUUID()],
      patch: { priority: 'high' },
    });
    expect(result).toEqual({ count: 2 });
    const stored = await rows(ids);
    expect(ids.map((id) => stored.get(id)?.priority)).toEqual(['high', 'high', 'medium']);
  });

  it('applies completedAt rules per row: set on completion, kept while completed, cleared on leaving', async () => {
    const kept = '2021-02-03 04:05:06.789012+00';
    const [pending = '', doneBefore = '', inProgress = ''] = await insertTasks(t, user.userId, [
      { status: 'pending', updatedAt: LONG_AGO },
      { status: 'completed', completedAt: '2021-02-03T04:05:06.789012Z', updatedAt: LONG_AGO },
      { status: 'in_progress', updatedAt: LONG_AGO },
    ]);
    const ids = [pending, doneBefore, inProgress];
    const [{ now: before } = { now: '' }] = await t.query<{ now: string }>('select now()::text as now');

    expect(await user.api.task.bulkUpdate({ ids, patch: { status: 'completed' } })).toEqual({ count: 3 });
    let stored = await rows(ids);
    expect(stored.get(doneBefore)?.completed_at).toBe(kept);
    for (const id of [pending, inProgress]) {
      const completedAt = stored.get(id)?.completed_at ?? '';
      expect(new Date(completedAt).getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
      expect(new Date(completedAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect(stored.get(id)?.status).toBe('completed');
    }
    const firstCompletion = stored.get(pending)?.completed_at;

    // A change that does not touch status keeps completedAt.
    expect(await user.api.task.bulkUpdate({ ids, patch: { priority: 'low', dueDate: null } })).toEqual({
      count: 3,
    });
    stored = await rows(ids);
    expect(stored.get(doneBefore)?.completed_at).toBe(kept);
    expect(stored.get(pending)?.completed_at).toBe(firstCompletion);

    // Leaving completed clears it, for every row.
    expect(await user.api.task.bulkUpdate({ ids, patch: { status: 'in_progress' } })).toEqual({ count: 3 });
    stored = await rows(ids);
    for (const id of ids) {
      expect(stored.get(id)?.completed_at).toBeNull();
      expect(stored.get(id)?.status).toBe('in_progress');
    }

    // The DTO agrees with the row.
    for (const id of ids) expect((await user.api.task.byId({ id })).completedAt).toBeNull();
  });

  it('bumps updated_at on every own row it changes and on no other row', async () => {
    const other = await newUser(t, 'bulk-other');
    const mine = await insertTasks(t, user.userId, [{ updatedAt: LONG_AGO }, { updatedAt: LONG_AGO }]);
    const untouched = await insertTasks(t, user.userId, [{ updatedAt: LONG_AGO }]);
    const theirs = await insertTasks(t, other.userId, [{ updatedAt: LONG_AGO }]);
    const start = Date.now();
    const dueDate = new Date('2032-07-08T09:10:11.120Z');
    expect(await user.api.task.bulkUpdate({ ids: [...mine, ...theirs], patch: { dueDate } })).toEqual({
      count: 2,
    });
    const stored = await rows([...mine, ...untouched, ...theirs]);
    for (const id of mine) {
      const row = stored.get(id);
      expect(new Date(row?.updated_at ?? 0).getTime()).toBeGreaterThanOrEqual(start - 1_000);
      expect(new Date(row?.due_date ?? 0)).toEqual(dueDate);
      expect((await user.api.task.byId({ id })).dueDate).toEqual(dueDate);
    }
    for (const id of [...untouched, ...theirs]) {
      expect(stored.get(id)?.updated_at).toBe('2020-01-01 00:00:00.000001+00');
      expect(stored.get(id)?.due_date).toBeNull();
    }
  });

  it('is one statement: every own row gets the same updated_at', async () => {
    const ids = await insertTasks(
      t,
      user.userId,
      Array.from({ length: 100 }, () => ({ updatedAt: LONG_AGO })),
    );
    expect(await user.api.task.bulkUpdate({ ids, patch: { status: 'completed' } })).toEqual({ count: 100 });
    const stored = await rows(ids);
    expect(new Set([...stored.values()].map((row) => row.updated_at)).size).toBe(1);
    expect(new Set([...stored.values()].map((row) => row.completed_at)).size).toBe(1);
  });
});

describe('task.bulkDelete', () => {
  it('deletes only own rows and counts them, each once', async () => {
    const other = await newUser(t, 'bulk-delete-other');
    const mine = await insertTasks(t, user.userId, [{}, {}, {}]);
    const theirs = await insertTasks(t, other.userId, [{}, {}]);
    const before = await t.query<{ json: string }>(
      'select row_to_json(t)::text as json from tasks t where user_id = ? order by id',
      [other.userId],
    );
    const [a = '', b = ''] = mine;
    expect(await user.api.task.bulkDelete({ ids: [a, a, b, ...theirs, randomUUID()] })).toEqual({ count: 2 });
    expect((await rows(mine)).size).toBe(1);
    const after = await t.query<{ json: string }>(
      'select row_to_json(t)::text as json from tasks t where user_id = ? order by id',
      [other.userId],
    );
    expect(after).toEqual(before);
    expect(await user.api.task.bulkDelete({ ids: [a, b] })).toEqual({ count: 0 });
  });

  it('refuses unknown keys', async () => {
    const ids = await insertTasks(t, user.userId, [{}]);
    const before = await allTaskRows(t);
    await expectCode(user.api.task.bulkDelete({ ids, force: true } as never), 'BAD_REQUEST');
    expect(await allTaskRows(t)).toEqual(before);
  });
});

import { randomUUID } from 'node:crypto';
import { completedAtAfter, TASK_STATUSES, type TaskStatus } from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { taskReadQueries } from '../../src/queries/task-reads.js';
import { type TaskChanges, taskWriteQueries } from '../../src/queries/task-writes.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { asStored, insertTask, insertUser, type StoredTask, storedTask, storedTasksOf } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let writes: ReturnType<typeof taskWriteQueries>;
let owner: string;
let other: string;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  writes = taskWriteQueries(pool);
});
afterAll(() => testOrm.close());

beforeEach(async () => {
  owner = await insertUser(pool);
  other = await insertUser(pool);
});

const EARLIER = new Date('2025-06-01T08:00:00.250Z');
const NOW = new Date('2026-03-04T05:06:07.891Z');
const DUE = new Date('2026-04-01T12:00:00.000Z');

async function stored(id: string): Promise<StoredTask> {
  const row = await storedTask(pool, id);
  if (!row) throw new Error(`task ${id} is not stored`);
  return row;
}

/** A task with every field set, so a test can see which ones an update changed. */
const fullTask = () => ({
  title: 'Write the report',
  description: 'Two pages',
  status: 'in_progress' as const,
  priority: 'low' as const,
  dueDate: DUE,
  createdAt: EARLIER,
});

describe('create', () => {
  it('fills the defaults: pending, medium, no description or due date, createdAt = updatedAt = now', async () => {
    const task = await writes.create(owner, { title: 'Buy milk' }, NOW);
    expect(task).toEqual({
      id: expect.any(String),
      title: 'Buy milk',
      description: null,
      status: 'pending',
      priority: 'medium',
      dueDate: null,
      allDay: false,
      completedAt: completedAtAfter('pending', null, NOW),
      createdAt: NOW,
      updatedAt: NOW,
      projectId: null,
      labelIds: [],
      parentId: null,
      subtaskCount: 0,
      position: expect.any(String),
      recurrence: null,
      reminders: [],
    });
    expect(await stored(task.id)).toEqual({
      id: task.id,
      user_id: owner,
      title: 'Buy milk',
      description: null,
      status: 'pending',
      priority: 'medium',
      due_date: null,
      all_day: false,
      completed_at: null,
      created_at: asStored(NOW),
      updated_at: asStored(NOW),
    });
  });

  it('stores the given fields for the owner only', async () => {
    const task = await writes.create(
      owner,
      { title: 'Plan', description: 'Notes', status: 'in_progress', priority: 'high', dueDate: DUE },
      NOW,
    );
    expect(task).toMatchObject({
      title: 'Plan',
      description: 'Notes',
      status: 'in_progress',
      priority: 'high',
    });
    expect(task.dueDate).toEqual(DUE);
    const row = await stored(task.id);
    expect(row.user_id).toBe(owner);
    expect(row.due_date).toBe(asStored(DUE));
    expect(await storedTasksOf(pool, other)).toEqual([]);
  });

  it.each(TASK_STATUSES)('created %s, completedAt is what completedAtAfter says', async (status) => {
    const task = await writes.create(owner, { title: 'T', status }, NOW);
    const expected = completedAtAfter(status, null, NOW);
    expect(task.completedAt).toEqual(expected);
    expect((await stored(task.id)).completed_at).toBe(asStored(expected));
  });
});

describe('update', () => {
  // The task's place and labels: task-organisation.test.ts; its repeat rule and reminders: task-recurrence.test.ts.
  type OwnField = Exclude<
    keyof TaskChanges,
    'projectId' | 'labelIds' | 'parentId' | 'recurrence' | 'reminders'
  >;
  const changesOfOneField: [OwnField, TaskChanges][] = [
    ['title', { title: 'Renamed' }],
    ['description', { description: 'Longer notes' }],
    ['status', { status: 'pending' }],
    ['priority', { priority: 'high' }],
    ['dueDate', { dueDate: new Date('2027-01-01T00:00:00.000Z') }],
  ];
  const columnOf: Record<OwnField, keyof StoredTask> = {
    title: 'title',
    description: 'description',
    status: 'status',
    priority: 'priority',
    dueDate: 'due_date',
    allDay: 'all_day',
  };

  it.each(changesOfOneField)(
    'given only %s, changes that column and updated_at, nothing else',
    async (field, changes) => {
      const id = await insertTask(pool, owner, fullTask());
      const before = await stored(id);
      const result = await writes.update(owner, id, changes, undefined, NOW);
      expect(result.kind).toBe('updated');
      const after = await stored(id);
      const value = changes[field];
      const expectedColumn = value instanceof Date ? asStored(value) : value;
      expect(after).toEqual({ ...before, [columnOf[field]]: expectedColumn, updated_at: asStored(NOW) });
    },
  );

  it('treats a field set to undefined as not given', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const before = await stored(id);
    const changes: TaskChanges = {
      title: 'Only this',
      description: undefined,
      status: undefined,
      priority: undefined,
      dueDate: undefined,
    };
    await writes.update(owner, id, changes, undefined, NOW);
    expect(await stored(id)).toEqual({ ...before, title: 'Only this', updated_at: asStored(NOW) });
  });

  it('clears description and due date when given null', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const result = await writes.update(owner, id, { description: null, dueDate: null }, undefined, NOW);
    expect(result.kind === 'updated' && result.task).toMatchObject({ description: null, dueDate: null });
    expect(await stored(id)).toMatchObject({ description: null, due_date: null });
  });

  it('sets updatedAt to now even when no field is given, and returns the task as stored', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const result = await writes.update(owner, id, {}, undefined, NOW);
    if (result.kind !== 'updated') throw new Error(`expected updated, got ${result.kind}`);
    expect(result.task).toEqual({
      id,
      title: 'Write the report',
      description: 'Two pages',
      status: 'in_progress',
      priority: 'low',
      dueDate: DUE,
      allDay: false,
      completedAt: null,
      createdAt: EARLIER,
      updatedAt: NOW,
      projectId: null,
      labelIds: [],
      parentId: null,
      subtaskCount: 0,
      position: 'a0',
      recurrence: null,
      reminders: [],
    });
    expect((await stored(id)).updated_at).toBe(asStored(NOW));
  });

  it("returns 'missing' for an unknown id", async () => {
    expect(await writes.update(owner, randomUUID(), { title: 'X' }, undefined, NOW)).toEqual({
      kind: 'missing',
    });
  });

  it("returns 'missing' for another user's task, even with its true updatedAt, and leaves it unchanged", async () => {
    const id = await insertTask(pool, other, fullTask());
    const before = await stored(id);
    expect(await writes.update(owner, id, { title: 'Hijacked' }, undefined, NOW)).toEqual({
      kind: 'missing',
    });
    // A matching version must not reveal that the id exists ('stale' would).
    expect(await writes.update(owner, id, { title: 'Hijacked' }, EARLIER, NOW)).toEqual({ kind: 'missing' });
    expect(await writes.update(owner, id, { title: 'Hijacked' }, NOW, NOW)).toEqual({ kind: 'missing' });
    expect(await stored(id)).toEqual(before);
  });

  it("returns 'stale' when expectedUpdatedAt differs by a millisecond, and changes nothing", async () => {
    const id = await insertTask(pool, owner, fullTask());
    const before = await stored(id);
    for (const delta of [-1, 1]) {
      const seen = new Date(EARLIER.getTime() + delta);
      expect(await writes.update(owner, id, { title: 'Late' }, seen, NOW)).toEqual({ kind: 'stale' });
    }
    expect(await stored(id)).toEqual(before);
  });

  it('updates when expectedUpdatedAt equals the stored updatedAt', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const result = await writes.update(owner, id, { title: 'On time' }, EARLIER, NOW);
    expect(result.kind).toBe('updated');
    expect((await stored(id)).title).toBe('On time');
  });

  it.each(['2026-01-02T03:04:05.123001Z', '2026-01-02T03:04:05.123456Z', '2026-01-02T03:04:05.123999Z'])(
    'matches a stored updated_at of %s by its millisecond value',
    async (updatedAt) => {
      const id = await insertTask(pool, owner, { ...fullTask(), updatedAt });
      const millisecond = new Date('2026-01-02T03:04:05.123Z');
      const stale = new Date('2026-01-02T03:04:05.124Z');
      expect(await writes.update(owner, id, { title: 'Stale' }, stale, NOW)).toEqual({ kind: 'stale' });
      const result = await writes.update(owner, id, { title: 'Fresh' }, millisecond, NOW);
      expect(result.kind).toBe('updated');
    },
  );

  it('accepts the updatedAt a client read back, whatever microseconds the row holds', async () => {
    const id = await insertTask(pool, owner, { ...fullTask(), updatedAt: '2026-01-02T03:04:05.987654Z' });
    const read = await taskReadQueries(pool).byId(owner, id);
    if (!read) throw new Error('not read');
    expect((await writes.update(owner, id, { title: 'Fresh' }, read.updatedAt, NOW)).kind).toBe('updated');
  });
});

/**
 * THE COMPLETEDAT PIN: the SQL form in task-writes.ts must give what packages/shared's completedAtAfter
 * gives, for every previous (status, completedAt) and every new status. The expected values come from
 * the shared rule itself, so a change to either form that makes them differ fails here.
 */
describe('completedAt: the SQL form equals completedAtAfter', () => {
  const previousStates: { status: TaskStatus; completedAt: Date | null; note: string }[] = [
    { status: 'pending', completedAt: null, note: '' },
    { status: 'in_progress', completedAt: null, note: '' },
    { status: 'completed', completedAt: EARLIER, note: '' },
    // Rows no write of the app produces, but the schema allows.
    { status: 'completed', completedAt: null, note: ' (inconsistent row)' },
    { status: 'pending', completedAt: EARLIER, note: ' (inconsistent row)' },
  ];
  const cases = previousStates.flatMap((previous) =>
    TASK_STATUSES.map((next) => ({
      ...previous,
      next,
      label: `${previous.status}/${previous.completedAt ? 'set' : 'null'}${previous.note} → ${next}`,
    })),
  );

  it('covers setting, keeping and clearing', () => {
    const outcomes = new Set(
      cases.map(({ next, completedAt }) => {
        const after = completedAtAfter(next, completedAt, NOW);
        return after === null ? 'cleared' : after === NOW ? 'set' : 'kept';
      }),
    );
    expect([...outcomes].sort()).toEqual(['cleared', 'kept', 'set']);
  });

  it.each(cases)('update: $label', async ({ status, completedAt, next }) => {
    const id = await insertTask(pool, owner, { status, completedAt, createdAt: EARLIER });
    const expected = completedAtAfter(next, completedAt, NOW);
    const result = await writes.update(owner, id, { status: next }, undefined, NOW);
    if (result.kind !== 'updated') throw new Error(`expected updated, got ${result.kind}`);
    expect(result.task.completedAt).toEqual(expected);
    expect(await stored(id)).toMatchObject({ status: next, completed_at: asStored(expected) });
  });

  it.each(cases)('bulkUpdate: $label', async ({ status, completedAt, next }) => {
    const id = await insertTask(pool, owner, { status, completedAt, createdAt: EARLIER });
    const expected = completedAtAfter(next, completedAt, NOW);
    expect(await writes.bulkUpdate(owner, [id], { status: next }, NOW)).toBe(1);
    expect(await stored(id)).toMatchObject({ status: next, completed_at: asStored(expected) });
  });

  it('bulkUpdate applies the rule to each row from its own previous completedAt', async () => {
    const states = previousStates.map(({ status, completedAt }) => ({ status, completedAt }));
    const ids: string[] = [];
    for (const state of states) ids.push(await insertTask(pool, owner, { ...state, createdAt: EARLIER }));
    expect(await writes.bulkUpdate(owner, ids, { status: 'completed' }, NOW)).toBe(ids.length);
    for (const [index, id] of ids.entries()) {
      const expected = completedAtAfter('completed', states[index]?.completedAt ?? null, NOW);
      expect((await stored(id)).completed_at).toBe(asStored(expected));
    }
  });

  it('leaves completedAt alone when the status is not given', async () => {
    const id = await insertTask(pool, owner, {
      status: 'completed',
      completedAt: EARLIER,
      createdAt: EARLIER,
    });
    await writes.update(owner, id, { title: 'Edited', priority: 'high', dueDate: DUE }, undefined, NOW);
    await writes.bulkUpdate(owner, [id], { priority: 'low', dueDate: null }, NOW);
    expect(await stored(id)).toMatchObject({ status: 'completed', completed_at: asStored(EARLIER) });
  });
});

describe('delete', () => {
  it("returns true and removes the owner's task", async () => {
    const id = await insertTask(pool, owner);
    expect(await writes.delete(owner, id)).toBe(true);
    expect(await storedTask(pool, id)).toBeUndefined();
  });

  it('returns false for an unknown id, and for a task already deleted', async () => {
    const id = await insertTask(pool, owner);
    expect(await writes.delete(owner, randomUUID())).toBe(false);
    expect(await writes.delete(owner, id)).toBe(true);
    expect(await writes.delete(owner, id)).toBe(false);
  });

  it("returns false for another user's task and leaves it in place", async () => {
    const id = await insertTask(pool, other, fullTask());
    const before = await stored(id);
    expect(await writes.delete(owner, id)).toBe(false);
    expect(await stored(id)).toEqual(before);
  });
});

describe('bulkUpdate', () => {
  it("counts only the owner's rows, ignoring duplicates, unknown ids and other users' ids", async () => {
    const a = await insertTask(pool, owner, fullTask());
    const b = await insertTask(pool, owner, fullTask());
    const theirs = await insertTask(pool, other, fullTask());
    const theirsBefore = await stored(theirs);

    const count = await writes.bulkUpdate(
      owner,
      [a, a, b, theirs, randomUUID(), b],
      { priority: 'high' },
      NOW,
    );
    expect(count).toBe(2);
    for (const id of [a, b])
      expect(await stored(id)).toMatchObject({ priority: 'high', updated_at: asStored(NOW) });
    expect(await stored(theirs)).toEqual(theirsBefore);
  });

  it("leaves the owner's tasks that are not listed unchanged", async () => {
    const listed = await insertTask(pool, owner, fullTask());
    const unlisted = await insertTask(pool, owner, fullTask());
    const before = await stored(unlisted);
    expect(await writes.bulkUpdate(owner, [listed], { status: 'completed' }, NOW)).toBe(1);
    expect(await stored(unlisted)).toEqual(before);
  });

  it('changes only the fields of the patch (undefined is not given), and updated_at', async () => {
    const id = await insertTask(pool, owner, fullTask());
    const before = await stored(id);
    await writes.bulkUpdate(owner, [id], { dueDate: null, status: undefined, priority: undefined }, NOW);
    expect(await stored(id)).toEqual({ ...before, due_date: null, updated_at: asStored(NOW) });
  });

  it('returns 0 when none of the ids is the owner’s', async () => {
    const theirs = await insertTask(pool, other);
    expect(await writes.bulkUpdate(owner, [theirs, randomUUID()], { priority: 'low' }, NOW)).toBe(0);
  });
});

describe('bulkDelete', () => {
  it("counts and deletes only the owner's rows, ignoring duplicates, unknown ids and other users' ids", async () => {
    const a = await insertTask(pool, owner);
    const b = await insertTask(pool, owner);
    const kept = await insertTask(pool, owner);
    const theirs = await insertTask(pool, other);

    expect(await writes.bulkDelete(owner, [a, b, a, theirs, randomUUID()])).toBe(2);
    expect((await storedTasksOf(pool, owner)).map((task) => task.id)).toEqual([kept]);
    expect((await storedTasksOf(pool, other)).map((task) => task.id)).toEqual([theirs]);
  });

  it('returns 0 for ids already deleted', async () => {
    const a = await insertTask(pool, owner);
    expect(await writes.bulkDelete(owner, [a])).toBe(1);
    expect(await writes.bulkDelete(owner, [a])).toBe(0);
  });
});

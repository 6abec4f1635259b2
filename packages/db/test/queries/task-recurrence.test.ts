import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { deletedTaskQueries } from '../../src/queries/deleted-tasks.js';
import { taskReadQueries } from '../../src/queries/task-reads.js';
import type { TaskDto } from '../../src/queries/task-row.js';
import { type TaskChanges, taskWriteQueries } from '../../src/queries/task-writes.js';
import { insertTask } from './arrange.js';
import { insertLabel, insertProject, insertTreeTask } from './arrange-tree.js';
import { useOwnerAndOther } from './owner-and-other.js';

// DESIGN "Recurrence and reminders", at the query level: what completing, reopening and skipping a
// recurring task do to the rows, the change log and the exports.

const db = useOwnerAndOther();
let writes: ReturnType<typeof taskWriteQueries>;
let reads: ReturnType<typeof taskReadQueries>;
let deleted: ReturnType<typeof deletedTaskQueries>;

beforeAll(() => {
  writes = taskWriteQueries(db.pool);
  reads = taskReadQueries(db.pool);
  deleted = deletedTaskQueries(db.pool);
});

const DAY_MS = 86_400_000;
const MONDAY = new Date('2027-01-04T00:00:00.000Z');
const NOW = new Date('2027-01-04T10:00:00.000Z');
const LATER = new Date('2027-01-04T11:00:00.000Z');
const daily = { rule: 'FREQ=DAILY', from: 'due' as const };

const recurring = (userId: string, extra: Partial<Parameters<typeof writes.create>[1]> = {}) =>
  writes.create(
    userId,
    { title: 'Water plants', dueDate: MONDAY, allDay: true, recurrence: daily, ...extra },
    NOW,
  );

async function update(id: string, changes: TaskChanges, now = LATER): Promise<TaskDto> {
  const result = await writes.update(db.owner, id, changes, undefined, now);
  if (result.kind !== 'updated') throw new Error(`update of ${id}: ${result.kind}`);
  return result.task;
}

interface StoredOccurrence {
  id: string;
  status: string;
  due_date: Date | null;
  recurrence_rule: string | null;
  occurrence: number;
  previous_occurrence_id: string | null;
}

async function occurrencesOf(userId: string): Promise<StoredOccurrence[]> {
  const result = await db.pool.query<StoredOccurrence>(
    `select id, status, due_date, recurrence_rule, occurrence, previous_occurrence_id from tasks
     where user_id = $1 order by occurrence, created_at, id`,
    [userId],
  );
  return result.rows;
}

async function spawnOf(id: string): Promise<TaskDto | undefined> {
  const result = await db.pool.query<{ id: string }>(
    'select id from tasks where previous_occurrence_id = $1',
    [id],
  );
  const spawnId = result.rows[0]?.id;
  return spawnId === undefined ? undefined : reads.byId(db.owner, spawnId);
}

/** Ids of the owner's tasks at a place in manual order (position byte by byte, then id). */
async function orderAt(projectId: string | null, parentId: string | null): Promise<string[]> {
  const result = await db.pool.query<{ id: string }>(
    `select id from tasks where user_id = $1 and project_id is not distinct from $2
       and parent_id is not distinct from $3 order by position collate "C", id`,
    [db.owner, projectId, parentId],
  );
  return result.rows.map((row) => row.id);
}

describe('completing a recurring task', () => {
  it('keeps it as history and spawns the next occurrence with everything carried, right after it', async () => {
    const project = await insertProject(db.pool, db.owner);
    const label = await insertLabel(db.pool, db.owner);
    const parent = await insertTreeTask(db.pool, db.owner, { projectId: project });
    const before = await insertTreeTask(db.pool, db.owner, {
      projectId: project,
      parentId: parent,
      position: 'Zz',
    });
    const task = await recurring(db.owner, {
      description: 'Both windows',
      priority: 'high',
      parentId: parent,
      labelIds: [label],
      reminders: [{ minutesBefore: 30 }, { at: new Date('2027-01-03T20:00:00.000Z') }],
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=2', from: 'due' },
    });
    const after = await insertTreeTask(db.pool, db.owner, {
      projectId: project,
      parentId: parent,
      position: 'zz',
    });
    expect(await orderAt(project, parent)).toEqual([task.id, before, after]);

    const done = await update(task.id, { status: 'completed' });
    expect(done).toMatchObject({
      id: task.id,
      status: 'completed',
      completedAt: LATER,
      recurrence: task.recurrence,
    });
    const spawn = await spawnOf(task.id);
    expect(spawn).toEqual({
      id: expect.any(String),
      title: 'Water plants',
      description: 'Both windows',
      status: 'pending',
      priority: 'high',
      dueDate: new Date(MONDAY.getTime() + 2 * DAY_MS),
      allDay: true,
      completedAt: null,
      createdAt: LATER,
      updatedAt: LATER,
      projectId: project,
      labelIds: [label],
      parentId: parent,
      subtaskCount: 0,
      position: expect.any(String),
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=2', from: 'due' },
      // A reminder at an instant moves with the due date (two days later).
      reminders: [{ minutesBefore: 30 }, { at: new Date('2027-01-05T20:00:00.000Z') }],
    });
    expect(await occurrencesOf(db.owner)).toContainEqual(
      expect.objectContaining({ id: spawn?.id, occurrence: 2, previous_occurrence_id: task.id }),
    );
    expect(await orderAt(project, parent)).toEqual([task.id, spawn?.id, before, after]);
  });

  it("after completion: counts from the completion day in the owner's time zone", async () => {
    await db.pool.query(`insert into user_settings (user_id, time_zone) values ($1, 'America/New_York')`, [
      db.owner,
    ]);
    // 09:00 in New York; completed at 23:30 on Sunday the 10th there, already Monday the 11th in UTC.
    const task = await recurring(db.owner, {
      dueDate: new Date('2027-01-04T14:00:00.000Z'),
      allDay: false,
      recurrence: { rule: 'FREQ=DAILY', from: 'completion' },
    });
    await update(task.id, { status: 'completed' }, new Date('2027-01-11T04:30:00.000Z'));
    expect((await spawnOf(task.id))?.dueDate).toEqual(new Date('2027-01-11T14:00:00.000Z'));
  });

  it('COUNT ends the series: the last occurrence spawns nothing', async () => {
    const task = await recurring(db.owner, { recurrence: { rule: 'FREQ=DAILY;COUNT=2', from: 'due' } });
    await update(task.id, { status: 'completed' });
    const second = await spawnOf(task.id);
    if (!second) throw new Error('the second occurrence was not spawned');
    await update(second.id, { status: 'completed' });
    expect(await spawnOf(second.id)).toBeUndefined();
    expect((await occurrencesOf(db.owner)).map((row) => [row.occurrence, row.status])).toEqual([
      [1, 'completed'],
      [2, 'completed'],
    ]);
  });

  it('completing a task that is already completed spawns nothing more', async () => {
    const task = await recurring(db.owner);
    await update(task.id, { status: 'completed' });
    await update(task.id, { status: 'completed' });
    expect(await occurrencesOf(db.owner)).toHaveLength(2);
    expect(await writes.bulkUpdate(db.owner, [task.id], { status: 'completed' }, LATER)).toBe(1);
    expect(await occurrencesOf(db.owner)).toHaveLength(2);
  });

  it("bulk completion spawns exactly for the owner's open recurring tasks", async () => {
    const open = await recurring(db.owner, { title: 'Open' });
    const plain = await writes.create(db.owner, { title: 'Plain', dueDate: MONDAY, allDay: true }, NOW);
    const done = await recurring(db.owner, { title: 'Done', status: 'completed' });
    const others = await recurring(db.other, { title: 'Not mine' });

    const count = await writes.bulkUpdate(
      db.owner,
      [open.id, plain.id, done.id, others.id],
      { status: 'completed' },
      LATER,
    );
    expect(count).toBe(3);
    const spawned = (await occurrencesOf(db.owner)).filter((row) => row.previous_occurrence_id !== null);
    expect(spawned.map((row) => row.previous_occurrence_id)).toEqual([open.id]);
    expect(await occurrencesOf(db.other)).toEqual([
      expect.objectContaining({ id: others.id, status: 'pending', occurrence: 1 }),
    ]);
  });

  it("logs the completed task's upsert and the spawn's in the same transaction", async () => {
    const task = await recurring(db.owner);
    const {
      rows: [mark],
    } = await db.pool.query<{ id: string }>(
      'select coalesce(max(id), 0)::text as id from changes where user_id = $1',
      [db.owner],
    );
    await update(task.id, { status: 'completed' });
    const spawn = await spawnOf(task.id);
    const logged = await db.pool.query<{ entity_id: string; op: string; xid: string }>(
      `select entity_id, op, xid::text from changes where user_id = $1 and id > $2 and entity = 'task' order by id`,
      [db.owner, mark?.id],
    );
    expect(logged.rows.map((row) => [row.entity_id, row.op]).sort()).toEqual(
      [
        [task.id, 'upsert'],
        [spawn?.id, 'upsert'],
      ].sort(),
    );
    expect(new Set(logged.rows.map((row) => row.xid)).size).toBe(1);
  });
});

describe('a fixed schedule long overdue', () => {
  it('moves on to today, not to a day already past, counting the days passed over', async () => {
    const tenDaysAgo = new Date(MONDAY.getTime() - 10 * DAY_MS);
    const task = await recurring(db.owner, { dueDate: tenDaysAgo });
    await update(task.id, { status: 'completed' }, NOW);
    const spawn = await spawnOf(task.id);
    expect(spawn?.dueDate).toEqual(MONDAY);
    expect(await occurrencesOf(db.owner)).toContainEqual(
      expect.objectContaining({ id: spawn?.id, occurrence: 11 }),
    );
  });

  it('a timed one moves on to the first time after now', async () => {
    const task = await recurring(db.owner, {
      dueDate: new Date('2026-12-30T09:00:00.000Z'),
      allDay: false,
    });
    await update(task.id, { status: 'completed' }, NOW);
    expect((await spawnOf(task.id))?.dueDate).toEqual(new Date('2027-01-05T09:00:00.000Z'));
  });

  it('after completion needs no catching up: the next one counts from the completion day', async () => {
    const task = await recurring(db.owner, {
      dueDate: new Date(MONDAY.getTime() - 10 * DAY_MS),
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
    });
    await update(task.id, { status: 'completed' }, NOW);
    expect((await spawnOf(task.id))?.dueDate).toEqual(new Date(MONDAY.getTime() + 3 * DAY_MS));
  });
});

describe('reopening a completed occurrence', () => {
  it('takes back the untouched spawn', async () => {
    const task = await recurring(db.owner);
    await update(task.id, { status: 'completed' });
    const reopened = await update(task.id, { status: 'pending' });
    expect(reopened.recurrence).toEqual(daily);
    expect((await occurrencesOf(db.owner)).map((row) => row.id)).toEqual([task.id]);
  });

  it('keeps an updated spawn, and the reopened task stops repeating', async () => {
    const task = await recurring(db.owner);
    await update(task.id, { status: 'completed' });
    const spawn = await spawnOf(task.id);
    if (!spawn) throw new Error('nothing was spawned');
    await update(spawn.id, { title: 'Water the plants' }, new Date(LATER.getTime() + 1000));
    const reopened = await update(task.id, { status: 'pending' }, new Date(LATER.getTime() + 2000));
    expect(reopened.recurrence).toBeNull();
    expect((await reads.byId(db.owner, spawn.id))?.recurrence).toEqual(daily);
  });

  it('keeps a spawn that has a subtask (bulk reopen too)', async () => {
    const task = await recurring(db.owner);
    await writes.bulkUpdate(db.owner, [task.id], { status: 'completed' }, LATER);
    const spawn = await spawnOf(task.id);
    if (!spawn) throw new Error('nothing was spawned');
    await insertTreeTask(db.pool, db.owner, { parentId: spawn.id });
    await writes.bulkUpdate(db.owner, [task.id], { status: 'in_progress' }, LATER);
    expect(await spawnOf(task.id)).toMatchObject({ id: spawn.id, subtaskCount: 1 });
    expect((await reads.byId(db.owner, task.id))?.recurrence).toBeNull();
  });
});

describe('skipOccurrence', () => {
  it('moves the due date to the next occurrence and counts it, keeping no history', async () => {
    const task = await recurring(db.owner, { recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', from: 'due' } });
    const result = await writes.skipOccurrence(db.owner, task.id, LATER);
    expect(result).toMatchObject({
      kind: 'skipped',
      task: { id: task.id, status: 'pending', updatedAt: LATER },
    });
    expect(result.kind === 'skipped' && result.task.dueDate).toEqual(new Date(MONDAY.getTime() + 3 * DAY_MS));
    expect(await occurrencesOf(db.owner)).toEqual([expect.objectContaining({ id: task.id, occurrence: 2 })]);
  });

  it('refuses a task that does not repeat, the last occurrence, and another user’s task', async () => {
    const plain = await writes.create(db.owner, { title: 'Plain', dueDate: MONDAY, allDay: true }, NOW);
    expect(await writes.skipOccurrence(db.owner, plain.id, LATER)).toEqual({ kind: 'not-recurring' });
    const once = await recurring(db.owner, { recurrence: { rule: 'FREQ=DAILY;COUNT=1', from: 'due' } });
    expect(await writes.skipOccurrence(db.owner, once.id, LATER)).toEqual({ kind: 'last' });
    const others = await recurring(db.other);
    expect(await writes.skipOccurrence(db.owner, others.id, LATER)).toEqual({ kind: 'missing' });
    expect((await reads.byId(db.other, others.id))?.dueDate).toEqual(MONDAY);
  });
});

describe('the rule and the due date', () => {
  it('taking the due date away ends the series (update and bulk)', async () => {
    const one = await recurring(db.owner);
    expect((await update(one.id, { dueDate: null })).recurrence).toBeNull();
    const two = await recurring(db.owner);
    await writes.bulkUpdate(db.owner, [two.id], { dueDate: null }, LATER);
    expect((await reads.byId(db.owner, two.id))?.recurrence).toBeNull();
  });

  it('refuses a rule on a task without a due date', async () => {
    await expect(writes.create(db.owner, { title: 'No date', recurrence: daily }, NOW)).rejects.toMatchObject(
      { reason: 'recurrence-needs-due-date' },
    );
    const undated = await insertTask(db.pool, db.owner);
    await expect(
      writes.update(db.owner, undated, { recurrence: daily }, undefined, LATER),
    ).rejects.toMatchObject({ reason: 'recurrence-needs-due-date' });
    expect((await reads.byId(db.owner, undated))?.recurrence).toBeNull();
  });
});

describe('recurrence and reminders are kept', () => {
  const extra = {
    recurrence: { rule: 'FREQ=MONTHLY;BYDAY=-1FR', from: 'completion' as const },
    reminders: [{ minutesBefore: 0 }, { at: new Date('2027-01-01T09:00:00.000Z') }],
  };

  it('by the export', async () => {
    const task = await recurring(db.owner, extra);
    const page = await reads.exportPage(db.owner, null, 10);
    expect(page.tasks).toEqual([expect.objectContaining({ id: task.id, ...extra })]);
  });

  it('by delete and restore, with the occurrence and where it came from', async () => {
    const task = await recurring(db.owner, extra);
    await update(task.id, { status: 'completed' });
    const spawn = await spawnOf(task.id);
    if (!spawn) throw new Error('nothing was spawned');
    const before = await occurrencesOf(db.owner);
    expect(await writes.delete(db.owner, spawn.id)).toBe(true);
    const restored = await deleted.restore(db.owner, spawn.id, LATER);
    // As it was spawned: its reminder at an instant had moved with its due date.
    expect(restored).toMatchObject({
      id: spawn.id,
      recurrence: spawn.recurrence,
      reminders: spawn.reminders,
    });
    expect(await occurrencesOf(db.owner)).toEqual(before);
  });

  it('restores a spawn whose previous occurrence was deleted after it', async () => {
    const task = await recurring(db.owner);
    await update(task.id, { status: 'completed' });
    const spawn = await spawnOf(task.id);
    if (!spawn) throw new Error('nothing was spawned');
    await writes.delete(db.owner, spawn.id);
    await writes.delete(db.owner, task.id);
    expect(await deleted.restore(db.owner, spawn.id, LATER)).toMatchObject({
      id: spawn.id,
      recurrence: daily,
    });
    expect(await occurrencesOf(db.owner)).toEqual([
      expect.objectContaining({ id: spawn.id, occurrence: 2, previous_occurrence_id: null }),
    ]);
  });
});

describe('a tombstone kept before the recurrence columns existed', () => {
  it('restores as a task that does not repeat and has no reminders', async () => {
    const id = await insertTask(db.pool, db.owner, { title: 'Deleted before the upgrade' });
    await writes.delete(db.owner, id);
    await db.pool.query(
      `update deleted_tasks set task = task - array['recurrence_rule', 'recurrence_from', 'occurrence',
         'previous_occurrence_id', 'reminders'] where id = $1`,
      [id],
    );
    expect(await deleted.restore(db.owner, id, LATER)).toMatchObject({ id, recurrence: null, reminders: [] });
  });
});

describe('a spawn and a delete of its parent at the same moment', () => {
  it('the spawn goes with the parent into the tombstones, so the undo brings it back', async () => {
    const label = await insertLabel(db.pool, db.owner);
    const parent = await insertTreeTask(db.pool, db.owner);
    const task = await recurring(db.owner, { parentId: parent, labelIds: [label] });
    // A connection of the test's own holds the label, so the completion stops after inserting the spawn
    // (copying its labels) and before committing; the delete of the parent starts meanwhile.
    const holder = new pg.Client({ connectionString: db.databaseUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from labels where id = $1 for update', [label]);
      const completing = update(task.id, { status: 'completed' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const deleting = writes.delete(db.owner, parent);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query('commit');
      await completing;
      expect(await deleting).toBe(true);
    } finally {
      await holder.end();
    }
    expect(await occurrencesOf(db.owner)).toEqual([]);
    await deleted.restore(db.owner, parent, new Date(LATER.getTime() + 1000));
    expect((await occurrencesOf(db.owner)).map((row) => row.occurrence)).toEqual([1, 1, 2]);
  });
});

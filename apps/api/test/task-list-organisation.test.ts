import { randomUUID } from 'node:crypto';
import type { ListTasksInput } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTaskRows,
  expectCode,
  insertTasks,
  missingId,
  newUser,
  openTaskTestDb,
  type RawTask,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';

// task.list by project, Inbox, labels and parent, in manual order, through the API: the filters combine
// with the existing ones, cursors are bound to them, and another user's ids are NOT_FOUND. Projects,
// labels and placements are arranged in SQL, independent of the procedures that write them.

let t: TaskTestDb;
let owner: TestUser;
let intruder: TestUser;
let work: string;
let home: string;
let urgent: string;
let errand: string;
let report: string;
let theirProject: string;
let theirLabel: string;
let theirTask: string;

interface Placed extends RawTask {
  projectId?: string;
  parentId?: string;
  labelIds?: string[];
  position?: string;
}

async function place(user: TestUser, task: Placed): Promise<string> {
  const [id] = await insertTasks(t, user.userId, [task]);
  await t.run('update tasks set project_id = ?, parent_id = ?, position = ? where id = ?', [
    task.projectId ?? null,
    task.parentId ?? null,
    task.position ?? 'a0',
    id,
  ]);
  for (const labelId of task.labelIds ?? [])
    await t.run('insert into task_labels (task_id, label_id, user_id) values (?, ?, ?)', [
      id,
      labelId,
      user.userId,
    ]);
  return id as string;
}

async function project(user: TestUser, name: string): Promise<string> {
  const [row] = await t.query<{ id: string }>(
    "insert into projects (user_id, name, position) values (?, ?, 'a0') returning id",
    [user.userId, name],
  );
  return row?.id as string;
}

async function label(user: TestUser, name: string): Promise<string> {
  const [row] = await t.query<{ id: string }>(
    'insert into labels (user_id, name) values (?, ?) returning id',
    [user.userId, name],
  );
  return row?.id as string;
}

/** Every page of a list, in pages of `limit`, as titles. */
async function titles(user: TestUser, input: ListTasksInput, limit = 2): Promise<string[]> {
  const listed: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: { items: { title: string }[]; nextCursor: string | null } = await user.api.task.list({
      ...input,
      limit,
      cursor,
    });
    listed.push(...page.items.map((task) => task.title));
    cursor = page.nextCursor;
    if (!cursor) return listed;
  }
  throw new Error('the list never ends');
}

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await openTaskTestDb();
  owner = await newUser(t, 'organised');
  intruder = await newUser(t, 'intruder');
  work = await project(owner, 'Work');
  home = await project(owner, 'Home');
  urgent = await label(owner, 'Urgent');
  errand = await label(owner, 'Errand');
  const overdue = new Date(Date.now() - 2 * HOUR).toISOString();
  report = await place(owner, { title: 'report', projectId: work, labelIds: [urgent], position: 'a1' });
  await place(owner, { title: 'slides', projectId: work, position: 'a0', dueDate: overdue });
  await place(owner, { title: 'budget', projectId: work, position: 'a2', status: 'completed' });
  await place(owner, {
    title: 'report intro',
    projectId: work,
    parentId: report,
    labelIds: [urgent, errand],
    position: 'a1V',
  });
  await place(owner, { title: 'report charts', projectId: work, parentId: report, position: 'a1G' });
  await place(owner, { title: 'garden', projectId: home, labelIds: [errand], dueDate: overdue });
  await place(owner, { title: 'milk', labelIds: [errand, urgent], position: 'a1' });
  await place(owner, { title: 'call mum', position: 'a0' });
  theirProject = await project(intruder, 'Theirs');
  theirLabel = await label(intruder, 'Theirs');
  theirTask = await place(intruder, { title: 'their task', projectId: theirProject, labelIds: [theirLabel] });
});
afterAll(() => t.close());

describe('task.list by project, Inbox, labels and parent', () => {
  it('a project in manual order: its top-level tasks, as dragged', async () => {
    const input = { projectId: work, parentId: null, sort: 'manual', order: 'asc' } as const;
    expect(await titles(owner, input, 1)).toEqual(['slides', 'report', 'budget']);
    expect(await titles(owner, { ...input, order: 'desc' })).toEqual(['budget', 'report', 'slides']);
  });

  it('the Inbox: tasks without a project only', async () => {
    expect(await titles(owner, { projectId: null, sort: 'manual', order: 'asc' })).toEqual([
      'call mum',
      'milk',
    ]);
  });

  it('a parent: its direct subtasks in manual order; the parent row counts them', async () => {
    expect(await titles(owner, { parentId: report, sort: 'manual', order: 'asc' })).toEqual([
      'report charts',
      'report intro',
    ]);
    const { items } = await owner.api.task.list({
      projectId: work,
      parentId: null,
      sort: 'manual',
      order: 'asc',
    });
    expect(items.find((task) => task.id === report)).toMatchObject({
      projectId: work,
      parentId: null,
      labelIds: [urgent],
      subtaskCount: 2,
      position: 'a1',
    });
  });

  it('labels: tasks having every one of them', async () => {
    const input = { sort: 'title', order: 'asc' } as const;
    expect(await titles(owner, { ...input, labelIds: [urgent] })).toEqual(['milk', 'report', 'report intro']);
    expect(await titles(owner, { ...input, labelIds: [urgent, errand] })).toEqual(['milk', 'report intro']);
  });

  it('combine with the existing filters, views and sorts', async () => {
    expect(
      await titles(owner, {
        projectId: work,
        status: ['pending', 'in_progress'],
        sort: 'manual',
        order: 'asc',
      }),
    ).toEqual(['slides', 'report', 'report charts', 'report intro']);
    expect(await titles(owner, { projectId: work, view: 'today' })).toEqual(['slides']);
    expect(await titles(owner, { view: 'today', labelIds: [errand] })).toEqual(['garden']);
    expect(await titles(owner, { projectId: work, search: 'report', sort: 'title', order: 'asc' })).toEqual([
      'report',
      'report charts',
      'report intro',
    ]);
    expect(await titles(owner, { projectId: home, labelIds: [urgent] })).toEqual([]);
  });

  it('a cursor works only with the filters it was made for', async () => {
    const input = { projectId: work, sort: 'manual', order: 'asc', limit: 1 } as const;
    const first = await owner.api.task.list(input);
    const cursor = first.nextCursor as string;
    expect(cursor).toBeTruthy();
    expect((await owner.api.task.list({ ...input, cursor })).items).toHaveLength(1);
    for (const other of [
      { projectId: home },
      { projectId: null },
      { projectId: undefined },
      { parentId: null },
      { parentId: report },
      { labelIds: [urgent] },
    ] satisfies ListTasksInput[])
      await expectCode(owner.api.task.list({ ...input, ...other, cursor }), 'BAD_REQUEST');
    const byLabels: ListTasksInput = { labelIds: [urgent, errand], sort: 'title', order: 'asc', limit: 1 };
    const labelled = await owner.api.task.list(byLabels);
    // The same labels in another order are the same filter.
    const reordered = { ...byLabels, labelIds: [errand, urgent], cursor: labelled.nextCursor };
    expect((await owner.api.task.list(reordered)).items).toHaveLength(1);
    await expectCode(
      owner.api.task.list({ ...byLabels, labelIds: [urgent], cursor: labelled.nextCursor }),
      'BAD_REQUEST',
    );
  });
});

describe('manual order pagination', () => {
  it('walks a project page by page in order, without duplicates or gaps while tasks are added', async () => {
    const user = await newUser(t, 'paging');
    const paging = await project(user, 'Paging');
    // Ties (the same key twice) and keys that a locale would order differently from bytes.
    const keys = [
      'a0',
      'a0',
      'A5',
      'Zz',
      'a1',
      'a1V',
      'a1',
      'b00',
      'a2',
      'a0V',
      'Zy',
      'a3',
      'a3',
      'a4',
      'aZ',
      'az',
    ];
    const rows: { id: string; position: string }[] = [];
    for (const position of keys)
      rows.push({ id: await place(user, { projectId: paging, position }), position });
    const expected = [...rows]
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1))
      .map((row) => row.id);
    const input = { projectId: paging, parentId: null, sort: 'manual', order: 'asc', limit: 3 } as const;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let turn = 0; turn < 40; turn++) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await user.api.task.list({
        ...input,
        cursor,
      });
      seen.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor;
      if (!cursor) break;
      // Meanwhile one task is added first (before the cursor) and one last (after it).
      await place(user, { projectId: paging, position: 'A0' });
      await place(user, { projectId: paging, position: `z${turn.toString().padStart(2, '0')}` });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, expected.length)).toEqual(expected);
  });
});

describe("another user's ids in task.list", () => {
  const refusals: [string, () => ListTasksInput][] = [
    ['project', () => ({ projectId: theirProject })],
    ['label', () => ({ labelIds: [theirLabel] })],
    ['label among own ones', () => ({ labelIds: [urgent, theirLabel] })],
    ['parent', () => ({ parentId: theirTask })],
    ['project with own label', () => ({ projectId: theirProject, labelIds: [urgent] })],
  ];

  it.each(refusals)('%s: NOT_FOUND, and nothing of theirs changes', async (_kind, input) => {
    const before = await allTaskRows(t);
    const error = await expectCode(
      owner.api.task.list({ ...input(), sort: 'manual', order: 'asc' }),
      'NOT_FOUND',
    );
    expect(error.message).not.toContain('Theirs');
    expect(await allTaskRows(t)).toEqual(before);
  });

  it('ids nobody has are NOT_FOUND too, with the same answer', async () => {
    const mine = await expectCode(owner.api.task.list({ projectId: missingId() }), 'NOT_FOUND');
    const theirs = await expectCode(owner.api.task.list({ projectId: theirProject }), 'NOT_FOUND');
    expect(mine.message).toBe(theirs.message);
    await expectCode(owner.api.task.list({ labelIds: [missingId()] }), 'NOT_FOUND');
    await expectCode(owner.api.task.list({ parentId: randomUUID() }), 'NOT_FOUND');
  });

  it('the owner lists them; the intruder sees only its own', async () => {
    expect(await titles(intruder, { projectId: theirProject })).toEqual(['their task']);
    expect(await titles(intruder, { labelIds: [theirLabel] })).toEqual(['their task']);
    expect(await titles(intruder, { projectId: null })).toEqual([]);
    await expectCode(intruder.api.task.list({ projectId: work }), 'NOT_FOUND');
    await expectCode(intruder.api.task.list({ parentId: report }), 'NOT_FOUND');
  });

  it("a cursor from the owner's project list does not open for the intruder", async () => {
    const input = { projectId: work, sort: 'manual', order: 'asc', limit: 1 } as const;
    const { nextCursor } = await owner.api.task.list(input);
    await expectCode(intruder.api.task.list({ ...input, cursor: nextCursor }), 'BAD_REQUEST');
  });
});

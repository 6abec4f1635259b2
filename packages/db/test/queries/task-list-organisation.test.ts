import { randomUUID } from 'node:crypto';
import type { ListTasksQuery } from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TaskCursor, taskListQueries } from '../../src/queries/task-list.js';
import type { TaskDto } from '../../src/queries/task-row.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertTask, insertUser, type TaskFields } from './arrange.js';

// task.list's organisation filters (projectId, labelIds, parentId), the manual order, and the check that
// the ids a list names are the owner's. Rows are arranged in plain SQL, independent of the writes.

let testOrm: TestOrm;
let pool: pg.Pool;
let queries: ReturnType<typeof taskListQueries>;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  queries = taskListQueries(pool);
});
afterAll(() => testOrm.close());

const query = (over: Partial<ListTasksQuery> = {}): ListTasksQuery => ({
  sort: 'createdAt',
  order: 'desc',
  limit: 100,
  ...over,
});

async function insertProject(userId: string, name = 'Project'): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into projects (user_id, name, position) values ($1, $2, 'a0') returning id`,
    [userId, name],
  );
  return (result.rows[0] as { id: string }).id;
}

async function insertLabel(userId: string): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into labels (user_id, name) values ($1, $2) returning id`,
    [userId, `label ${randomUUID()}`],
  );
  return (result.rows[0] as { id: string }).id;
}

interface Placed extends TaskFields {
  projectId?: string | null;
  parentId?: string | null;
  labelIds?: string[];
  position?: string;
}

async function placeTask(userId: string, fields: Placed = {}): Promise<string> {
  const id = await insertTask(pool, userId, fields);
  await pool.query('update tasks set project_id = $2, parent_id = $3, position = $4 where id = $1', [
    id,
    fields.projectId ?? null,
    fields.parentId ?? null,
    fields.position ?? 'a0',
  ]);
  for (const labelId of fields.labelIds ?? [])
    await pool.query('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
      id,
      labelId,
      userId,
    ]);
  return id;
}

async function allPages(userId: string, q: ListTasksQuery): Promise<TaskDto[]> {
  const listed: TaskDto[] = [];
  let after: TaskCursor | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await queries.list(userId, q, after);
    listed.push(...page.items);
    after = page.next;
    if (!after) return listed;
  }
  throw new Error('the list never ends');
}

const titles = async (userId: string, over: Partial<ListTasksQuery>) =>
  (await allPages(userId, query({ sort: 'title', order: 'asc', limit: 2, ...over }))).map(
    (task) => task.title,
  );

describe('organisation filters', () => {
  let owner: string;
  let other: string;
  let work: string;
  let home: string;
  let urgent: string;
  let errand: string;
  let report: string;

  beforeAll(async () => {
    owner = await insertUser(pool);
    other = await insertUser(pool);
    [work, home] = [await insertProject(owner, 'Work'), await insertProject(owner, 'Home')];
    [urgent, errand] = [await insertLabel(owner), await insertLabel(owner)];
    report = await placeTask(owner, { title: 'report', projectId: work, labelIds: [urgent] });
    const intro = await placeTask(owner, {
      title: 'report intro',
      projectId: work,
      parentId: report,
      labelIds: [urgent, errand],
    });
    await placeTask(owner, {
      title: 'report charts',
      projectId: work,
      parentId: report,
      status: 'completed',
    });
    await placeTask(owner, { title: 'report intro draft', projectId: work, parentId: intro });
    await placeTask(owner, { title: 'garden', projectId: home, labelIds: [errand] });
    await placeTask(owner, { title: 'inbox errand', labelIds: [errand, urgent] });
    await placeTask(owner, { title: 'inbox plain' });
    // Someone else's tasks in the same shapes, with the owner's project and label ids (never shown).
    const theirs = await insertProject(other);
    await placeTask(other, { title: 'their report', projectId: theirs });
    await placeTask(other, { title: 'their inbox' });
  });

  it('projectId: that project only, subtasks included; null: the Inbox only', async () => {
    expect(await titles(owner, { projectId: work })).toEqual([
      'report',
      'report charts',
      'report intro',
      'report intro draft',
    ]);
    expect(await titles(owner, { projectId: home })).toEqual(['garden']);
    expect(await titles(owner, { projectId: null })).toEqual(['inbox errand', 'inbox plain']);
  });

  it('parentId: that task’s direct subtasks only; null: top-level tasks only', async () => {
    expect(await titles(owner, { parentId: report })).toEqual(['report charts', 'report intro']);
    expect(await titles(owner, { parentId: null })).toEqual([
      'garden',
      'inbox errand',
      'inbox plain',
      'report',
    ]);
  });

  it('labelIds: tasks having every one of them; an empty list filters nothing', async () => {
    expect(await titles(owner, { labelIds: [urgent] })).toEqual(['inbox errand', 'report', 'report intro']);
    expect(await titles(owner, { labelIds: [errand] })).toEqual(['garden', 'inbox errand', 'report intro']);
    expect(await titles(owner, { labelIds: [urgent, errand] })).toEqual(['inbox errand', 'report intro']);
    expect(await titles(owner, { labelIds: [] })).toHaveLength(7);
  });

  it('combine with each other and with the existing filters', async () => {
    expect(await titles(owner, { projectId: work, parentId: null })).toEqual(['report']);
    expect(await titles(owner, { projectId: work, labelIds: [urgent] })).toEqual(['report', 'report intro']);
    expect(await titles(owner, { projectId: null, labelIds: [urgent, errand] })).toEqual(['inbox errand']);
    expect(await titles(owner, { parentId: report, status: ['completed'] })).toEqual(['report charts']);
    expect(await titles(owner, { projectId: work, search: 'intro' })).toEqual([
      'report intro',
      'report intro draft',
    ]);
    expect(await titles(owner, { projectId: home, labelIds: [urgent] })).toEqual([]);
  });

  it('never list another user’s tasks, even with their project id', async () => {
    const [theirs] = (await pool.query<{ id: string }>('select id from projects where user_id = $1', [other]))
      .rows;
    expect(await titles(owner, { projectId: theirs?.id })).toEqual([]);
    expect(await titles(other, { projectId: work })).toEqual([]);
    expect(await titles(other, { labelIds: [urgent] })).toEqual([]);
    expect(await titles(other, { parentId: report })).toEqual([]);
    expect(await titles(other, { projectId: null })).toEqual(['their inbox']);
  });

  it('missingListFilter: null for the owner’s ids, the kind of the first id that is not theirs', async () => {
    const missing = (userId: string, ids: Parameters<typeof queries.missingListFilter>[1]) =>
      queries.missingListFilter(userId, ids);
    expect(await missing(owner, {})).toBeNull();
    expect(await missing(owner, { projectId: null, parentId: null, labelIds: [] })).toBeNull();
    expect(
      await missing(owner, { projectId: work, labelIds: [urgent, errand], parentId: report }),
    ).toBeNull();
    expect(await missing(other, { projectId: work })).toBe('project');
    expect(await missing(other, { labelIds: [urgent] })).toBe('label');
    expect(await missing(owner, { labelIds: [urgent, randomUUID()] })).toBe('label');
    expect(await missing(other, { parentId: report })).toBe('parent');
    expect(await missing(owner, { projectId: randomUUID() })).toBe('project');
    expect(await missing(owner, { projectId: work, parentId: randomUUID() })).toBe('parent');
  });
});

describe('manual order', () => {
  it('lists by position byte by byte, id breaking ties; pages have no duplicates or gaps', async () => {
    const owner = await insertUser(pool);
    const project = await insertProject(owner);
    const keys = ['a3', 'a1', 'Zz', 'a1', 'a1V', 'a0', 'a1', 'a2', 'Zy', 'a1V', 'a4'];
    const rows: { id: string; position: string }[] = [];
    for (const position of keys)
      rows.push({ id: await placeTask(owner, { projectId: project, position }), position });
    await placeTask(owner, { position: 'a0' }); // the Inbox: not in the project's list
    const byKey = (a: { id: string; position: string }, b: { id: string; position: string }) =>
      a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1;
    const ascending = [...rows].sort(byKey).map((row) => row.id);
    // With parentId the place's columns lead the ORDER BY (to match its index); the order is the same.
    for (const place of [{ projectId: project }, { projectId: project, parentId: null }]) {
      for (const limit of [1, 2, 3, 100]) {
        const asc = await allPages(owner, query({ ...place, sort: 'manual', order: 'asc', limit }));
        expect(asc.map((task) => task.id)).toEqual(ascending);
        const desc = await allPages(owner, query({ ...place, sort: 'manual', order: 'desc', limit }));
        expect(desc.map((task) => task.id)).toEqual([...ascending].reverse());
      }
    }
  });

  it('has no duplicates or gaps while tasks are moved and added between pages', async () => {
    const owner = await insertUser(pool);
    const created: string[] = [];
    for (let i = 0; i < 12; i++) created.push(await placeTask(owner, { position: `a${i.toString(36)}` }));
    const seen: string[] = [];
    let after: TaskCursor | null = null;
    let turns = 0;
    do {
      const page = await queries.list(
        owner,
        query({ parentId: null, sort: 'manual', order: 'asc', limit: 3 }),
        after,
      );
      seen.push(...page.items.map((task) => task.id));
      after = page.next;
      // A task is added first (before the cursor) and one last (after it) meanwhile.
      await placeTask(owner, { position: 'Z0' });
      await placeTask(owner, { position: `b${turns}` });
      turns += 1;
    } while (after && turns < 30);
    expect(new Set(seen).size).toBe(seen.length);
    expect(created.every((id) => seen.includes(id))).toBe(true);
  });
});

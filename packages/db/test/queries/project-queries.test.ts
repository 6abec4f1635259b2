import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ProjectDto, projectQueries } from '../../src/queries/project-queries.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertTask, insertUser } from './arrange.js';
import { racingInserts } from './racing-inserts.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let projects: ReturnType<typeof projectQueries>;
let owner: string;
let other: string;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  projects = projectQueries(pool);
});
afterAll(() => testOrm.close());

beforeEach(async () => {
  owner = await insertUser(pool);
  other = await insertUser(pool);
});

const NOW = new Date('2026-03-04T05:06:07.891Z');
const LATER = new Date('2026-03-05T00:00:00.000Z');

async function create(userId: string, name: string): Promise<ProjectDto> {
  const result = await projects.create(userId, { name }, NOW);
  if (result.kind !== 'created') throw new Error(`could not create ${name}: ${result.kind}`);
  return result.project;
}

const names = async (userId: string) => (await projects.list(userId)).map((project) => project.name);

/** Every stored project row as text, for "nothing changed" checks. */
async function storedRows(userId: string): Promise<string[]> {
  const result = await pool.query<{ json: string }>(
    'select row_to_json(p)::text as json from projects p where user_id = $1 order by id',
    [userId],
  );
  return result.rows.map((row) => row.json);
}

async function setProject(taskId: string, projectId: string | null): Promise<void> {
  await pool.query('update tasks set project_id = $2 where id = $1', [taskId, projectId]);
}

describe('create and list', () => {
  it('creates with the default colour, no archive date and no open tasks, each one last', async () => {
    const first = await create(owner, 'Home');
    expect(first).toEqual({
      id: expect.any(String),
      name: 'Home',
      color: 'grey',
      position: expect.any(String),
      archivedAt: null,
      openTaskCount: 0,
    });
    const second = await projects.create(owner, { name: 'Work', color: 'blue' }, NOW);
    expect(second).toMatchObject({ kind: 'created', project: { name: 'Work', color: 'blue' } });
    await create(owner, 'Home'); // duplicate names are allowed, like Todoist
    expect(await names(owner)).toEqual(['Home', 'Work', 'Home']);
    expect(await names(other)).toEqual([]);
  });

  it('counts open tasks and subtasks of each project, never completed ones or other projects', async () => {
    const home = await create(owner, 'Home');
    const work = await create(owner, 'Work');
    const open = await insertTask(pool, owner, { status: 'pending' });
    const doing = await insertTask(pool, owner, { status: 'in_progress' });
    const done = await insertTask(pool, owner, { status: 'completed' });
    const inbox = await insertTask(pool, owner);
    const subtask = await insertTask(pool, owner);
    await pool.query('update tasks set parent_id = $2 where id = $1', [subtask, open]);
    for (const id of [open, doing, done, subtask]) await setProject(id, home.id);
    await setProject(await insertTask(pool, owner), work.id);
    expect(inbox).toBeTruthy();
    expect((await projects.list(owner)).map((p) => [p.name, p.openTaskCount])).toEqual([
      ['Home', 3],
      ['Work', 1],
    ]);
  });

  it(`refuses the ${LIMITS.projectsPerUser + 1}th project, even when created at the same time`, async () => {
    const values = Array.from({ length: LIMITS.projectsPerUser - 1 }, (_, i) => `($1, 'P${i}', 'a${i}')`);
    await pool.query(`insert into projects (user_id, name, position) values ${values.join(', ')}`, [owner]);
    const results = await racingInserts(
      testOrm.database.url,
      'projects',
      [1, 2, 3].map((i) => () => projects.create(owner, { name: `Racing ${i}` }, NOW)),
    );
    expect(results.map((result) => result.kind).sort()).toEqual([
      'created',
      'limit-reached',
      'limit-reached',
    ]);
    const counted = await pool.query('select count(*)::int as n from projects where user_id = $1', [owner]);
    expect(counted.rows[0].n).toBe(LIMITS.projectsPerUser);
    // Someone else is not affected.
    expect((await projects.create(other, { name: 'Mine' }, NOW)).kind).toBe('created');
  });
});

describe('update', () => {
  it('renames and recolours only what is given', async () => {
    const home = await create(owner, 'Home');
    const renamed = await projects.update(owner, home.id, { name: 'House' }, LATER);
    expect(renamed).toEqual({ kind: 'updated', project: { ...home, name: 'House' } });
    const recoloured = await projects.update(owner, home.id, { color: 'red' }, LATER);
    expect(recoloured).toEqual({ kind: 'updated', project: { ...home, name: 'House', color: 'red' } });
  });

  it('archives at now (keeping the first date when archived again) and brings back', async () => {
    const home = await create(owner, 'Home');
    expect(await projects.update(owner, home.id, { archived: true }, NOW)).toMatchObject({
      project: { archivedAt: NOW },
    });
    expect(await projects.update(owner, home.id, { archived: true }, LATER)).toMatchObject({
      project: { archivedAt: NOW },
    });
    expect((await projects.list(owner))[0]?.archivedAt).toEqual(NOW);
    expect(await projects.update(owner, home.id, { archived: false }, LATER)).toMatchObject({
      project: { archivedAt: null },
    });
  });

  it('moves right after another project, or first with null, writing only the moved row', async () => {
    const [a, b, c, d] = [
      await create(owner, 'A'),
      await create(owner, 'B'),
      await create(owner, 'C'),
      await create(owner, 'D'),
    ];
    if (!a || !b || !c || !d) throw new Error('not created');
    await projects.update(owner, d.id, { afterId: a.id }, LATER);
    expect(await names(owner)).toEqual(['A', 'D', 'B', 'C']);
    await projects.update(owner, a.id, { afterId: c.id }, LATER);
    expect(await names(owner)).toEqual(['D', 'B', 'C', 'A']);
    await projects.update(owner, c.id, { afterId: null }, LATER);
    expect(await names(owner)).toEqual(['C', 'D', 'B', 'A']);
    await projects.update(owner, b.id, { afterId: b.id }, LATER);
    expect(await names(owner)).toEqual(['C', 'D', 'B', 'A']);
    const before = await storedRows(owner);
    await projects.update(owner, a.id, { afterId: null }, LATER);
    const after = await storedRows(owner);
    expect(after.filter((row) => !before.includes(row))).toHaveLength(1);
    expect(await names(owner)).toEqual(['A', 'C', 'D', 'B']);
  });

  it('moves after a project whose next one has the same key (rows made at the same instant)', async () => {
    await pool.query(
      `insert into projects (user_id, name, position) values ($1, 'X', 'a1'), ($1, 'Y', 'a1')`,
      [owner],
    );
    const z = await create(owner, 'Z');
    const [x] = await projects.list(owner);
    await projects.update(owner, z.id, { afterId: x?.id ?? '' }, LATER);
    const order = await names(owner);
    expect(order.indexOf('Z')).toBeGreaterThan(order.indexOf('X'));
  });

  it("says missing for another user's project or one that does not exist, and after-missing for their afterId", async () => {
    const mine = await create(owner, 'Mine');
    const theirs = await create(other, 'Theirs');
    const before = await storedRows(other);
    expect(await projects.update(owner, theirs.id, { name: 'Taken' }, LATER)).toEqual({ kind: 'missing' });
    expect(await projects.update(owner, theirs.id, { afterId: null }, LATER)).toEqual({ kind: 'missing' });
    expect(await projects.update(owner, randomUUID(), { archived: true }, LATER)).toEqual({
      kind: 'missing',
    });
    expect(await projects.update(owner, mine.id, { afterId: theirs.id }, LATER)).toEqual({
      kind: 'after-missing',
    });
    expect(await projects.update(owner, mine.id, { afterId: randomUUID(), name: 'x' }, LATER)).toEqual({
      kind: 'after-missing',
    });
    expect(await storedRows(other)).toEqual(before);
    expect((await projects.list(owner))[0]?.name).toBe('Mine');
  });
});

describe('delete', () => {
  it('moves its tasks and subtasks to the Inbox and keeps them', async () => {
    const home = await create(owner, 'Home');
    const task = await insertTask(pool, owner, { title: 'Keep me' });
    const subtask = await insertTask(pool, owner);
    await pool.query('update tasks set parent_id = $2 where id = $1', [subtask, task]);
    await setProject(task, home.id);
    await setProject(subtask, home.id);
    expect(await projects.delete(owner, home.id)).toBe(true);
    const kept = await pool.query(
      'select id, project_id, parent_id from tasks where user_id = $1 order by title',
      [owner],
    );
    expect(kept.rows).toEqual([
      { id: subtask, project_id: null, parent_id: task },
      { id: task, project_id: null, parent_id: null },
    ]);
    expect(await projects.list(owner)).toEqual([]);
  });

  it("says false for another user's project and leaves it and its tasks", async () => {
    const theirs = await create(other, 'Theirs');
    const task = await insertTask(pool, other);
    await setProject(task, theirs.id);
    expect(await projects.delete(owner, theirs.id)).toBe(false);
    expect(await projects.delete(owner, randomUUID())).toBe(false);
    expect((await projects.list(other))[0]).toMatchObject({ id: theirs.id, openTaskCount: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ProjectDto, projectQueries } from '../../src/queries/project-queries.js';
import { insertTask } from './arrange.js';
import { useOwnerAndOther } from './owner-and-other.js';
import { racingInserts } from './racing-inserts.js';

const db = useOwnerAndOther();
let projects: ReturnType<typeof projectQueries>;

beforeAll(() => {
  projects = projectQueries(db.pool);
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
  const result = await db.pool.query<{ json: string }>(
    'select row_to_json(p)::text as json from projects p where user_id = $1 order by id',
    [userId],
  );
  return result.rows.map((row) => row.json);
}

async function setProject(taskId: string, projectId: string | null): Promise<void> {
  await db.pool.query('update tasks set project_id = $2 where id = $1', [taskId, projectId]);
}

describe('create and list', () => {
  it('creates with the default colour, no archive date and no open tasks, each one last', async () => {
    const first = await create(db.owner, 'Home');
    expect(first).toEqual({
      id: expect.any(String),
      name: 'Home',
      color: 'grey',
      position: expect.any(String),
      archivedAt: null,
      openTaskCount: 0,
    });
    const second = await projects.create(db.owner, { name: 'Work', color: 'blue' }, NOW);
    expect(second).toMatchObject({ kind: 'created', project: { name: 'Work', color: 'blue' } });
    await create(db.owner, 'Home'); // duplicate names are allowed, like Todoist
    expect(await names(db.owner)).toEqual(['Home', 'Work', 'Home']);
    expect(await names(db.other)).toEqual([]);
  });

  it('counts open tasks and subtasks of each project, never completed ones or other projects', async () => {
    const home = await create(db.owner, 'Home');
    const work = await create(db.owner, 'Work');
    const open = await insertTask(db.pool, db.owner, { status: 'pending' });
    const doing = await insertTask(db.pool, db.owner, { status: 'in_progress' });
    const done = await insertTask(db.pool, db.owner, { status: 'completed' });
    const inbox = await insertTask(db.pool, db.owner);
    const subtask = await insertTask(db.pool, db.owner);
    await db.pool.query('update tasks set parent_id = $2 where id = $1', [subtask, open]);
    for (const id of [open, doing, done, subtask]) await setProject(id, home.id);
    await setProject(await insertTask(db.pool, db.owner), work.id);
    expect(inbox).toBeTruthy();
    expect((await projects.list(db.owner)).map((p) => [p.name, p.openTaskCount])).toEqual([
      ['Home', 3],
      ['Work', 1],
    ]);
  });

  it(`refuses the ${LIMITS.projectsPerUser + 1}th project, even when created at the same time`, async () => {
    const values = Array.from({ length: LIMITS.projectsPerUser - 1 }, (_, i) => `($1, 'P${i}', 'a${i}')`);
    await db.pool.query(`insert into projects (user_id, name, position) values ${values.join(', ')}`, [
      db.owner,
    ]);
    const results = await racingInserts(
      db.databaseUrl,
      'projects',
      [1, 2, 3].map((i) => () => projects.create(db.owner, { name: `Racing ${i}` }, NOW)),
    );
    expect(results.map((result) => result.kind).sort()).toEqual([
      'created',
      'limit-reached',
      'limit-reached',
    ]);
    const counted = await db.pool.query('select count(*)::int as n from projects where user_id = $1', [
      db.owner,
    ]);
    expect(counted.rows[0].n).toBe(LIMITS.projectsPerUser);
    // Someone else is not affected.
    expect((await projects.create(db.other, { name: 'Mine' }, NOW)).kind).toBe('created');
  });
});

describe('update', () => {
  it('renames and recolours only what is given', async () => {
    const home = await create(db.owner, 'Home');
    const renamed = await projects.update(db.owner, home.id, { name: 'House' }, LATER);
    expect(renamed).toEqual({ kind: 'updated', project: { ...home, name: 'House' } });
    const recoloured = await projects.update(db.owner, home.id, { color: 'red' }, LATER);
    expect(recoloured).toEqual({ kind: 'updated', project: { ...home, name: 'House', color: 'red' } });
  });

  it('archives at now (keeping the first date when archived again) and brings back', async () => {
    const home = await create(db.owner, 'Home');
    expect(await projects.update(db.owner, home.id, { archived: true }, NOW)).toMatchObject({
      project: { archivedAt: NOW },
    });
    expect(await projects.update(db.owner, home.id, { archived: true }, LATER)).toMatchObject({
      project: { archivedAt: NOW },
    });
    expect((await projects.list(db.owner))[0]?.archivedAt).toEqual(NOW);
    expect(await projects.update(db.owner, home.id, { archived: false }, LATER)).toMatchObject({
      project: { archivedAt: null },
    });
  });

  it('moves right after another project, or first with null, writing only the moved row', async () => {
    const [a, b, c, d] = [
      await create(db.owner, 'A'),
      await create(db.owner, 'B'),
      await create(db.owner, 'C'),
      await create(db.owner, 'D'),
    ];
    if (!a || !b || !c || !d) throw new Error('not created');
    await projects.update(db.owner, d.id, { afterId: a.id }, LATER);
    expect(await names(db.owner)).toEqual(['A', 'D', 'B', 'C']);
    await projects.update(db.owner, a.id, { afterId: c.id }, LATER);
    expect(await names(db.owner)).toEqual(['D', 'B', 'C', 'A']);
    await projects.update(db.owner, c.id, { afterId: null }, LATER);
    expect(await names(db.owner)).toEqual(['C', 'D', 'B', 'A']);
    await projects.update(db.owner, b.id, { afterId: b.id }, LATER);
    expect(await names(db.owner)).toEqual(['C', 'D', 'B', 'A']);
    const before = await storedRows(db.owner);
    await projects.update(db.owner, a.id, { afterId: null }, LATER);
    const after = await storedRows(db.owner);
    expect(after.filter((row) => !before.includes(row))).toHaveLength(1);
    expect(await names(db.owner)).toEqual(['A', 'C', 'D', 'B']);
  });

  it('moves after a project whose next one has the same key (rows made at the same instant)', async () => {
    await db.pool.query(
      `insert into projects (user_id, name, position) values ($1, 'X', 'a1'), ($1, 'Y', 'a1')`,
      [db.owner],
    );
    const z = await create(db.owner, 'Z');
    const [x] = await projects.list(db.owner);
    await projects.update(db.owner, z.id, { afterId: x?.id ?? '' }, LATER);
    const order = await names(db.owner);
    expect(order.indexOf('Z')).toBeGreaterThan(order.indexOf('X'));
  });

  it("says missing for another user's project or one that does not exist, and after-missing for their afterId", async () => {
    const mine = await create(db.owner, 'Mine');
    const theirs = await create(db.other, 'Theirs');
    const before = await storedRows(db.other);
    expect(await projects.update(db.owner, theirs.id, { name: 'Taken' }, LATER)).toEqual({ kind: 'missing' });
    expect(await projects.update(db.owner, theirs.id, { afterId: null }, LATER)).toEqual({ kind: 'missing' });
    expect(await projects.update(db.owner, randomUUID(), { archived: true }, LATER)).toEqual({
      kind: 'missing',
    });
    expect(await projects.update(db.owner, mine.id, { afterId: theirs.id }, LATER)).toEqual({
      kind: 'after-missing',
    });
    expect(await projects.update(db.owner, mine.id, { afterId: randomUUID(), name: 'x' }, LATER)).toEqual({
      kind: 'after-missing',
    });
    expect(await storedRows(db.other)).toEqual(before);
    expect((await projects.list(db.owner))[0]?.name).toBe('Mine');
  });
});

describe('delete', () => {
  it('moves its tasks and subtasks to the Inbox and keeps them', async () => {
    const home = await create(db.owner, 'Home');
    const task = await insertTask(db.pool, db.owner, { title: 'Keep me' });
    const subtask = await insertTask(db.pool, db.owner);
    await db.pool.query('update tasks set parent_id = $2 where id = $1', [subtask, task]);
    await setProject(task, home.id);
    await setProject(subtask, home.id);
    expect(await projects.delete(db.owner, home.id)).toBe(true);
    const kept = await db.pool.query(
      'select id, project_id, parent_id from tasks where user_id = $1 order by title',
      [db.owner],
    );
    expect(kept.rows).toEqual([
      { id: subtask, project_id: null, parent_id: task },
      { id: task, project_id: null, parent_id: null },
    ]);
    expect(await projects.list(db.owner)).toEqual([]);
  });

  it("says false for another user's project and leaves it and its tasks", async () => {
    const theirs = await create(db.other, 'Theirs');
    const task = await insertTask(db.pool, db.other);
    await setProject(task, theirs.id);
    expect(await projects.delete(db.owner, theirs.id)).toBe(false);
    expect(await projects.delete(db.owner, randomUUID())).toBe(false);
    expect((await projects.list(db.other))[0]).toMatchObject({ id: theirs.id, openTaskCount: 1 });
  });
});

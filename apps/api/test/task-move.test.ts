import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectCode,
  missingId,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';
import { everythingOf, newProject, titlesAt } from './helpers/task-tree.js';

// task.move: manual order (right after afterId, first when null), into a project or under a parent.

let t: TaskTestDb;
let user: TestUser;

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  user = await newUser(t, 'move');
});

/** Tasks created in reverse, so they read in the order given (new tasks go first). */
async function inOrder(titles: string[], projectId: string | null = null) {
  const ids: Record<string, string> = {};
  for (const title of [...titles].reverse())
    ids[title] = (await user.api.task.create({ title, projectId })).id;
  return ids;
}

describe('task.move', () => {
  it('new tasks come first; a move puts a task right after afterId, or first', async () => {
    const id = await inOrder(['a', 'b', 'c', 'd']);
    expect(await titlesAt(t, user.userId)).toEqual(['a', 'b', 'c', 'd']);
    const moved = await user.api.task.move({ id: id.a ?? '', afterId: id.c });
    expect(moved).toMatchObject({ id: id.a, projectId: null, parentId: null });
    expect(await titlesAt(t, user.userId)).toEqual(['b', 'c', 'a', 'd']);
    await user.api.task.move({ id: id.b ?? '', afterId: id.d });
    expect(await titlesAt(t, user.userId)).toEqual(['c', 'a', 'd', 'b']);
    await user.api.task.move({ id: id.d ?? '', afterId: null });
    expect(await titlesAt(t, user.userId)).toEqual(['d', 'c', 'a', 'b']);
    await user.api.task.move({ id: id.b ?? '' });
    expect(await titlesAt(t, user.userId)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('writes only the moved row, and bumps its updatedAt', async () => {
    const id = await inOrder(['a', 'b', 'c']);
    const before = await user.api.task.byId({ id: id.c ?? '' });
    const others = await t.query<{ json: string }>(
      'select row_to_json(x)::text as json from tasks x where id <> ? and user_id = ?',
      [id.c, user.userId],
    );
    const moved = await user.api.task.move({ id: id.c ?? '', afterId: id.a });
    expect(moved.position > (await user.api.task.byId({ id: id.a ?? '' })).position).toBe(true);
    expect(moved.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(
      await t.query<{ json: string }>(
        'select row_to_json(x)::text as json from tasks x where id <> ? and user_id = ?',
        [id.c, user.userId],
      ),
    ).toEqual(others);
  });

  it('moves into a project after a task there, its subtasks following', async () => {
    const project = await newProject(user);
    const there = await inOrder(['p1', 'p2'], project);
    const task = await user.api.task.create({ title: 'moving' });
    const child = await user.api.task.create({ title: 'its child', parentId: task.id });
    await user.api.task.move({ id: task.id, projectId: project, afterId: there.p1 });
    expect(await titlesAt(t, user.userId, { projectId: project })).toEqual(['p1', 'moving', 'p2']);
    expect(await user.api.task.byId({ id: child.id })).toMatchObject({
      projectId: project,
      parentId: task.id,
    });
    await user.api.task.move({ id: task.id, projectId: null });
    expect(await titlesAt(t, user.userId)).toEqual(['moving']);
    expect((await user.api.task.byId({ id: child.id })).projectId).toBeNull();
  });

  it('nests under a parent after one of its subtasks, and back out to the top level', async () => {
    const parent = await user.api.task.create({ title: 'parent' });
    const first = await user.api.task.create({ title: 'first', parentId: parent.id });
    const task = await user.api.task.create({ title: 'task' });
    await user.api.task.create({ title: 'second', parentId: parent.id });
    await user.api.task.move({ id: task.id, parentId: parent.id, afterId: first.id });
    expect(await titlesAt(t, user.userId, { parentId: parent.id })).toEqual(['second', 'first', 'task']);
    expect(await user.api.task.move({ id: task.id, parentId: null, afterId: parent.id })).toMatchObject({
      parentId: null,
    });
    expect(await titlesAt(t, user.userId)).toEqual(['parent', 'task']);
  });

  it('refuses an afterId that is not a sibling at the destination (or the task itself) with BAD_REQUEST', async () => {
    const project = await newProject(user);
    const id = await inOrder(['a', 'b']);
    const elsewhere = await user.api.task.create({ title: 'elsewhere', projectId: project });
    const child = await user.api.task.create({ title: 'child', parentId: id.b });
    const before = await everythingOf(t, user.userId);
    await expectCode(user.api.task.move({ id: id.a ?? '', afterId: elsewhere.id }), 'BAD_REQUEST');
    await expectCode(user.api.task.move({ id: id.a ?? '', afterId: child.id }), 'BAD_REQUEST');
    await expectCode(
      user.api.task.move({ id: id.a ?? '', projectId: project, afterId: id.b }),
      'BAD_REQUEST',
    );
    await expectCode(user.api.task.move({ id: id.a ?? '', afterId: id.a }), 'BAD_REQUEST');
    await expectCode(user.api.task.move({ id: id.b ?? '', parentId: child.id }), 'BAD_REQUEST');
    expect(await everythingOf(t, user.userId)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown task, project, parent or afterId, and refuses bad input', async () => {
    const task = await user.api.task.create({ title: 'here' });
    const before = await everythingOf(t, user.userId);
    await expectCode(user.api.task.move({ id: missingId() }), 'NOT_FOUND');
    await expectCode(user.api.task.move({ id: task.id, projectId: missingId() }), 'NOT_FOUND');
    await expectCode(user.api.task.move({ id: task.id, parentId: missingId() }), 'NOT_FOUND');
    await expectCode(user.api.task.move({ id: task.id, afterId: missingId() }), 'NOT_FOUND');
    await expectCode(user.api.task.move({ id: 'nope' }), 'BAD_REQUEST');
    await expectCode(user.api.task.move({ id: task.id, position: 'a0' } as never), 'BAD_REQUEST');
    expect(await everythingOf(t, user.userId)).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode, missingId } from './helpers/task-fixtures.js';
import { everythingOf, newProject, titlesAt } from './helpers/task-tree.js';

// task.move: manual order (right after afterId, first when null), into a project or under a parent.

const suite = useSignedInUser('move');

/** Tasks created in reverse, so they read in the order given (new tasks go first). */
async function inOrder(titles: string[], projectId: string | null = null) {
  const ids: Record<string, string> = {};
  for (const title of [...titles].reverse())
    ids[title] = (await suite.me.api.task.create({ title, projectId })).id;
  return ids;
}

describe('task.move', () => {
  it('new tasks come first; a move puts a task right after afterId, or first', async () => {
    const id = await inOrder(['a', 'b', 'c', 'd']);
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['a', 'b', 'c', 'd']);
    const moved = await suite.me.api.task.move({ id: id.a ?? '', afterId: id.c });
    expect(moved).toMatchObject({ id: id.a, projectId: null, parentId: null });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['b', 'c', 'a', 'd']);
    await suite.me.api.task.move({ id: id.b ?? '', afterId: id.d });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['c', 'a', 'd', 'b']);
    await suite.me.api.task.move({ id: id.d ?? '', afterId: null });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['d', 'c', 'a', 'b']);
    await suite.me.api.task.move({ id: id.b ?? '' });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('writes only the moved row, and bumps its updatedAt', async () => {
    const id = await inOrder(['a', 'b', 'c']);
    const before = await suite.me.api.task.byId({ id: id.c ?? '' });
    const others = await suite.t.query<{ json: string }>(
      'select row_to_json(x)::text as json from tasks x where id <> ? and user_id = ?',
      [id.c, suite.me.userId],
    );
    const moved = await suite.me.api.task.move({ id: id.c ?? '', afterId: id.a });
    expect(moved.position > (await suite.me.api.task.byId({ id: id.a ?? '' })).position).toBe(true);
    expect(moved.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(
      await suite.t.query<{ json: string }>(
        'select row_to_json(x)::text as json from tasks x where id <> ? and user_id = ?',
        [id.c, suite.me.userId],
      ),
    ).toEqual(others);
  });

  it('moves into a project after a task there, its subtasks following', async () => {
    const project = await newProject(suite.me);
    const there = await inOrder(['p1', 'p2'], project);
    const task = await suite.me.api.task.create({ title: 'moving' });
    const child = await suite.me.api.task.create({ title: 'its child', parentId: task.id });
    await suite.me.api.task.move({ id: task.id, projectId: project, afterId: there.p1 });
    expect(await titlesAt(suite.t, suite.me.userId, { projectId: project })).toEqual(['p1', 'moving', 'p2']);
    expect(await suite.me.api.task.byId({ id: child.id })).toMatchObject({
      projectId: project,
      parentId: task.id,
    });
    await suite.me.api.task.move({ id: task.id, projectId: null });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['moving']);
    expect((await suite.me.api.task.byId({ id: child.id })).projectId).toBeNull();
  });

  it('nests under a parent after one of its subtasks, and back out to the top level', async () => {
    const parent = await suite.me.api.task.create({ title: 'parent' });
    const first = await suite.me.api.task.create({ title: 'first', parentId: parent.id });
    const task = await suite.me.api.task.create({ title: 'task' });
    await suite.me.api.task.create({ title: 'second', parentId: parent.id });
    await suite.me.api.task.move({ id: task.id, parentId: parent.id, afterId: first.id });
    expect(await titlesAt(suite.t, suite.me.userId, { parentId: parent.id })).toEqual([
      'second',
      'first',
      'task',
    ]);
    expect(await suite.me.api.task.move({ id: task.id, parentId: null, afterId: parent.id })).toMatchObject({
      parentId: null,
    });
    expect(await titlesAt(suite.t, suite.me.userId)).toEqual(['parent', 'task']);
  });

  it('refuses an afterId that is not a sibling at the destination (or the task itself) with BAD_REQUEST', async () => {
    const project = await newProject(suite.me);
    const id = await inOrder(['a', 'b']);
    const elsewhere = await suite.me.api.task.create({ title: 'elsewhere', projectId: project });
    const child = await suite.me.api.task.create({ title: 'child', parentId: id.b });
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(suite.me.api.task.move({ id: id.a ?? '', afterId: elsewhere.id }), 'BAD_REQUEST');
    await expectCode(suite.me.api.task.move({ id: id.a ?? '', afterId: child.id }), 'BAD_REQUEST');
    await expectCode(
      suite.me.api.task.move({ id: id.a ?? '', projectId: project, afterId: id.b }),
      'BAD_REQUEST',
    );
    await expectCode(suite.me.api.task.move({ id: id.a ?? '', afterId: id.a }), 'BAD_REQUEST');
    await expectCode(suite.me.api.task.move({ id: id.b ?? '', parentId: child.id }), 'BAD_REQUEST');
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown task, project, parent or afterId, and refuses bad input', async () => {
    const task = await suite.me.api.task.create({ title: 'here' });
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(suite.me.api.task.move({ id: missingId() }), 'NOT_FOUND');
    await expectCode(suite.me.api.task.move({ id: task.id, projectId: missingId() }), 'NOT_FOUND');
    await expectCode(suite.me.api.task.move({ id: task.id, parentId: missingId() }), 'NOT_FOUND');
    await expectCode(suite.me.api.task.move({ id: task.id, afterId: missingId() }), 'NOT_FOUND');
    await expectCode(suite.me.api.task.move({ id: 'nope' }), 'BAD_REQUEST');
    await expectCode(suite.me.api.task.move({ id: task.id, position: 'a0' } as never), 'BAD_REQUEST');
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });
});

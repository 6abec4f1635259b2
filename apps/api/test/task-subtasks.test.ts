import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode } from './helpers/task-fixtures.js';
import { everythingOf, newLabel, newProject, titlesAt } from './helpers/task-tree.js';

// Subtasks: up to LIMITS.taskLevelsMax levels, sharing their parent's project; deleting a parent deletes
// its subtasks, and one task.restore brings them all back.

const suite = useSignedInUser('subtasks');

/** A chain of tasks, each under the one before; the first in `projectId`. */
async function chain(levels: number, projectId: string | null = null) {
  const tasks = [await suite.me.api.task.create({ title: 'L1', projectId })];
  for (let level = 2; level <= levels; level += 1) {
    tasks.push(await suite.me.api.task.create({ title: `L${level}`, parentId: tasks.at(-1)?.id }));
  }
  return tasks;
}

describe('creating subtasks', () => {
  it("takes the parent's project, goes first among its siblings and counts on the parent", async () => {
    const project = await newProject(suite.me);
    const parent = await suite.me.api.task.create({ title: 'Plan the trip', projectId: project });
    const first = await suite.me.api.task.create({ title: 'Book flights', parentId: parent.id });
    await suite.me.api.task.create({ title: 'Book hotel', parentId: parent.id, projectId: project });
    expect(first).toMatchObject({ parentId: parent.id, projectId: project, subtaskCount: 0 });
    expect((await suite.me.api.task.byId({ id: parent.id })).subtaskCount).toBe(2);
    expect(await titlesAt(suite.t, suite.me.userId, { projectId: project, parentId: parent.id })).toEqual([
      'Book hotel',
      'Book flights',
    ]);
  });

  it('refuses a projectId other than the parent’s with BAD_REQUEST', async () => {
    const parent = await suite.me.api.task.create({ title: 'In the Inbox' });
    const project = await newProject(suite.me);
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(
      suite.me.api.task.create({ title: 'x', parentId: parent.id, projectId: project }),
      'BAD_REQUEST',
    );
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it(`allows ${LIMITS.taskLevelsMax} levels; a deeper one is BAD_REQUEST saying the limit`, async () => {
    const tasks = await chain(LIMITS.taskLevelsMax);
    const before = await everythingOf(suite.t, suite.me.userId);
    const error = await expectCode(
      suite.me.api.task.create({ title: 'too deep', parentId: tasks.at(-1)?.id }),
      'BAD_REQUEST',
    );
    expect(error.message).toBe('Subtasks can be at most 4 levels deep');
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });
});

describe('nesting with task.update', () => {
  it('nests a task with its subtasks under another, taking its project, and back to the top level', async () => {
    const project = await newProject(suite.me);
    const target = await suite.me.api.task.create({ title: 'Target', projectId: project });
    const [top, child] = await chain(2);
    const nested = await suite.me.api.task.update({ id: top?.id ?? '', parentId: target.id });
    expect(nested).toMatchObject({ parentId: target.id, projectId: project });
    expect(nested.updatedAt.getTime()).toBeGreaterThan(top?.updatedAt.getTime() ?? 0);
    expect(await suite.me.api.task.byId({ id: child?.id ?? '' })).toMatchObject({
      projectId: project,
      parentId: top?.id,
    });
    const lifted = await suite.me.api.task.update({ id: top?.id ?? '', parentId: null });
    expect(lifted).toMatchObject({ parentId: null, projectId: project });
    expect(await titlesAt(suite.t, suite.me.userId, { projectId: project })).toEqual(['L1', 'Target']);
  });

  it('refuses itself or a subtask as the parent, and a tree deeper than the limit, with BAD_REQUEST', async () => {
    const [top, middle, bottom] = await chain(3);
    const [other] = await chain(2);
    const before = await everythingOf(suite.t, suite.me.userId);
    await expectCode(suite.me.api.task.update({ id: top?.id ?? '', parentId: top?.id }), 'BAD_REQUEST');
    await expectCode(suite.me.api.task.update({ id: top?.id ?? '', parentId: bottom?.id }), 'BAD_REQUEST');
    const error = await expectCode(
      suite.me.api.task.update({ id: other?.id ?? '', parentId: bottom?.id }),
      'BAD_REQUEST',
    );
    expect(error.message).toBe('Subtasks can be at most 4 levels deep');
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
    expect((await suite.me.api.task.update({ id: other?.id ?? '', parentId: middle?.id })).parentId).toBe(
      middle?.id,
    );
  });

  it('a projectId alone takes a subtask out of its parent into that project', async () => {
    const [top, child] = await chain(2);
    const project = await newProject(suite.me);
    expect(await suite.me.api.task.update({ id: child?.id ?? '', projectId: project })).toMatchObject({
      projectId: project,
      parentId: null,
    });
    expect((await suite.me.api.task.byId({ id: top?.id ?? '' })).subtaskCount).toBe(0);
  });
});

describe('deleting a parent (one Undo)', () => {
  it('deletes its subtasks too, and task.restore brings back the whole tree with its labels', async () => {
    const project = await newProject(suite.me);
    const label = await newLabel(suite.me);
    const [top, middle, bottom] = await chain(3, project);
    await suite.me.api.task.update({ id: middle?.id ?? '', labelIds: [label] });
    const stored = await everythingOf(suite.t, suite.me.userId);
    expect(await suite.me.api.task.delete({ id: top?.id ?? '' })).toEqual({ id: top?.id });
    for (const task of [top, middle, bottom])
      await expectCode(suite.me.api.task.byId({ id: task?.id ?? '' }), 'NOT_FOUND');

    const restored = await suite.me.api.task.restore({ id: top?.id ?? '' });
    expect(restored).toMatchObject({ id: top?.id, projectId: project, subtaskCount: 1 });
    expect(await suite.me.api.task.byId({ id: middle?.id ?? '' })).toMatchObject({
      parentId: top?.id,
      labelIds: [label],
    });
    expect(await suite.me.api.task.byId({ id: bottom?.id ?? '' })).toMatchObject({ parentId: middle?.id });
    const withoutTimes = (rows: string[]) => rows.map((row) => row.replace(/"updated_at":"[^"]*"/, ''));
    expect(withoutTimes(await everythingOf(suite.t, suite.me.userId))).toEqual(withoutTimes(stored));
  });

  it('bulkDelete of a parent counts the parent, and its restore brings back its subtasks', async () => {
    const [top, child] = await chain(2);
    expect(await suite.me.api.task.bulkDelete({ ids: [top?.id ?? ''] })).toEqual({ count: 1 });
    await expectCode(suite.me.api.task.byId({ id: child?.id ?? '' }), 'NOT_FOUND');
    await suite.me.api.task.restore({ id: top?.id ?? '' });
    expect((await suite.me.api.task.byId({ id: child?.id ?? '' })).parentId).toBe(top?.id);
  });

  it('restores into the Inbox when the project was deleted meanwhile', async () => {
    const project = await newProject(suite.me);
    const [top, child] = await chain(2, project);
    await suite.me.api.task.delete({ id: top?.id ?? '' });
    await suite.me.api.project.delete({ id: project });
    expect(await suite.me.api.task.restore({ id: top?.id ?? '' })).toMatchObject({
      projectId: null,
      subtaskCount: 1,
    });
    expect((await suite.me.api.task.byId({ id: child?.id ?? '' })).projectId).toBeNull();
  });

  it('restores only the labels that still exist', async () => {
    const [kept, removed] = [await newLabel(suite.me), await newLabel(suite.me)];
    const task = await suite.me.api.task.create({ title: 'Labelled', labelIds: [kept, removed] });
    await suite.me.api.task.delete({ id: task.id });
    await suite.me.api.label.delete({ id: removed });
    expect((await suite.me.api.task.restore({ id: task.id })).labelIds).toEqual([kept]);
  });
});

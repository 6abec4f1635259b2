import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useOwnerAndIntruder } from './helpers/signed-in-suite.js';
import { expectCode } from './helpers/task-fixtures.js';
import { everythingOf, newLabel, newProject } from './helpers/task-tree.js';

// Every id in the organisation fields and procedures (project, label, parent, afterId, a client-chosen id)
// is checked against the caller: another user's is NOT_FOUND (a client id is CONFLICT), and nothing of
// either user changes.

const suite = useOwnerAndIntruder();
let theirs: { project: string; label: string; parent: string; child: string; deleted: string };
let own: { task: string; project: string; label: string };

beforeEach(async () => {
  const project = await newProject(suite.owner);
  const label = await newLabel(suite.owner);
  const parent = await suite.owner.api.task.create({
    title: 'Owner parent',
    projectId: project,
    labelIds: [label],
  });
  const child = await suite.owner.api.task.create({
    title: 'Owner child',
    parentId: parent.id,
    labelIds: [label],
  });
  const gone = await suite.owner.api.task.create({ title: 'Owner deleted parent' });
  await suite.owner.api.task.create({ title: 'Owner deleted child', parentId: gone.id });
  await suite.owner.api.task.delete({ id: gone.id });
  theirs = { project, label, parent: parent.id, child: child.id, deleted: gone.id };
  own = {
    task: (await suite.intruder.api.task.create({ title: 'Intruder task' })).id,
    project: await newProject(suite.intruder),
    label: await newLabel(suite.intruder),
  };
});

/** Runs the intruder's calls and checks that neither user's rows changed. */
async function changesNothing(calls: () => Promise<void>): Promise<void> {
  const ownerBefore = await everythingOf(suite.t, suite.owner.userId);
  const intruderBefore = await everythingOf(suite.t, suite.intruder.userId);
  await calls();
  expect(await everythingOf(suite.t, suite.owner.userId)).toEqual(ownerBefore);
  expect(await everythingOf(suite.t, suite.intruder.userId)).toEqual(intruderBefore);
}

describe("another user's ids in task writes", () => {
  it("task.create: their project, label or parent is NOT_FOUND; their task's id is CONFLICT", async () => {
    await changesNothing(async () => {
      const create = suite.intruder.api.task.create;
      await expectCode(create({ title: 'x', projectId: theirs.project }), 'NOT_FOUND');
      await expectCode(create({ title: 'x', labelIds: [theirs.label] }), 'NOT_FOUND');
      await expectCode(create({ title: 'x', labelIds: [own.label, theirs.label] }), 'NOT_FOUND');
      await expectCode(create({ title: 'x', parentId: theirs.parent }), 'NOT_FOUND');
      await expectCode(
        create({ title: 'x', parentId: theirs.child, projectId: theirs.project }),
        'NOT_FOUND',
      );
      await expectCode(create({ id: theirs.parent, title: 'x' }), 'CONFLICT');
      await expectCode(create({ id: theirs.child, title: 'x', projectId: own.project }), 'CONFLICT');
    });
  });

  it('task.update: their project, label or parent is NOT_FOUND on my own task; their task is NOT_FOUND', async () => {
    await changesNothing(async () => {
      const update = suite.intruder.api.task.update;
      await expectCode(update({ id: own.task, projectId: theirs.project }), 'NOT_FOUND');
      await expectCode(update({ id: own.task, labelIds: [theirs.label] }), 'NOT_FOUND');
      await expectCode(update({ id: own.task, parentId: theirs.parent, title: 'moved' }), 'NOT_FOUND');
      await expectCode(update({ id: theirs.child, parentId: null }), 'NOT_FOUND');
      await expectCode(update({ id: theirs.parent, projectId: own.project }), 'NOT_FOUND');
      await expectCode(update({ id: theirs.parent, labelIds: [own.label] }), 'NOT_FOUND');
    });
  });

  it('task.move: their task, project, parent or afterId is NOT_FOUND', async () => {
    await changesNothing(async () => {
      const move = suite.intruder.api.task.move;
      await expectCode(move({ id: theirs.parent }), 'NOT_FOUND');
      await expectCode(move({ id: theirs.child, parentId: null, afterId: null }), 'NOT_FOUND');
      await expectCode(move({ id: theirs.child, parentId: own.task }), 'NOT_FOUND');
      await expectCode(move({ id: own.task, afterId: theirs.parent }), 'NOT_FOUND');
      await expectCode(move({ id: own.task, parentId: theirs.parent }), 'NOT_FOUND');
      await expectCode(move({ id: own.task, projectId: theirs.project }), 'NOT_FOUND');
      await expectCode(
        move({ id: own.task, projectId: theirs.project, afterId: theirs.parent }),
        'NOT_FOUND',
      );
      await expectCode(move({ id: randomUUID() }), 'NOT_FOUND');
    });
  });

  it('task.delete, task.bulkDelete and task.restore: their parent and its subtasks stay as they are', async () => {
    await changesNothing(async () => {
      await expectCode(suite.intruder.api.task.delete({ id: theirs.parent }), 'NOT_FOUND');
      expect(await suite.intruder.api.task.bulkDelete({ ids: [theirs.parent, theirs.child] })).toEqual({
        count: 0,
      });
      await expectCode(suite.intruder.api.task.restore({ id: theirs.deleted }), 'NOT_FOUND');
    });
  });

  it('the owner can still do all of it afterwards', async () => {
    expect((await suite.owner.api.task.restore({ id: theirs.deleted })).subtaskCount).toBe(1);
    await suite.owner.api.task.move({ id: theirs.child, parentId: null });
    expect((await suite.owner.api.task.byId({ id: theirs.child })).parentId).toBeNull();
  });
});

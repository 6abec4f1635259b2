import { beforeAll, describe, expect, it } from 'vitest';
import { deletedTaskQueries } from '../../src/queries/deleted-tasks.js';
import { taskWriteQueries } from '../../src/queries/task-writes.js';
import {
  everythingOf,
  insertChain,
  insertLabel,
  insertProject,
  insertTreeTask,
  storedPlace,
} from './arrange-tree.js';
import { useOwnerAndOther } from './owner-and-other.js';

// Deleting a parent deletes its subtasks with one undo: restore brings back the tree and its labels.

const db = useOwnerAndOther();
let writes: ReturnType<typeof taskWriteQueries>;
let deleted: ReturnType<typeof deletedTaskQueries>;

beforeAll(() => {
  writes = taskWriteQueries(db.pool);
  deleted = deletedTaskQueries(db.pool);
});

const NOW = new Date('2026-03-04T05:06:07.891Z');

const tombstoneIds = async (userId: string) =>
  (
    await db.pool.query<{ id: string }>('select id from deleted_tasks where user_id = $1 order by id', [
      userId,
    ])
  ).rows.map((row) => row.id);

/** A project with parent P (labels l1, l2), its child C (label l2) and grandchild G, and a sibling S. */
async function tree() {
  const project = await insertProject(db.pool, db.owner);
  const [l1 = '', l2 = ''] = [await insertLabel(db.pool, db.owner), await insertLabel(db.pool, db.owner)];
  const p = await insertTreeTask(db.pool, db.owner, {
    projectId: project,
    title: 'P',
    position: 'a3',
    labelIds: [l1, l2],
  });
  const c = await insertTreeTask(db.pool, db.owner, {
    projectId: project,
    parentId: p,
    title: 'C',
    position: 'a7',
    labelIds: [l2],
  });
  const g = await insertTreeTask(db.pool, db.owner, {
    projectId: project,
    parentId: c,
    title: 'G',
    position: 'Zz',
  });
  const s = await insertTreeTask(db.pool, db.owner, { projectId: project, title: 'S' });
  return { project, l1, l2, p, c, g, s };
}

describe('delete', () => {
  it('deletes a task with its subtasks and keeps a tombstone for each, labels included', async () => {
    const { p, c, g, s, l1, l2 } = await tree();
    expect(await writes.delete(db.owner, p)).toBe(true);
    for (const id of [p, c, g]) expect(await storedPlace(db.pool, id)).toBeUndefined();
    expect(await storedPlace(db.pool, s)).toBeDefined();
    expect(await tombstoneIds(db.owner)).toEqual([p, c, g].sort());
    const labels = await db.pool.query<{ id: string; labels: string[] }>(
      `select id, array(select jsonb_array_elements_text(task -> 'label_ids')) as labels from deleted_tasks where user_id = $1`,
      [db.owner],
    );
    const labelsOf = Object.fromEntries(labels.rows.map((row) => [row.id, row.labels]));
    expect(labelsOf).toEqual({ [p]: [l1, l2].sort(), [c]: [l2], [g]: [] });
  });

  it('bulkDelete counts the ids given that the owner had, not their subtasks', async () => {
    const first = await tree();
    expect(await writes.bulkDelete(db.owner, [first.p])).toBe(1);
    const second = await tree();
    expect(await writes.bulkDelete(db.owner, [second.p, second.c, first.s])).toBe(3);
    expect(await storedPlace(db.pool, second.g)).toBeUndefined();
  });
});

describe('restore', () => {
  it('brings back the tree deleted with the task: places, order keys and the labels that still exist', async () => {
    const { project, p, c, g, l1, l2 } = await tree();
    const before = await Promise.all([p, c, g].map((id) => storedPlace(db.pool, id)));
    await writes.delete(db.owner, p);
    await db.pool.query('delete from labels where id = $1', [l1]);
    const restored = await deleted.restore(db.owner, p, NOW);
    expect(restored).toMatchObject({
      id: p,
      projectId: project,
      parentId: null,
      labelIds: [l2],
      subtaskCount: 1,
      updatedAt: NOW,
    });
    expect(await storedPlace(db.pool, p)).toEqual({ ...before[0], label_ids: [l2] });
    expect(await storedPlace(db.pool, c)).toEqual(before[1]);
    expect(await storedPlace(db.pool, g)).toEqual(before[2]);
    expect(await tombstoneIds(db.owner)).toEqual([]);
  });

  it('puts the tree in the Inbox when its project is gone', async () => {
    const { project, p, c, g } = await tree();
    await writes.delete(db.owner, p);
    await db.pool.query('delete from projects where id = $1', [project]);
    expect(await deleted.restore(db.owner, p, NOW)).toMatchObject({ projectId: null, parentId: null });
    for (const id of [c, g]) expect((await storedPlace(db.pool, id))?.project_id).toBeNull();
    expect((await storedPlace(db.pool, g))?.parent_id).toBe(c);
  });

  it('brings back a subtask under its parent, or at the top level when the parent is gone', async () => {
    const { project, p, c, g } = await tree();
    await writes.delete(db.owner, c);
    expect(await deleted.restore(db.owner, c, NOW)).toMatchObject({
      parentId: p,
      projectId: project,
      subtaskCount: 1,
    });
    await writes.delete(db.owner, p);
    expect(await deleted.restore(db.owner, c, NOW)).toMatchObject({ parentId: null, projectId: project });
    expect((await storedPlace(db.pool, g))?.parent_id).toBe(c);
    // P's undo now brings back P alone: C is back already.
    expect(await deleted.restore(db.owner, p, NOW)).toMatchObject({ subtaskCount: 0 });
  });

  it('does not bring back a subtask deleted on its own before the parent', async () => {
    const { p, c, g } = await tree();
    await writes.delete(db.owner, g);
    await writes.delete(db.owner, p);
    await deleted.restore(db.owner, p, NOW);
    expect(await storedPlace(db.pool, c)).toBeDefined();
    expect(await storedPlace(db.pool, g)).toBeUndefined();
    expect(await deleted.restore(db.owner, g, NOW)).toMatchObject({ id: g, parentId: c });
  });

  it('puts a restored task at the top level when its parent now sits too deep for it', async () => {
    const [top = '', middle = ''] = await insertChain(db.pool, db.owner, 2);
    await writes.delete(db.owner, middle);
    const [, , third = ''] = await insertChain(db.pool, db.owner, 3);
    await db.pool.query('update tasks set parent_id = $1 where id = $2', [third, top]); // top is now level 4
    expect(await deleted.restore(db.owner, middle, NOW)).toMatchObject({ parentId: null });
  });

  it("is for the owner only: another user's restore changes nothing of either", async () => {
    const { p } = await tree();
    await writes.delete(db.owner, p);
    const mine = await everythingOf(db.pool, db.owner);
    const theirs = await everythingOf(db.pool, db.other);
    expect(await deleted.restore(db.other, p, NOW)).toBeUndefined();
    expect(await everythingOf(db.pool, db.owner)).toEqual(mine);
    expect(await everythingOf(db.pool, db.other)).toEqual(theirs);
  });
});

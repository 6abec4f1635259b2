import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { taskMoveQueries } from '../../src/queries/task-move.js';
import { type TaskRefusalReason, TaskRefused } from '../../src/queries/task-refusal.js';
import { taskWriteQueries } from '../../src/queries/task-writes.js';
import {
  everythingOf,
  insertChain,
  insertLabel,
  insertProject,
  insertTreeTask,
  storedPlace,
  titlesAt,
} from './arrange-tree.js';
import { useOwnerAndOther } from './owner-and-other.js';

// Projects, labels, subtasks and manual order in task.create / task.update / task.move, at the query level.

const db = useOwnerAndOther();
let writes: ReturnType<typeof taskWriteQueries>;
let moves: ReturnType<typeof taskMoveQueries>;

beforeAll(() => {
  writes = taskWriteQueries(db.pool);
  moves = taskMoveQueries(db.pool);
});

const NOW = new Date('2026-03-04T05:06:07.891Z');
const LATER = new Date('2026-03-05T00:00:00.000Z');
const INBOX = { projectId: null, parentId: null };

async function refusal(write: Promise<unknown>): Promise<TaskRefusalReason> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TaskRefused);
  return (error as TaskRefused).reason;
}

describe('create', () => {
  it('puts a new task first at its place, before the tasks already there', async () => {
    await writes.create(db.owner, { title: 'old' }, NOW);
    await writes.create(db.owner, { title: 'new' }, NOW);
    const project = await insertProject(db.pool, db.owner);
    await writes.create(db.owner, { title: 'p-old', projectId: project }, NOW);
    await writes.create(db.owner, { title: 'p-new', projectId: project }, NOW);
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual(['new', 'old']);
    expect(await titlesAt(db.pool, db.owner, { projectId: project, parentId: null })).toEqual([
      'p-new',
      'p-old',
    ]);
  });

  it('gives a subtask its parent project, whatever projectId says when left out', async () => {
    const project = await insertProject(db.pool, db.owner);
    const parent = await writes.create(db.owner, { title: 'parent', projectId: project }, NOW);
    const child = await writes.create(db.owner, { title: 'child', parentId: parent.id }, NOW);
    expect(child).toMatchObject({ projectId: project, parentId: parent.id, subtaskCount: 0 });
    expect(
      (await writes.create(db.owner, { title: 'same', parentId: parent.id, projectId: project }, NOW))
        .projectId,
    ).toBe(project);
    expect(
      await refusal(writes.create(db.owner, { title: 'x', parentId: parent.id, projectId: null }, NOW)),
    ).toBe('project-differs-from-parent');
    expect(await titlesAt(db.pool, db.owner, { projectId: project, parentId: parent.id })).toEqual([
      'same',
      'child',
    ]);
  });

  it(`allows ${LIMITS.taskLevelsMax} levels and refuses a fifth`, async () => {
    const chain = await insertChain(db.pool, db.owner, LIMITS.taskLevelsMax - 1);
    const deepest = await writes.create(db.owner, { title: 'level 4', parentId: chain.at(-1) }, NOW);
    expect(deepest.parentId).toBe(chain.at(-1));
    expect(await refusal(writes.create(db.owner, { title: 'level 5', parentId: deepest.id }, NOW))).toBe(
      'too-deep',
    );
  });

  it('stores the labels given, in id order', async () => {
    const labels = [await insertLabel(db.pool, db.owner), await insertLabel(db.pool, db.owner)];
    const task = await writes.create(db.owner, { title: 'labelled', labelIds: labels }, NOW);
    expect(task.labelIds).toEqual([...labels].sort());
    expect((await storedPlace(db.pool, task.id))?.label_ids).toEqual([...labels].sort());
  });

  it("refuses another user's project, label or parent and writes nothing", async () => {
    const theirProject = await insertProject(db.pool, db.other);
    const theirLabel = await insertLabel(db.pool, db.other);
    const theirTask = await insertTreeTask(db.pool, db.other);
    const mine = await insertLabel(db.pool, db.owner);
    const theirs = await everythingOf(db.pool, db.other);
    expect(await refusal(writes.create(db.owner, { title: 'x', projectId: theirProject }, NOW))).toBe(
      'project-missing',
    );
    expect(await refusal(writes.create(db.owner, { title: 'x', labelIds: [mine, theirLabel] }, NOW))).toBe(
      'label-missing',
    );
    expect(await refusal(writes.create(db.owner, { title: 'x', parentId: theirTask }, NOW))).toBe(
      'parent-missing',
    );
    expect(await refusal(writes.create(db.owner, { title: 'x', projectId: randomUUID() }, NOW))).toBe(
      'project-missing',
    );
    expect(await everythingOf(db.pool, db.owner)).toEqual([]);
    expect(await everythingOf(db.pool, db.other)).toEqual(theirs);
  });

  it('answers a repeated client id with the task as it is, and refuses an id someone else has', async () => {
    const id = randomUUID();
    const first = await writes.create(db.owner, { id, title: 'first' }, NOW);
    expect(first.id).toBe(id);
    await writes.update(db.owner, id, { title: 'edited' }, undefined, LATER);
    const again = await writes.create(db.owner, { id, title: 'second', priority: 'high' }, LATER);
    expect(again).toMatchObject({ id, title: 'edited', priority: 'medium', updatedAt: LATER });
    expect(await refusal(writes.create(db.other, { id, title: 'theirs' }, NOW))).toBe('id-taken');
    expect(await everythingOf(db.pool, db.other)).toEqual([]);
  });

  it('makes one task of two racing creates with the same client id', async () => {
    const id = randomUUID();
    const label = await insertLabel(db.pool, db.owner);
    const results = await Promise.all(
      [1, 2, 3].map((n) => writes.create(db.owner, { id, title: `race ${n}`, labelIds: [label] }, NOW)),
    );
    expect(new Set(results.map((task) => task.title)).size).toBe(1);
    const count = await db.pool.query('select 1 from tasks where user_id = $1', [db.owner]);
    expect(count.rowCount).toBe(1);
  });
});

describe('update', () => {
  it('moves a task and all its subtasks to a project; the task goes first there', async () => {
    const from = await insertProject(db.pool, db.owner);
    const to = await insertProject(db.pool, db.owner);
    await insertTreeTask(db.pool, db.owner, { projectId: to, title: 'already there', position: 'a0' });
    const [top = '', middle = '', bottom = ''] = await insertChain(db.pool, db.owner, 3, from);
    const result = await writes.update(db.owner, top, { projectId: to }, undefined, LATER);
    expect(result).toMatchObject({
      kind: 'updated',
      task: { projectId: to, parentId: null, updatedAt: LATER },
    });
    expect(await titlesAt(db.pool, db.owner, { projectId: to, parentId: null })).toEqual([
      'L1',
      'already there',
    ]);
    expect(await storedPlace(db.pool, middle)).toMatchObject({ project_id: to, parent_id: top });
    expect(await storedPlace(db.pool, bottom)).toMatchObject({ project_id: to, parent_id: middle });
  });

  it('takes a subtask out of its parent when only the project changes', async () => {
    const [top = '', child = ''] = await insertChain(db.pool, db.owner, 2);
    const to = await insertProject(db.pool, db.owner);
    await writes.update(db.owner, child, { projectId: to }, undefined, LATER);
    expect(await storedPlace(db.pool, child)).toMatchObject({ project_id: to, parent_id: null });
    expect(await storedPlace(db.pool, top)).toMatchObject({ project_id: null, parent_id: null });
  });

  it('nests under a parent (taking its project, first among its subtasks) and back to the top level', async () => {
    const project = await insertProject(db.pool, db.owner);
    const parent = await insertTreeTask(db.pool, db.owner, { projectId: project, title: 'parent' });
    await insertTreeTask(db.pool, db.owner, {
      projectId: project,
      parentId: parent,
      title: 'older child',
      position: 'a0',
    });
    const task = await insertTreeTask(db.pool, db.owner, { title: 'moving' });
    const nested = await writes.update(db.owner, task, { parentId: parent }, undefined, LATER);
    expect(nested).toMatchObject({ task: { parentId: parent, projectId: project } });
    expect(await titlesAt(db.pool, db.owner, { projectId: project, parentId: parent })).toEqual([
      'moving',
      'older child',
    ]);
    const top = await writes.update(db.owner, task, { parentId: null }, undefined, LATER);
    expect(top).toMatchObject({ task: { parentId: null, projectId: project } });
    expect(await titlesAt(db.pool, db.owner, { projectId: project, parentId: null })).toEqual([
      'moving',
      'parent',
    ]);
  });

  it('refuses a cycle and a tree deeper than the limit, changing nothing', async () => {
    const chain = await insertChain(db.pool, db.owner, 3);
    const [top = '', , bottom = ''] = chain;
    const before = await everythingOf(db.pool, db.owner);
    expect(await refusal(writes.update(db.owner, top, { parentId: bottom }, undefined, LATER))).toBe('cycle');
    expect(await refusal(writes.update(db.owner, top, { parentId: top }, undefined, LATER))).toBe('cycle');
    const twoLevels = await insertChain(db.pool, db.owner, 2);
    const withTwo = await everythingOf(db.pool, db.owner);
    // 2 levels under the 3rd level of the chain: 5 levels.
    expect(
      await refusal(writes.update(db.owner, twoLevels[0] ?? '', { parentId: bottom }, undefined, LATER)),
    ).toBe('too-deep');
    expect(await everythingOf(db.pool, db.owner)).toEqual(withTwo);
    expect(withTwo).toEqual(expect.arrayContaining(before));
    // Under the 2nd level it fits: 2 + 2 = 4.
    expect(
      await writes.update(db.owner, twoLevels[0] ?? '', { parentId: chain[1] }, undefined, LATER),
    ).toMatchObject({
      kind: 'updated',
    });
  });

  it('replaces the labels, bumps updatedAt, and keeps the other fields', async () => {
    const [a = '', b = '', c = ''] = [
      await insertLabel(db.pool, db.owner),
      await insertLabel(db.pool, db.owner),
      await insertLabel(db.pool, db.owner),
    ];
    const task = await writes.create(
      db.owner,
      { title: 'labelled', labelIds: [a, b], priority: 'high' },
      NOW,
    );
    const result = await writes.update(db.owner, task.id, { labelIds: [b, c] }, undefined, LATER);
    expect(result).toMatchObject({
      kind: 'updated',
      task: { labelIds: [b, c].sort(), updatedAt: LATER, priority: 'high', title: 'labelled' },
    });
    expect((await writes.update(db.owner, task.id, { labelIds: [] }, undefined, LATER)).kind).toBe('updated');
    expect((await storedPlace(db.pool, task.id))?.label_ids).toEqual([]);
  });

  it("refuses another user's project, label or parent, and a stale copy still reads as stale", async () => {
    const task = await writes.create(db.owner, { title: 'mine' }, NOW);
    const theirs = {
      project: await insertProject(db.pool, db.other),
      label: await insertLabel(db.pool, db.other),
      task: await insertTreeTask(db.pool, db.other),
    };
    const before = await everythingOf(db.pool, db.owner);
    const otherBefore = await everythingOf(db.pool, db.other);
    expect(
      await refusal(writes.update(db.owner, task.id, { projectId: theirs.project }, undefined, LATER)),
    ).toBe('project-missing');
    expect(
      await refusal(writes.update(db.owner, task.id, { labelIds: [theirs.label] }, undefined, LATER)),
    ).toBe('label-missing');
    expect(
      await refusal(
        writes.update(db.owner, task.id, { parentId: theirs.task, title: 'x' }, undefined, LATER),
      ),
    ).toBe('parent-missing');
    expect(await writes.update(db.owner, task.id, { projectId: null }, new Date(0), LATER)).toEqual({
      kind: 'stale',
    });
    expect(await writes.update(db.other, task.id, { labelIds: [theirs.label] }, undefined, LATER)).toEqual({
      kind: 'missing',
    });
    expect(await everythingOf(db.pool, db.owner)).toEqual(before);
    expect(await everythingOf(db.pool, db.other)).toEqual(otherBefore);
  });
});

describe('move', () => {
  async function threeInTheInbox() {
    const c = await insertTreeTask(db.pool, db.owner, { title: 'c', position: 'a2' });
    const b = await insertTreeTask(db.pool, db.owner, { title: 'b', position: 'a1' });
    const a = await insertTreeTask(db.pool, db.owner, { title: 'a', position: 'a0' });
    return { a, b, c };
  }

  it('places a task right after a sibling, or first, writing only its own row', async () => {
    const { a, b, c } = await threeInTheInbox();
    const [storedB, storedC] = [await storedPlace(db.pool, b), await storedPlace(db.pool, c)];
    const moved = await moves.move(db.owner, { id: a, afterId: b }, LATER);
    expect(moved).toMatchObject({ id: a, updatedAt: LATER });
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual(['b', 'a', 'c']);
    expect([await storedPlace(db.pool, b), await storedPlace(db.pool, c)]).toEqual([storedB, storedC]);
    await moves.move(db.owner, { id: a, afterId: c }, LATER);
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual(['b', 'c', 'a']);
    await moves.move(db.owner, { id: a }, LATER);
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual(['a', 'b', 'c']);
    await moves.move(db.owner, { id: c, afterId: null }, LATER);
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual(['c', 'a', 'b']);
  });

  it('after the first of two siblings with equal keys, goes after both (the nearest valid order)', async () => {
    const x = await insertTreeTask(db.pool, db.owner, { title: 'x', position: 'a0' });
    const y = await insertTreeTask(db.pool, db.owner, { title: 'y', position: 'a0' });
    const z = await insertTreeTask(db.pool, db.owner, { title: 'z', position: 'a5' });
    const [first, second] = x < y ? ['x', 'y'] : ['y', 'x'];
    await moves.move(db.owner, { id: z, afterId: first === 'x' ? x : y }, LATER);
    expect(await titlesAt(db.pool, db.owner, INBOX)).toEqual([first, second, 'z']);
    expect((await storedPlace(db.pool, z))?.position).toBe('a1');
  });

  it('moves into a project or under a parent at the place after afterId; the subtree follows', async () => {
    const project = await insertProject(db.pool, db.owner);
    const p1 = await insertTreeTask(db.pool, db.owner, { projectId: project, title: 'p1', position: 'a0' });
    await insertTreeTask(db.pool, db.owner, { projectId: project, title: 'p2', position: 'a1' });
    const [top = '', child = ''] = await insertChain(db.pool, db.owner, 2);
    await moves.move(db.owner, { id: top, projectId: project, afterId: p1 }, LATER);
    expect(await titlesAt(db.pool, db.owner, { projectId: project, parentId: null })).toEqual([
      'p1',
      'L1',
      'p2',
    ]);
    expect(await storedPlace(db.pool, child)).toMatchObject({ project_id: project, parent_id: top });
    await moves.move(db.owner, { id: top, parentId: p1 }, LATER);
    expect(await storedPlace(db.pool, top)).toMatchObject({ project_id: project, parent_id: p1 });
    await moves.move(db.owner, { id: top, projectId: null, parentId: null }, LATER);
    expect(await storedPlace(db.pool, top)).toMatchObject({ project_id: null, parent_id: null });
    expect(await storedPlace(db.pool, child)).toMatchObject({ project_id: null, parent_id: top });
  });

  it('refuses an afterId that is not a sibling at the destination, or the task itself', async () => {
    const { a, b } = await threeInTheInbox();
    const project = await insertProject(db.pool, db.owner);
    const elsewhere = await insertTreeTask(db.pool, db.owner, { projectId: project });
    const before = await everythingOf(db.pool, db.owner);
    expect(await refusal(moves.move(db.owner, { id: a, afterId: elsewhere }, LATER))).toBe(
      'after-not-sibling',
    );
    expect(await refusal(moves.move(db.owner, { id: a, projectId: project, afterId: b }, LATER))).toBe(
      'after-not-sibling',
    );
    expect(await refusal(moves.move(db.owner, { id: a, afterId: a }, LATER))).toBe('after-not-sibling');
    expect(await refusal(moves.move(db.owner, { id: a, afterId: randomUUID() }, LATER))).toBe(
      'after-missing',
    );
    expect(await refusal(moves.move(db.owner, { id: a, parentId: a }, LATER))).toBe('cycle');
    expect(await everythingOf(db.pool, db.owner)).toEqual(before);
  });

  it("answers undefined for another user's task and refuses their project, parent or afterId", async () => {
    const { a } = await threeInTheInbox();
    const theirTask = await insertTreeTask(db.pool, db.other);
    const theirProject = await insertProject(db.pool, db.other);
    const before = await everythingOf(db.pool, db.owner);
    const theirs = await everythingOf(db.pool, db.other);
    expect(await moves.move(db.other, { id: a }, LATER)).toBeUndefined();
    expect(await moves.move(db.other, { id: a, afterId: theirTask }, LATER)).toBeUndefined();
    expect(await refusal(moves.move(db.owner, { id: a, afterId: theirTask }, LATER))).toBe('after-missing');
    expect(await refusal(moves.move(db.owner, { id: a, parentId: theirTask }, LATER))).toBe('parent-missing');
    expect(await refusal(moves.move(db.owner, { id: a, projectId: theirProject }, LATER))).toBe(
      'project-missing',
    );
    expect(await everythingOf(db.pool, db.owner)).toEqual(before);
    expect(await everythingOf(db.pool, db.other)).toEqual(theirs);
  });

  it('lets only one of two crossing nestings (A under B, B under A) through', async () => {
    const a = await insertTreeTask(db.pool, db.owner, { title: 'A' });
    const b = await insertTreeTask(db.pool, db.owner, { title: 'B' });
    const outcomes = await Promise.allSettled([
      moves.move(db.owner, { id: a, parentId: b }, LATER),
      moves.move(db.owner, { id: b, parentId: a }, LATER),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const parents = [(await storedPlace(db.pool, a))?.parent_id, (await storedPlace(db.pool, b))?.parent_id];
    expect(parents.filter((parent) => parent === null)).toHaveLength(1);
  });
});

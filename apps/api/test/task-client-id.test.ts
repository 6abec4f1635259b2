import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  countTasks,
  expectCode,
  newUser,
  openTaskTestDb,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';
import { everythingOf } from './helpers/task-tree.js';

// A create may carry a client-chosen id (offline and retried creates): a repeat answers the task as it is,
// with no duplicate; someone else's id is CONFLICT.

let t: TaskTestDb;
let user: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  user = await newUser(t, 'client-id');
  other = await newUser(t, 'client-id-other');
});

describe('task.create with a client id', () => {
  it('creates the task with that id', async () => {
    const id = randomUUID();
    const task = await user.api.task.create({ id, title: 'Offline task' });
    expect(task.id).toBe(id);
    expect(await user.api.task.byId({ id })).toEqual(task);
  });

  it('answers a repeat with the task as it is now, creating nothing', async () => {
    const id = randomUUID();
    await user.api.task.create({ id, title: 'First send' });
    const edited = await user.api.task.update({ id, title: 'Edited since' });
    const before = await everythingOf(t, user.userId);
    expect(await user.api.task.create({ id, title: 'Retried send', priority: 'high' })).toEqual(edited);
    expect(await everythingOf(t, user.userId)).toEqual(before);
  });

  it('makes one task of concurrent sends with the same id', async () => {
    const id = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => user.api.task.create({ id, title: 'Sent four times' })),
    );
    for (const answer of answers) expect(answer.id).toBe(id);
    expect(await countTasks(t, user.userId)).toBe(1);
  });

  it("answers another user's id with CONFLICT and changes nothing of theirs or mine", async () => {
    const theirs = await other.api.task.create({ title: 'Theirs' });
    const otherBefore = await everythingOf(t, other.userId);
    await expectCode(user.api.task.create({ id: theirs.id, title: 'Mine?' }), 'CONFLICT');
    expect(await everythingOf(t, other.userId)).toEqual(otherBefore);
    expect(await countTasks(t, user.userId)).toBe(0);
  });

  it('refuses an id that is not a UUID with BAD_REQUEST', async () => {
    await expectCode(user.api.task.create({ id: 'client-1', title: 'x' }), 'BAD_REQUEST');
    expect(await countTasks(t, user.userId)).toBe(0);
  });
});

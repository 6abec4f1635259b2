import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { countTasks, expectCode, newUser, type TestUser } from './helpers/task-fixtures.js';
import { everythingOf } from './helpers/task-tree.js';

// A create may carry a client-chosen id (offline and retried creates): a repeat answers the task as it is,
// with no duplicate; someone else's id is CONFLICT.

const suite = useSignedInUser('client-id');
let other: TestUser;

beforeEach(async () => {
  other = await newUser(suite.t, 'client-id-other');
});

describe('task.create with a client id', () => {
  it('creates the task with that id', async () => {
    const id = randomUUID();
    const task = await suite.me.api.task.create({ id, title: 'Offline task' });
    expect(task.id).toBe(id);
    expect(await suite.me.api.task.byId({ id })).toEqual(task);
  });

  it('answers a repeat with the task as it is now, creating nothing', async () => {
    const id = randomUUID();
    await suite.me.api.task.create({ id, title: 'First send' });
    const edited = await suite.me.api.task.update({ id, title: 'Edited since' });
    const before = await everythingOf(suite.t, suite.me.userId);
    expect(await suite.me.api.task.create({ id, title: 'Retried send', priority: 'high' })).toEqual(edited);
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
  });

  it('makes one task of concurrent sends with the same id', async () => {
    const id = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => suite.me.api.task.create({ id, title: 'Sent four times' })),
    );
    for (const answer of answers) expect(answer.id).toBe(id);
    expect(await countTasks(suite.t, suite.me.userId)).toBe(1);
  });

  it("answers another user's id with CONFLICT and changes nothing of theirs or mine", async () => {
    const theirs = await other.api.task.create({ title: 'Theirs' });
    const otherBefore = await everythingOf(suite.t, other.userId);
    await expectCode(suite.me.api.task.create({ id: theirs.id, title: 'Mine?' }), 'CONFLICT');
    expect(await everythingOf(suite.t, other.userId)).toEqual(otherBefore);
    expect(await countTasks(suite.t, suite.me.userId)).toBe(0);
  });

  it('refuses an id that is not a UUID with BAD_REQUEST', async () => {
    await expectCode(suite.me.api.task.create({ id: 'client-1', title: 'x' }), 'BAD_REQUEST');
    expect(await countTasks(suite.t, suite.me.userId)).toBe(0);
  });
});

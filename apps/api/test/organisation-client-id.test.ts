import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSignedInUser } from './helpers/signed-in-suite.js';
import { expectCode, newUser, type TestUser } from './helpers/task-fixtures.js';
import { everythingOf } from './helpers/task-tree.js';

// project.create and label.create may carry a client-chosen id, as task.create does (an offline outbox
// replaying its creates): a repeat answers the row as it is, with no duplicate; someone else's id is CONFLICT.

const suite = useSignedInUser('organisation-client-id');
let other: TestUser;

beforeEach(async () => {
  other = await newUser(suite.t, 'organisation-client-id-other');
});

const changesOf = async (userId: string) =>
  (
    await suite.t.query<{ n: number }>('select count(*)::int as n from changes where user_id = ?', [userId])
  )[0]?.n;

/** The two creates under one shape, so each rule is checked for both. */
const creates = [
  {
    procedure: 'project.create',
    create: (user: TestUser, input: { id?: string; name: string }) => user.api.project.create(input),
    list: (user: TestUser) => user.api.project.list(),
    fill: (userId: string) =>
      suite.t.run(
        "insert into projects (user_id, name, position) select ?, 'P' || n, 'a' || n from generate_series(1, ?) as n",
        [userId, LIMITS.projectsPerUser],
      ),
  },
  {
    procedure: 'label.create',
    create: (user: TestUser, input: { id?: string; name: string }) => user.api.label.create(input),
    list: (user: TestUser) => user.api.label.list(),
    fill: (userId: string) =>
      suite.t.run("insert into labels (user_id, name) select ?, 'L' || n from generate_series(1, ?) as n", [
        userId,
        LIMITS.labelsPerUser,
      ]),
  },
] as const;

describe.each(creates)('$procedure with a client id', ({ create, list, fill }) => {
  it('creates it with that id', async () => {
    const id = randomUUID();
    const created = await create(suite.me, { id, name: 'Offline' });
    expect(created.id).toBe(id);
    expect(await list(suite.me)).toEqual([created]);
  });

  it('answers a repeat with the row as it is, even under another name, creating and logging nothing', async () => {
    const id = randomUUID();
    const created = await create(suite.me, { id, name: 'First send' });
    const before = await everythingOf(suite.t, suite.me.userId);
    const changesBefore = await changesOf(suite.me.userId);
    expect(await create(suite.me, { id, name: 'Retried send' })).toEqual(created);
    expect(await list(suite.me)).toEqual([created]);
    expect(await everythingOf(suite.t, suite.me.userId)).toEqual(before);
    expect(await changesOf(suite.me.userId)).toBe(changesBefore);
  });

  it('makes one row of concurrent sends with the same id', async () => {
    const id = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => create(suite.me, { id, name: 'Sent four times' })),
    );
    for (const answer of answers) expect(answer.id).toBe(id);
    expect(await list(suite.me)).toHaveLength(1);
  });

  it('answers a repeat at the limit, not counting it', async () => {
    const id = randomUUID();
    const created = await create(suite.me, { id, name: 'Before the limit' });
    await fill(suite.me.userId);
    expect(await create(suite.me, { id, name: 'Before the limit' })).toEqual(created);
  });

  it("answers another user's id with CONFLICT and changes nothing of theirs or mine", async () => {
    const theirs = await create(other, { name: 'Theirs' });
    const otherBefore = await everythingOf(suite.t, other.userId);
    const refused = await expectCode(create(suite.me, { id: theirs.id, name: 'Mine?' }), 'CONFLICT');
    expect(refused.message).toMatch(/id is already taken/);
    expect(await everythingOf(suite.t, other.userId)).toEqual(otherBefore);
    expect(await list(suite.me)).toEqual([]);
  });

  it('refuses an id that is not a UUID with BAD_REQUEST', async () => {
    await expectCode(create(suite.me, { id: 'client-1', name: 'x' }), 'BAD_REQUEST');
    expect(await list(suite.me)).toEqual([]);
  });
});

describe('label.create with a client id and a name I already have', () => {
  it('is still the name-taken CONFLICT, creating nothing', async () => {
    const work = await suite.me.api.label.create({ name: 'Work' });
    const refused = await expectCode(
      suite.me.api.label.create({ id: randomUUID(), name: 'work' }),
      'CONFLICT',
    );
    expect(refused.message).toBe('You already have a label named “work”.');
    expect(await suite.me.api.label.list()).toEqual([work]);
  });
});

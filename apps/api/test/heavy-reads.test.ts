import { withClient } from '@taskapp/db';
import { waitFor } from '@taskapp/db/testing';
import { LIMITS } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.js';
import { expectCode, newUser, openTaskTestDb, type TaskTestDb } from './helpers/task-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

// Security finding 1: batched exports and pathological searches let one user stall everyone. Exports go
// alone and one at a time, heavy reads are limited per user, and short searches skip descriptions.

let t: TaskTestDb;
let server: TestServer;
beforeAll(async () => {
  t = await openTaskTestDb();
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  await t.close();
});

/**
 * Runs the calls while the tasks table is locked, so every call that reaches the database waits there
 * (in flight, as a slow read would be), and lets them go once the refused ones have answered.
 */
async function whileTasksLocked(calls: (() => Promise<unknown>)[], refusedCount: number) {
  const lock = await t.db.pool.connect();
  await lock.query('begin; lock table tasks in access exclusive mode');
  try {
    const settled: PromiseSettledResult<unknown>[] = [];
    const outcomes = Promise.allSettled(
      calls.map((call) => call().finally(() => settled.push({ status: 'fulfilled', value: null }))),
    );
    await waitFor(() => settled.length >= refusedCount, { what: `${refusedCount} calls refused` });
    await lock.query('commit');
    return await outcomes;
  } finally {
    await lock.query('rollback').catch(() => undefined);
    lock.release();
  }
}

type BatchAnswer = { error?: { json: { message: string; data: { code: string } } } }[];

async function batch(token: string, paths: string[], input: unknown = {}) {
  const inputs = encodeURIComponent(JSON.stringify(Object.fromEntries(paths.map((_, i) => [i, input]))));
  const response = await fetch(`${server.url}/api/trpc/${paths.join(',')}?batch=1&input=${inputs}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as BatchAnswer;
}

describe('account.exportData', () => {
  it('is refused inside a batch with other calls, and served alone', async () => {
    const { accessToken } = await signUp(server);
    const twenty = await batch(
      accessToken,
      Array.from({ length: 20 }, () => 'account.exportData'),
    );
    expect(twenty.map((answer) => answer.error?.json.data.code)).toEqual(twenty.map(() => 'BAD_REQUEST'));
    expect(twenty[0]?.error?.json.message).toBe(
      'Export can’t be batched with other calls. Request it on its own.',
    );
    const mixed = await batch(accessToken, ['auth.me', 'account.exportData']);
    expect(mixed[1]?.error?.json.data.code).toBe('BAD_REQUEST');

    const alone = await fetch(`${server.url}/api/trpc/account.exportData`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(alone.status).toBe(200);
    const single = await batch(accessToken, ['account.exportData']);
    expect(single[0]?.error).toBeUndefined();
  });

  it('runs one at a time per user: a second concurrent one is TOO_MANY_REQUESTS', async () => {
    const user = await newUser(t, 'exporter');
    const other = await newUser(t, 'other-exporter');
    await user.api.task.create({ title: 'something to export' });
    const outcomes = await whileTasksLocked(
      [
        () => user.api.account.exportData(),
        () => user.api.account.exportData(),
        () => other.api.account.exportData(),
      ],
      1,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'An export of your data is already running. Wait for it to finish.',
    });
    // Once it is done, the next small one runs at once.
    expect((await user.api.account.exportData()).tasks).toHaveLength(1);
  });

  it('after a big export, makes the next one wait a few seconds', async () => {
    const user = await newUser(t, 'big-exporter');
    await t.query("insert into tasks (user_id, title) select ?, 'export me' from generate_series(1, 3000)", [
      user.userId,
    ]);
    expect((await user.api.account.exportData()).tasks).toHaveLength(3000);
    const refused = await expectCode(user.api.account.exportData(), 'TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/^You exported your data moments ago\. Try again in \d+ s\.$/);
  });
});

/** How many statements of the database wait on a lock right now. */
async function lockWaiters(lock: { query: (sql: string) => Promise<{ rows: { n?: unknown }[] }> }) {
  // Inside a transaction PostgreSQL keeps its first look at pg_stat_activity unless told to drop it.
  await lock.query('select pg_stat_clear_snapshot()');
  const { rows } = await lock.query(
    "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
  );
  return Number(rows[0]?.n);
}

/**
 * With the tasks table locked, starts `calls` and waits until `expected` statements wait on the lock,
 * checks no more join them for a moment, then lets everything finish. `over` says whose database: the
 * in-process callers' (`t`) or the HTTP server's.
 */
async function concurrentlyInDatabase(
  over: 'callers' | 'server',
  calls: (() => Promise<unknown>)[],
  expected: number,
) {
  const holdingTheLock = async (lock: Parameters<typeof lockWaiters>[0]) => {
    await lock.query('begin; lock table tasks in access exclusive mode');
    const outcomes = Promise.allSettled(calls.map((call) => call()));
    await waitFor(async () => (await lockWaiters(lock)) >= expected, {
      what: `${expected} statements waiting`,
    });
    // Were more of them let through, they would reach the lock within this pause too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waiting = await lockWaiters(lock);
    await lock.query('commit');
    return { waiting, outcomes: await outcomes };
  };
  if (over === 'server') return withClient(server.database.url, holdingTheLock);
  const lock = await t.db.pool.connect();
  try {
    return await holdingTheLock(lock);
  } finally {
    lock.release();
  }
}

describe('heavy reads per user', () => {
  it(`runs ${LIMITS.heavyReadsPerUser} searches or stats of one user at once; the rest wait their turn`, async () => {
    const user = await newUser(t, 'searcher');
    const other = await newUser(t, 'other-searcher');
    const { waiting, outcomes } = await concurrentlyInDatabase(
      'callers',
      [
        ...Array.from({ length: 7 }, () => () => user.api.task.list({ search: '%'.repeat(200) })),
        () => user.api.task.stats({ timeZone: 'UTC' }),
        () => other.api.task.list({ search: 'report' }),
      ],
      LIMITS.heavyReadsPerUser + 1,
    );
    // Two of the user's and the other person's: the other six waited in the user's own lane.
    expect(waiting).toBe(LIMITS.heavyReadsPerUser + 1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(9).fill('fulfilled'));
    // A plain list (an index range read) is never limited.
    await Promise.all(Array.from({ length: 10 }, () => user.api.task.list({})));
  });

  it('serves a batch of 20 pathological searches two at a time, over HTTP', async () => {
    const { accessToken } = await signUp(server);
    const { waiting, outcomes } = await concurrentlyInDatabase(
      'server',
      [
        () =>
          batch(
            accessToken,
            Array.from({ length: 20 }, () => 'task.list'),
            { json: { search: '%'.repeat(200) } },
          ),
      ],
      LIMITS.heavyReadsPerUser,
    );
    expect(waiting).toBe(LIMITS.heavyReadsPerUser);
    const [answer] = outcomes;
    const codes = (answer as PromiseFulfilledResult<BatchAnswer>).value.map(
      (call) => call.error?.json.data.code ?? 'OK',
    );
    expect(codes).toEqual(Array(20).fill('OK'));
  });

  it(`refuses one person's calls beyond ${LIMITS.callsPerUser} running and ${LIMITS.callsQueuedPerUser} waiting`, async () => {
    const user = await newUser(t, 'flooder');
    const other = await newUser(t, 'calm');
    const task = await user.api.task.create({ title: 'mine' });
    const mine = LIMITS.callsPerUser + LIMITS.callsQueuedPerUser + 5;
    // Those beyond the lane are refused at once; the rest wait for the table and then finish.
    const outcomes = await whileTasksLocked(
      [
        ...Array.from({ length: mine }, () => () => user.api.task.byId({ id: task.id })),
        () => other.api.task.list({}),
      ],
      5,
    );
    const refused = outcomes.slice(0, mine).filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    }
    expect(outcomes[mine]?.status).toBe('fulfilled');
  });
});

describe('search without three letters in a row', () => {
  it('looks at titles only; with three letters or digits it reads descriptions too', async () => {
    const user = await newUser(t, 'short-search');
    const inTitle = await user.api.task.create({ title: 'ab testing', description: null });
    const inDescription = await user.api.task.create({ title: 'plan', description: 'about ab tests' });
    const percent = await user.api.task.create({ title: '100% done', description: '%% and __' });
    const ids = async (search: string) =>
      (await user.api.task.list({ search })).items.map((task) => task.id).sort();

    expect(await ids('ab')).toEqual([inTitle.id]);
    expect(await ids('%')).toEqual([percent.id]);
    expect(await ids('__')).toEqual([]);
    expect(await ids('🎉')).toEqual([]);
    expect(await ids('tes')).toEqual([inTitle.id, inDescription.id].sort());
  });

  it('refuses nothing: any search is a 200 with a page', async () => {
    const user = await newUser(t, 'any-search');
    for (const search of ['a', '%_', '😀😀', '\\']) {
      expect((await user.api.task.list({ search })).items).toEqual([]);
    }
    await expectCode(user.api.task.list({ search: 'x'.repeat(201) }), 'BAD_REQUEST');
  });
});

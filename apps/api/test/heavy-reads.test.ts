import { withClient } from '@taskapp/db';
import { LIMITS } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.js';
import { expectCode, newUser, openTaskTestDb, type TaskTestDb } from './helpers/task-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

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

describe('heavy reads per user', () => {
  it(`runs ${LIMITS.heavyReadsPerUser} searches or stats of one user at once, ${LIMITS.heavyReadsQueuedPerUser} wait, more are refused`, async () => {
    const user = await newUser(t, 'searcher');
    const other = await newUser(t, 'other-searcher');
    const admitted = LIMITS.heavyReadsPerUser + LIMITS.heavyReadsQueuedPerUser;
    const mineCount = admitted + 2;
    const outcomes = await whileTasksLocked(
      [
        ...Array.from({ length: mineCount - 1 }, () => () => user.api.task.list({ search: '%'.repeat(200) })),
        () => user.api.task.stats({ timeZone: 'UTC' }),
        () => other.api.task.list({ search: 'report' }),
      ],
      mineCount - admitted,
    );
    const mine = outcomes.slice(0, mineCount);
    // Those that waited ran once the first ones were done; only the ones beyond the queue were refused.
    expect(mine.filter((o) => o.status === 'fulfilled')).toHaveLength(admitted);
    for (const refused of mine.filter((o) => o.status === 'rejected')) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    }
    expect(outcomes[mineCount]?.status).toBe('fulfilled');
    // A plain list (an index range read) is never limited.
    await Promise.all(Array.from({ length: 10 }, () => user.api.task.list({})));
  });

  it('answers a batch of 20 pathological searches with 429 beyond the running and waiting ones, over HTTP', async () => {
    const { accessToken } = await signUp(server);
    await withClient(server.database.url, async (lock) => {
      await lock.query('begin; lock table tasks in access exclusive mode');
      const answering = batch(
        accessToken,
        Array.from({ length: 20 }, () => 'task.list'),
        { json: { search: '%'.repeat(200) } },
      );
      // Inside a transaction PostgreSQL keeps its first look at pg_stat_activity unless told to drop it.
      const waiting = async () =>
        (await lock.query('select pg_stat_clear_snapshot()')) &&
        Number(
          (
            await lock.query(
              "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            )
          ).rows[0]?.n,
        );
      await waitFor(async () => (await waiting()) >= LIMITS.heavyReadsPerUser, {
        what: 'searches in flight',
      });
      await lock.query('commit');
      const codes = (await answering).map((answer) => answer.error?.json.data.code ?? 'OK');
      const admitted = LIMITS.heavyReadsPerUser + LIMITS.heavyReadsQueuedPerUser;
      expect(codes.filter((code) => code === 'OK')).toHaveLength(admitted);
      expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(20 - admitted);
    });
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPool, longLivedClient, type Pool } from '@taskapp/db';
import { createQueries } from '@taskapp/db/queries';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { READ_AFTER_COOKIE } from '../../src/replicas/index.js';
import { type RunningServer, startServer } from '../../src/server.js';
import type { AppRouter } from '../../src/trpc/router.js';
import { GOOD_PASSWORD, uniqueEmail, uniqueIp } from '../helpers/accounts.js';
import { browserAt, TEST_ORIGIN, type TestBrowser } from '../helpers/browser.js';
import { openEvents } from '../helpers/event-stream.js';
import { type RoundRobinProxy, roundRobinProxy } from '../helpers/round-robin-proxy.js';
import { testEnv } from '../helpers/test-env.js';
import { type StreamingReplica, serverBinaries, startStreamingReplica } from './streaming-replica.js';

// `pnpm test:replica` (decision 017): two API instances behind a round-robin proxy, reading from a real
// streaming replica of their primary. Ports: REPLICA_TEST_PORTS="primary,replica" (default 5461,5462).
const [primaryPort = 5461, replicaPort = 5462] = (process.env.REPLICA_TEST_PORTS ?? '5461,5462')
  .split(',')
  .map(Number);
const METRICS_TOKEN = 'metrics-token-of-the-replica-test';
const MAX_LAG_MS = 1_000;
/** After this, a write is covered by the lag bound alone (decision 017): the writer's own marks are gone. */
const SETTLE_MS = MAX_LAG_MS + 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!serverBinaries())('reads from a streaming replica', () => {
  let cluster: StreamingReplica;
  let dataDir: string;
  const instances: RunningServer[] = [];
  let proxy: RoundRobinProxy;
  let proxyUrl: string;

  beforeAll(async () => {
    cluster = await startStreamingReplica({ primary: primaryPort, replica: replicaPort });
    dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-replica-data-'));
    const env = testEnv({
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_READ_URL: cluster.replicaUrl,
      DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS),
      APP_ORIGIN: TEST_ORIGIN,
      TRUST_PROXY: 'true',
      METRICS_TOKEN,
      MAIL_TRANSPORT: 'file',
      DATA_DIR: dataDir,
      REMINDER_WORKER: 'off',
    });
    // One after the other: the first applies the migrations.
    for (let count = 0; count < 2; count++) instances.push(await startServer(env, createLogger(env)));
    proxy = roundRobinProxy(instances.map((instance) => instance.url));
    proxyUrl = await proxy.listen();
    await cluster.caughtUp();
    // Each instance needs the primary's WAL position from one lag bound ago before it uses the replica.
    await sleep(SETTLE_MS);
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    for (const instance of instances) await instance.close();
    await cluster?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** taskapp_db_reads_total of both instances, by "target/reason". */
  async function readsServed(): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    for (const instance of instances) {
      const text = await (
        await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      for (const match of text.matchAll(
        /^taskapp_db_reads_total\{target="(\w+)",reason="([\w-]+)"\} (\d+)/gm,
      )) {
        const key = `${match[1]}/${match[2]}`;
        totals[key] = (totals[key] ?? 0) + Number(match[3]);
      }
    }
    return totals;
  }

  async function servedSince(before: Record<string, number>) {
    const after = await readsServed();
    const replica = (after['replica/fresh'] ?? 0) - (before['replica/fresh'] ?? 0);
    let primary = 0;
    for (const [key, count] of Object.entries(after)) {
      if (key.startsWith('primary/')) primary += count - (before[key] ?? 0);
    }
    return { replica, primary, after };
  }

  async function replicaUp(instance: RunningServer): Promise<boolean> {
    const text = await (
      await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    return /^taskapp_db_replica_up\{replica="[^"]+"\} 1$/m.test(text);
  }

  /** A browser through the proxy (so consecutive calls land on alternate instances), signed up. */
  async function person(baseUrl = proxyUrl): Promise<TestBrowser & { userId: string }> {
    const browser = browserAt(baseUrl, { forwardedFor: uniqueIp() });
    const answer = await browser.api.auth.register.mutate({
      email: uniqueEmail('replica'),
      name: 'Grace Hopper',
      password: GOOD_PASSWORD,
    });
    browser.accessToken = answer.accessToken;
    return Object.assign(browser, { userId: answer.user.id });
  }

  /** Creates a task and reads it back at once through every read a replica may serve. */
  async function writeThenRead(browser: TestBrowser, label: string) {
    const { cursor } = await browser.api.sync.changes.query({});
    const task = await browser.api.task.create.mutate({ title: label, priority: 'high' });
    const list = await browser.api.task.list.query({ limit: 5 });
    expect(list.items[0]?.id, `${label}: task.list right after the create`).toBe(task.id);
    const completed = await browser.api.task.update.mutate({ id: task.id, status: 'completed' });
    const stats = await browser.api.task.stats.query({ timeZone: 'UTC' });
    const completedList = await browser.api.task.list.query({ status: ['completed'], limit: 1 });
    expect(completedList.items[0], `${label}: task.list right after the update`).toMatchObject({
      id: task.id,
      updatedAt: completed.updatedAt,
    });
    const changes = await browser.api.sync.changes.query({ after: cursor });
    expect(
      changes.changes.filter((change) => change.id === task.id).length,
      `${label}: sync.changes right after the writes`,
    ).toBeGreaterThan(0);
    return stats;
  }

  it('someone who has not written lately reads from the replica', async () => {
    const bob = await person();
    await bob.api.task.create.mutate({ title: 'Bob’s only task' });
    await sleep(SETTLE_MS);
    await cluster.caughtUp();

    const startedAt = new Date();
    const before = await readsServed();
    for (let read = 0; read < 10; read++) {
      expect((await bob.api.task.list.query()).items.map((task) => task.title)).toEqual(['Bob’s only task']);
      await bob.api.task.stats.query({ timeZone: 'UTC' });
      await bob.api.project.list.query();
      await bob.api.sync.changes.query({});
    }
    const served = await servedSince(before);
    expect(served, JSON.stringify(served.after)).toMatchObject({ replica: 40, primary: 0 });
    // The replica agrees: the app's connections to it ran those statements just now.
    const [seen] = await cluster.onReplica<{ count: number }>(
      `select count(*)::int as count from pg_stat_activity
       where datname = 'taskapp' and application_name = 'taskapp' and query_start >= $1
         and (query like '%from "tasks"%' or query like '%from "changes"%' or query like '%from "projects"%')`,
      [startedAt],
    );
    expect(seen?.count).toBeGreaterThan(0);
  });

  it('a write is read back at once by its writer, on the same instance and on the other one', async () => {
    const alice = await person();
    const sameInstance = await person(instances[0]?.url);
    const before = await readsServed();
    for (let round = 0; round < 40; round++) {
      await writeThenRead(alice, `through the proxy ${round}`);
      await writeThenRead(sameInstance, `on one instance ${round}`);
    }
    // The cookie carried each write's position: those reads went to the primary since the replica had
    // not replayed them yet, or to the replica once it had.
    const served = await servedSince(before);
    expect(served.replica + served.primary).toBe(80 * 5);
    expect(alice.cookies.get(READ_AFTER_COOKIE)).toMatch(/^[0-9a-f]+$/);
  });

  it('every instance honours the position in the cookie, which a write moves past its commit', async () => {
    const frank = await person();
    await sleep(SETTLE_MS);
    await cluster.caughtUp();
    // A position no replica has reached: both instances send the read to the primary.
    frank.cookies.set(READ_AFTER_COOKIE, 'ffffffffffffffff');
    let before = await readsServed();
    for (let read = 0; read < 2; read++) await frank.api.task.list.query();
    const served = await servedSince(before);
    expect(served.primary).toBe(2);
    expect((served.after['primary/recent-write'] ?? 0) - (before['primary/recent-write'] ?? 0)).toBe(2);
    // Without it, the replica serves them.
    frank.cookies.delete(READ_AFTER_COOKIE);
    before = await readsServed();
    for (let read = 0; read < 2; read++) await frank.api.task.list.query();
    expect((await servedSince(before)).replica).toBe(2);

    const [prior] = await cluster.onPrimary<{ lsn: string }>(
      `select pg_current_wal_insert_lsn()::text as lsn`,
    );
    await frank.api.task.create.mutate({ title: 'moves the cookie' });
    const written = BigInt(`0x${frank.cookies.get(READ_AFTER_COOKIE) ?? '0'}`);
    const [high = '0', low = '0'] = (prior?.lsn ?? '0/0').split('/');
    expect(written).toBeGreaterThan((BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`));
  });

  it('a client without cookies reads its writes on the instance that made them', async () => {
    const bearer = await person(instances[1]?.url);
    const client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${instances[1]?.url}/api/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${bearer.accessToken}` },
        }),
      ],
    });
    for (let round = 0; round < 30; round++) {
      const task = await client.task.create.mutate({ title: `without cookies ${round}` });
      expect((await client.task.list.query({ limit: 1 })).items[0]?.id).toBe(task.id);
    }
  });

  it('with replay paused the writer still reads its writes; others read the replica only within the lag bound', async () => {
    const alice = await person();
    const carol = await person();
    await sleep(SETTLE_MS);
    await cluster.pauseReplay();
    try {
      // Within the bound, a reader who wrote nothing is served by the paused replica.
      let before = await readsServed();
      await carol.api.task.list.query();
      expect((await servedSince(before)).replica).toBe(1);

      let last = '';
      for (let round = 0; round < 30; round++) {
        last = (await alice.api.task.create.mutate({ title: `while replay is paused ${round}` })).id;
        expect((await alice.api.task.list.query({ limit: 1 })).items[0]?.id).toBe(last);
        expect((await alice.api.task.byId.query({ id: last })).id).toBe(last);
      }
      // The replica really is stale: served from it, these reads would have missed the writes.
      const onReplica = await cluster.onReplica(`select 1 from tasks where id = $1`, [last]);
      expect(onReplica).toHaveLength(0);

      // Beyond the bound, nobody reads the replica.
      await sleep(MAX_LAG_MS + 300);
      await alice.api.task.create.mutate({ title: 'moves the primary on' });
      before = await readsServed();
      for (let read = 0; read < 4; read++) await carol.api.task.list.query();
      const served = await servedSince(before);
      expect(served).toMatchObject({ replica: 0, primary: 4 });
      expect((served.after['primary/replica-behind'] ?? 0) - (before['primary/replica-behind'] ?? 0)).toBe(4);
    } finally {
      await cluster.resumeReplay();
    }
    await cluster.caughtUp();
    await sleep(SETTLE_MS);
    const before = await readsServed();
    for (let read = 0; read < 4; read++) await carol.api.task.list.query();
    expect((await servedSince(before)).replica).toBe(4);
  });

  it('a stopped replica costs no errors: reads go to the primary, and back to the replica once it is up', async () => {
    const alice = await person();
    const dave = await person();
    await cluster.stopReplica();
    const before = await readsServed();
    const until = Date.now() + 3_000;
    let rounds = 0;
    while (Date.now() < until) {
      await writeThenRead(alice, `replica stopped ${rounds}`);
      await dave.api.task.list.query();
      await dave.api.task.stats.query({ timeZone: 'UTC' });
      await dave.api.sync.changes.query({});
      rounds++;
    }
    const served = await servedSince(before);
    expect(served.replica).toBe(0);
    expect(served.primary).toBe(rounds * 8);
    for (const instance of instances) expect(await replicaUp(instance)).toBe(false);

    await cluster.startReplica();
    await cluster.caughtUp(30_000);
    for (const instance of instances)
      await expect.poll(() => replicaUp(instance), { timeout: 10_000 }).toBe(true);
    await sleep(SETTLE_MS);
    const back = await readsServed();
    for (let read = 0; read < 4; read++) await dave.api.task.list.query();
    expect((await servedSince(back)).replica).toBe(4);
  }, 60_000);

  it('a resumed live-sync stream reads its backfill from the replica, then follows the primary', async () => {
    const gina = await person();
    const { cursor } = await gina.api.sync.changes.query({});
    const made = [];
    for (let count = 0; count < 3; count++)
      made.push(await gina.api.task.create.mutate({ title: `before ${count}` }));
    await sleep(SETTLE_MS);
    await cluster.caughtUp();
    const before = await readsServed();
    const stream = await openEvents(instances[0]?.url ?? '', gina.accessToken ?? '', { lastEventId: cursor });
    try {
      const backfill = await stream.waitFor(3);
      expect(backfill.map((event) => (event.data as { id: string }).id)).toEqual(made.map((task) => task.id));
      expect((await servedSince(before)).replica).toBe(1);
      // A change made now reaches the open stream (read on the primary when its notification comes).
      const live = await gina.api.task.create.mutate({ title: 'after the backfill' });
      const events = await stream.waitFor(4);
      expect(events[3]?.data).toMatchObject({ id: live.id });
    } finally {
      stream.close();
    }
  });

  it('the change log read on the replica never moves past a transaction that is still running', async () => {
    const erin = await person();
    const replicaPool: Pool = createPool({
      url: cluster.replicaUrl,
      poolMax: 2,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 5_000,
    });
    const onReplica = createQueries(replicaPool).changes;
    try {
      await cluster.caughtUp();
      const start = await onReplica.head();
      // An older transaction writes a label and stays open; a younger one commits after it.
      const older = longLivedClient(cluster.primaryUrl, 'replica-test');
      await older.connect();
      try {
        await older.query('begin');
        const first = await older.query<{ id: string }>(
          `insert into labels (user_id, name) values ($1, 'older') returning id`,
          [erin.userId],
        );
        const second = await cluster.onPrimary<{ id: string }>(
          `insert into labels (user_id, name) values ($1, 'younger') returning id`,
          [erin.userId],
        );
        await cluster.caughtUp();
        const early = await onReplica.page(erin.userId, start, 100);
        expect(early.changes).toEqual([]);
        expect(early.pending).toBe(true);

        await older.query('commit');
        await cluster.caughtUp();
        const late = await onReplica.page(erin.userId, early.cursor, 100);
        expect(late.changes.map(({ change }) => change.id)).toEqual([first.rows[0]?.id, second[0]?.id]);
      } finally {
        await older.end();
      }
    } finally {
      await replicaPool.end();
    }
  });
});

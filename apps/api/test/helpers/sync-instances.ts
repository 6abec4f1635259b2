import { waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { GOOD_PASSWORD, uniqueEmail, uniqueIp } from './accounts.js';
import { browserAt, TEST_ORIGIN, type TestBrowser } from './browser.js';
import type { EventStream } from './event-stream.js';
import { type RoundRobinProxy, roundRobinProxy } from './round-robin-proxy.js';
import { type OpenSql, openSql, type Sql } from './sql.js';
import { testEnv } from './test-env.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface TwoInstances {
  first: TestServer;
  second: RunningServer;
  /** A round-robin proxy in front of both. */
  proxy: RoundRobinProxy;
  proxyUrl: string;
  /** Direct SQL on their database. */
  sql: OpenSql;
}

/**
 * Two API instances on one database behind a round-robin proxy, started before the file's tests (and
 * LISTENing for the change feed) and stopped after them; `onStart` receives them.
 */
export function useTwoInstances(onStart: (instances: TwoInstances) => void): void {
  let started: TwoInstances | undefined;
  beforeAll(async () => {
    const first = await startTestServer({ TRUST_PROXY: 'true' });
    const env = testEnv({
      DATABASE_URL: first.database.url,
      SMTP_URL: first.inbox.url,
      APP_ORIGIN: TEST_ORIGIN,
      TRUST_PROXY: 'true',
    });
    const second = await startServer(env, createLogger(env));
    const proxy = roundRobinProxy([first.url, second.url]);
    const proxyUrl = await proxy.listen();
    const sql = await openSql(first.database);
    await waitForListeners(sql, 2);
    started = { first, second, proxy, proxyUrl, sql };
    onStart(started);
  });
  afterAll(async () => {
    await started?.proxy.close();
    await started?.sql.close();
    await started?.second.close();
    await started?.first.stop();
  });
}

/** Until `count` API instances hold their LISTEN connection to this database (application_name taskapp-sync). */
export async function waitForListeners(sql: Sql, count: number): Promise<void> {
  await waitFor(async () => (await syncBackends(sql)).length === count, {
    what: `${count} LISTEN connection(s)`,
  });
}

/** The process ids of the instances' LISTEN connections to this database. */
export async function syncBackends(sql: Sql): Promise<number[]> {
  const found = await sql.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE application_name = 'taskapp-sync' AND datname = current_database()
       AND (query ILIKE 'listen%' OR query = 'select 1')`,
  );
  return found.map((row) => row.pid);
}

export interface Account {
  email: string;
  password: string;
  userId: string;
}

/** A new account, registered through `baseUrl`; its browser is one device, signed in. */
export async function registerAt(baseUrl: string): Promise<{ account: Account; device: TestBrowser }> {
  const device = browserAt(baseUrl, { forwardedFor: uniqueIp() });
  const email = uniqueEmail('sync');
  const answer = await device.api.auth.register.mutate({ email, name: 'Sync', password: GOOD_PASSWORD });
  device.accessToken = answer.accessToken;
  return { account: { email, password: GOOD_PASSWORD, userId: answer.user.id }, device };
}

/** Another device of the account: a session of its own, signed in through `baseUrl`. */
export async function deviceAt(baseUrl: string, account: Account): Promise<TestBrowser> {
  const device = browserAt(baseUrl, { forwardedFor: uniqueIp() });
  const answer = await device.api.auth.login.mutate({ email: account.email, password: account.password });
  if (!('accessToken' in answer)) throw new Error('unexpected second factor');
  device.accessToken = answer.accessToken;
  return device;
}

/** The same device (session and cookies) talking to another address, e.g. straight to one instance. */
export function sameDeviceAt(baseUrl: string, device: TestBrowser): TestBrowser {
  const copy = browserAt(baseUrl, { forwardedFor: uniqueIp() });
  copy.accessToken = device.accessToken;
  copy.cookies = device.cookies;
  return copy;
}

/** The session id (`sid`) an access token was issued for. */
export function sessionIdOf(accessToken: string | null): string {
  const payload = accessToken?.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sid: string }).sid;
}

/** The caller's current cursor: a stream opened from it sees every later change and nothing before. */
export async function currentCursor(device: TestBrowser): Promise<string> {
  let page = await device.api.sync.changes.query({ limit: 500 });
  while (page.hasMore) page = await device.api.sync.changes.query({ after: page.cursor, limit: 500 });
  return page.cursor;
}

/** Whether the server ends the stream within `ms`. */
export async function endsWithin(stream: EventStream, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ended = await Promise.race([stream.ended.then(() => true as const), timedOut]);
  clearTimeout(timer);
  return ended;
}

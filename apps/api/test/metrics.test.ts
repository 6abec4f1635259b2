import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBrowser, signUp } from './helpers/accounts.js';
import { openEvents } from './helpers/event-stream.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe('GET /metrics', () => {
  let server: TestServer;
  let withoutToken: TestServer;
  beforeAll(async () => {
    [server, withoutToken] = await Promise.all([
      startTestServer({ METRICS_TOKEN: TOKEN, TRUST_PROXY: 'true' }),
      startTestServer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), withoutToken?.stop()]);
  });

  const scrape = (target: TestServer, authorization?: string) =>
    fetch(`${target.url}/metrics`, { headers: authorization ? { authorization } : {} });
  const metricsText = async () => {
    const response = await scrape(server, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  /** The value of one sample, or undefined; `labels` must appear in the sample's label set. */
  const sample = (text: string, name: string, labels: Record<string, string>) => {
    const line = text
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith(`${name}{`) &&
          Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
      );
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };

  it('does not exist unless METRICS_TOKEN is set', async () => {
    expect((await scrape(withoutToken)).status).toBe(404);
    expect((await scrape(withoutToken, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('requires the token', async () => {
    expect((await scrape(server)).status).toBe(401);
    expect((await scrape(server, 'Bearer wrong-token-of-the-same-length!')).status).toBe(401);
    expect((await scrape(server, TOKEN)).status).toBe(401);
  });

  it('times every call by procedure and counts errors by code', async () => {
    const before = await metricsText();
    const alice = await signUp(server);
    await alice.browser.api.task.create.mutate({ title: 'Measured' });
    await expect(alice.browser.api.task.byId.query({ id: randomUUID() })).rejects.toThrow();
    await expect(server.client.task.list.query()).rejects.toThrow();

    const after = await metricsText();
    const calls = (procedure: string, code: string, text: string) =>
      sample(text, 'taskapp_trpc_call_duration_seconds_count', { procedure, code }) ?? 0;
    expect(calls('task.create', 'OK', after) - calls('task.create', 'OK', before)).toBe(1);
    expect(calls('auth.register', 'OK', after)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'taskapp_trpc_errors_total', { procedure: 'task.byId', code: 'NOT_FOUND' })).toBe(1);
    expect(sample(after, 'taskapp_trpc_errors_total', { procedure: 'task.list', code: 'UNAUTHORIZED' })).toBe(
      1,
    );
    expect(after).toMatch(/taskapp_trpc_call_duration_seconds_bucket\{le="0.005",procedure="task.create"/);
  });

  it('shows the database pool and rate-limit rejections', async () => {
    const victim = await signUp(server);
    const attacker = newBrowser(server);
    for (let attempt = 0; attempt < 11; attempt++) {
      await attacker.api.auth.login
        .mutate({ email: victim.email, password: 'not the password' })
        .catch(() => undefined);
    }
    const text = await metricsText();
    expect(
      sample(text, 'taskapp_rate_limit_rejections_total', { limit: 'loginFailuresPerAccountAndIp' }),
    ).toBe(1);
    expect(text).toMatch(/^taskapp_db_pool_max_connections \d+$/m);
    expect(text).toMatch(/^taskapp_db_pool_connections_in_use \d+$/m);
    expect(text).toMatch(/^taskapp_db_pool_waiting_requests 0$/m);
    expect(text).toMatch(/^taskapp_process_cpu_seconds_total /m);
  });

  it('shows live sync: open streams, the LISTEN connection, cached sessions', async () => {
    const me = await signUp(server);
    await me.browser.api.task.list.query({});
    const stream = await openEvents(server.url, me.accessToken);
    await expect
      .poll(async () => (await metricsText()).match(/^taskapp_sync_streams_open (\d+)$/m)?.[1])
      .toBe('1');
    const text = await metricsText();
    expect(text).toMatch(/^taskapp_sync_listening 1$/m);
    expect(Number(text.match(/^taskapp_session_cache_entries (\d+)$/m)?.[1])).toBeGreaterThanOrEqual(1);
    stream.close();
    await expect
      .poll(async () => (await metricsText()).match(/^taskapp_sync_streams_open (\d+)$/m)?.[1])
      .toBe('0');
  });
});

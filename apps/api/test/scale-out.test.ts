import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import { GOOD_PASSWORD, REFRESH_COOKIE, signUp, uniqueEmail, uniqueIp } from './helpers/accounts.js';
import { type BrowserOptions, browserAt, TEST_ORIGIN } from './helpers/browser.js';
import { type RoundRobinProxy, roundRobinProxy } from './helpers/round-robin-proxy.js';
import { testEnv } from './helpers/test-env.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('two API instances behind a round-robin proxy, one database', () => {
  let first: TestServer;
  let second: RunningServer;
  let proxy: RoundRobinProxy;
  let proxyUrl: string;

  beforeAll(async () => {
    first = await startTestServer({ TRUST_PROXY: 'true' });
    const env = testEnv({
      DATABASE_URL: first.database.url,
      SMTP_URL: first.inbox.url,
      APP_ORIGIN: TEST_ORIGIN,
      TRUST_PROXY: 'true',
    });
    second = await startServer(env, createLogger(env));
    proxy = roundRobinProxy([first.url, second.url]);
    proxyUrl = await proxy.listen();
  });
  afterAll(async () => {
    await proxy?.close();
    await second?.close();
    await first?.stop();
  });

  const browser = (options: BrowserOptions = {}) =>
    browserAt(proxyUrl, { forwardedFor: uniqueIp(), ...options });

  it('spreads the calls over both instances', async () => {
    const visitor = browser();
    const before = proxy.served.length;
    for (let call = 0; call < 4; call++) await visitor.api.health.check.query();
    expect(new Set(proxy.served.slice(before))).toEqual(new Set([first.url, second.url]));
  });

  it('a session made on one instance works on the other, and sign-out ends it on both', async () => {
    const alice = browser();
    const { accessToken } = await alice.api.auth.register.mutate({
      email: uniqueEmail(),
      name: 'Alice',
      password: GOOD_PASSWORD,
    });
    alice.accessToken = accessToken;
    const created = await alice.api.task.create.mutate({ title: 'Made through the proxy' });
    for (let call = 0; call < 4; call++) {
      expect((await alice.api.task.byId.query({ id: created.id })).title).toBe('Made through the proxy');
    }

    await alice.api.auth.logout.mutate();
    for (let call = 0; call < 2; call++) {
      await expect(alice.api.task.list.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refresh tokens rotate across instances, and replaying a rotated one revokes the session everywhere', async () => {
    const bob = await signUp(first, {});
    const device = browserAt(proxyUrl, { forwardedFor: uniqueIp() });
    device.cookies = new Map(bob.browser.cookies);

    const stolen = device.cookies.get(REFRESH_COOKIE);
    await device.api.auth.refresh.mutate();
    const afterFirst = device.cookies.get(REFRESH_COOKIE);
    await device.api.auth.refresh.mutate();
    // Each instance rotated the cookie in turn; each accepted the other's.
    expect(new Set([stolen, afterFirst, device.cookies.get(REFRESH_COOKIE)]).size).toBe(3);

    const thief = browserAt(proxyUrl, { forwardedFor: uniqueIp() });
    thief.cookies.set(REFRESH_COOKIE, stolen ?? '');
    await expect(thief.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    // The replay revoked the session: the rightful device is signed out on both instances too.
    for (let call = 0; call < 2; call++) {
      await expect(device.api.auth.refresh.mutate()).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    }
  });

  it('rate limits count attempts on every instance together', async () => {
    const carol = await signUp(first, {});
    const attacker = browser();
    const attempt = () =>
      attacker.api.auth.login.mutate({ email: carol.email, password: 'not the password' }).then(
        () => 'OK',
        (error: { data?: { code?: string } }) => error.data?.code,
      );
    const outcomes: Array<string | undefined> = [];
    for (let count = 0; count < 12; count++) outcomes.push(await attempt());
    // Ten failures (five on each instance) use up the limit of this account from this IP; the
    // eleventh and twelfth (one on each instance) are refused.
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHORIZED'));
    expect(outcomes.slice(10)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // The owner, from an IP of their own, is not locked out by the stranger (security finding 3).
    const rightful = browser();
    await expect(
      rightful.api.auth.login.mutate({ email: carol.email, password: carol.password }),
    ).resolves.toMatchObject({ user: { email: carol.email } });
  });
});

import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { AppRouter } from '../src/trpc/router.js';
import { GOOD_PASSWORD, outcome, signUp, uniqueEmail, uniqueIp } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { testEnv } from './helpers/test-env.js';
import {
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  useTestServerWithSql,
} from './helpers/test-server.js';

const WRONG = 'not the password at all';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** A cookieless client of any running instance, calling from the given (forwarded) IP. */
function clientOf(baseUrl: string, ip?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: () => ({ origin: TEST_ORIGIN, ...(ip ? { 'x-forwarded-for': ip } : {}) }),
      }),
    ],
  });
}

const login = (email: string, password: string, ip = uniqueIp(), baseUrl = server.url) =>
  outcome(clientOf(baseUrl, ip).auth.login.mutate({ email, password }));

const counter = async (key: string) =>
  (await sql.query<{ points: number }>('SELECT points FROM rate_limits WHERE key = ?', [key]))[0]?.points ??
  0;

describe('failed logins per account', () => {
  it('refuses the 11th attempt with TOO_MANY_REQUESTS, even with the right password and from new IPs', async () => {
    const { email } = await signUp(server);
    for (let i = 0; i < 10; i++) expect(await login(email, WRONG)).toBe('UNAUTHORIZED');
    expect(await counter(`loginFailuresPerAccount:${email}`)).toBe(10);
    expect(await login(email, GOOD_PASSWORD)).toBe('TOO_MANY_REQUESTS');
    expect(await login(email, WRONG)).toBe('TOO_MANY_REQUESTS');
  });

  it('leaves another account on the same IP alone', async () => {
    const ip = uniqueIp();
    const target = await signUp(server);
    const bystander = await signUp(server);
    for (let i = 0; i < 10; i++) await login(target.email, WRONG, ip);
    expect(await login(target.email, GOOD_PASSWORD, ip)).toBe('TOO_MANY_REQUESTS');
    expect(await login(bystander.email, GOOD_PASSWORD, ip)).toBe('OK');
  });

  it('cannot be outrun by sending the guesses in parallel', async () => {
    const { email } = await signUp(server);
    const results = await Promise.all(Array.from({ length: 30 }, () => login(email, WRONG)));
    const guessesChecked = results.filter((result) => result === 'UNAUTHORIZED').length;
    expect(results.filter((result) => result === 'TOO_MANY_REQUESTS').length).toBe(30 - guessesChecked);
    expect(
      guessesChecked,
      `${guessesChecked} of 30 parallel guesses had their password checked`,
    ).toBeLessThanOrEqual(10);
  });

  it('starts counting again after a successful login', async () => {
    const { email } = await signUp(server);
    for (let i = 0; i < 9; i++) await login(email, WRONG);
    expect(await login(email, GOOD_PASSWORD)).toBe('OK');
    for (let i = 0; i < 9; i++) expect(await login(email, WRONG)).toBe('UNAUTHORIZED');
    expect(await login(email, GOOD_PASSWORD)).toBe('OK');
  });

  it('lets the account sign in again once the window has passed', async () => {
    const { email } = await signUp(server);
    for (let i = 0; i < 10; i++) await login(email, WRONG);
    expect(await login(email, GOOD_PASSWORD)).toBe('TOO_MANY_REQUESTS');
    // Move the window's end into the past, as 15 minutes of waiting would.
    const moved = await sql.run('UPDATE rate_limits SET expire = ? WHERE key = ?', [
      Date.now() - 1_000,
      `loginFailuresPerAccount:${email}`,
    ]);
    expect(moved).toBe(1);
    expect(await login(email, GOOD_PASSWORD)).toBe('OK');
  });

  it('counts wrong current passwords in account settings as failed logins', async () => {
    const { browser, email } = await signUp(server);
    for (let i = 0; i < 10; i++) {
      expect(await outcome(browser.api.account.delete.mutate({ password: WRONG }))).toBe('BAD_REQUEST');
    }
    expect(await outcome(browser.api.account.delete.mutate({ password: GOOD_PASSWORD }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await login(email, GOOD_PASSWORD)).toBe('TOO_MANY_REQUESTS');
    expect(await sql.query('SELECT id FROM users WHERE email = ?', [email])).toHaveLength(1);
  });
});

describe('failed logins per IP', () => {
  it('blocks an IP that fails 100 times across many accounts, and only that IP', async () => {
    const ip = uniqueIp();
    const { email } = await signUp(server);
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => login(uniqueEmail('spray'), WRONG, ip)));
    }
    expect(await counter(`loginFailuresPerIp:${ip}`)).toBeGreaterThanOrEqual(100);
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('TOO_MANY_REQUESTS');
    expect(await login(email, GOOD_PASSWORD, uniqueIp())).toBe('OK');
  });
});

describe('registrations per IP', () => {
  const register = (ip: string | undefined, baseUrl = server.url) =>
    outcome(
      clientOf(baseUrl, ip).auth.register.mutate({
        email: uniqueEmail('reg'),
        name: 'Ada',
        password: GOOD_PASSWORD,
      }),
    );

  it('allows 10 an hour from one forwarded IP when TRUST_PROXY is set; another IP still registers', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) expect(await register(ip)).toBe('OK');
    expect(await register(ip)).toBe('TOO_MANY_REQUESTS');
    expect(await register(uniqueIp())).toBe('OK');
    expect(await counter(`registrationsPerIp:${ip}`)).toBeGreaterThanOrEqual(10);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is not set: rotating it does not escape the limit', async () => {
    const direct = await startTestServer();
    try {
      for (let i = 0; i < 10; i++) expect(await register(uniqueIp(), direct.url)).toBe('OK');
      expect(await register(uniqueIp(), direct.url)).toBe('TOO_MANY_REQUESTS');
      expect(await register(undefined, direct.url)).toBe('TOO_MANY_REQUESTS');
    } finally {
      await direct.stop();
    }
  });
});

describe('password reset requests per IP', () => {
  it('refuses the 11th request from one IP within 15 minutes; another IP still asks', async () => {
    const ip = uniqueIp();
    const { email } = await signUp(server);
    const request = (from: string) =>
      outcome(clientOf(server.url, from).auth.requestPasswordReset.mutate({ email: uniqueEmail('who') }));
    for (let i = 0; i < 10; i++) expect(await request(ip)).toBe('OK');
    expect(await request(ip)).toBe('TOO_MANY_REQUESTS');
    expect(await outcome(clientOf(server.url, ip).auth.requestPasswordReset.mutate({ email }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await request(uniqueIp())).toBe('OK');
  });
});

describe('counters are shared by every API instance (PostgreSQL store)', () => {
  let second: RunningServer;
  beforeAll(async () => {
    const env = testEnv({
      DATABASE_URL: server.database.url,
      SMTP_URL: server.inbox.url,
      APP_ORIGIN: TEST_ORIGIN,
      TRUST_PROXY: 'true',
    });
    second = await startServer(env, createLogger(env));
  });
  afterAll(() => second.close());

  it('failures counted on one instance block the login on the other', async () => {
    const { email } = await signUp(server);
    expect(second.url).not.toBe(server.url);
    for (let i = 0; i < 5; i++)
      expect(await login(email, WRONG, uniqueIp(), server.url)).toBe('UNAUTHORIZED');
    for (let i = 0; i < 5; i++)
      expect(await login(email, WRONG, uniqueIp(), second.url)).toBe('UNAUTHORIZED');
    expect(await counter(`loginFailuresPerAccount:${email}`)).toBe(10);
    expect(await login(email, GOOD_PASSWORD, uniqueIp(), second.url)).toBe('TOO_MANY_REQUESTS');
    expect(await login(email, GOOD_PASSWORD, uniqueIp(), server.url)).toBe('TOO_MANY_REQUESTS');
  });

  it('registrations counted on one instance count on the other', async () => {
    const ip = uniqueIp();
    const register = (baseUrl: string) =>
      outcome(
        clientOf(baseUrl, ip).auth.register.mutate({
          email: uniqueEmail('multi'),
          name: 'Ada',
          password: GOOD_PASSWORD,
        }),
      );
    for (let i = 0; i < 10; i++) expect(await register(i % 2 ? server.url : second.url)).toBe('OK');
    expect(await register(server.url)).toBe('TOO_MANY_REQUESTS');
    expect(await register(second.url)).toBe('TOO_MANY_REQUESTS');
  });
});

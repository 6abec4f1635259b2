import { createHash } from 'node:crypto';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { AppRouter } from '../src/trpc/router.js';
import {
  GOOD_PASSWORD,
  OTHER_GOOD_PASSWORD,
  outcome,
  signUp,
  uniqueEmail,
  uniqueIp,
} from './helpers/accounts.js';
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

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
const accountKey = (email: string) => `loginFailuresPerAccount:${sha256Hex(email)}`;
const pairKey = (email: string, ip: string) => `loginFailuresPerAccountAndIp:${sha256Hex(email)}@${ip}`;

describe('failed logins per (account, network)', () => {
  it('refuses the 11th attempt from one IP with TOO_MANY_REQUESTS, even with the right password', async () => {
    const ip = uniqueIp();
    const { email } = await signUp(server);
    for (let i = 0; i < 10; i++) expect(await login(email, WRONG, ip)).toBe('UNAUTHORIZED');
    expect(await counter(pairKey(email, ip))).toBe(10);
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('TOO_MANY_REQUESTS');
    expect(await login(email, WRONG, ip)).toBe('TOO_MANY_REQUESTS');
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
    const ip = uniqueIp();
    const { email } = await signUp(server);
    const results = await Promise.all(Array.from({ length: 30 }, () => login(email, WRONG, ip)));
    const guessesChecked = results.filter((result) => result === 'UNAUTHORIZED').length;
    expect(results.filter((result) => result === 'TOO_MANY_REQUESTS').length).toBe(30 - guessesChecked);
    expect(
      guessesChecked,
      `${guessesChecked} of 30 parallel guesses had their password checked`,
    ).toBeLessThanOrEqual(10);
  });

  it('starts counting again after a successful login', async () => {
    const ip = uniqueIp();
    const { email } = await signUp(server);
    for (let i = 0; i < 9; i++) await login(email, WRONG, ip);
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('OK');
    for (let i = 0; i < 9; i++) expect(await login(email, WRONG, ip)).toBe('UNAUTHORIZED');
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('OK');
  });

  it('lets the account sign in again from that IP once the window has passed', async () => {
    const ip = uniqueIp();
    const { email } = await signUp(server);
    for (let i = 0; i < 10; i++) await login(email, WRONG, ip);
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('TOO_MANY_REQUESTS');
    // Move the window's end into the past, as 15 minutes of waiting would.
    const moved = await sql.run('UPDATE rate_limits SET expire = ? WHERE key = ?', [
      Date.now() - 1_000,
      pairKey(email, ip),
    ]);
    expect(moved).toBe(1);
    expect(await login(email, GOOD_PASSWORD, ip)).toBe('OK');
  });
});

describe('a stranger cannot lock the owner out (security finding 3)', () => {
  it('after 11 wrong passwords from other IPs the owner signs in from a new IP, changes the password and deletes the account', async () => {
    const victim = await signUp(server);
    const attackerIp = uniqueIp();
    for (let i = 0; i < 10; i++) expect(await login(victim.email, WRONG, attackerIp)).toBe('UNAUTHORIZED');
    expect(await login(victim.email, WRONG, attackerIp)).toBe('TOO_MANY_REQUESTS');
    // More attackers, each from an address of its own.
    for (let i = 0; i < 10; i++) expect(await login(victim.email, WRONG)).toBe('UNAUTHORIZED');

    expect(await login(victim.email, GOOD_PASSWORD, uniqueIp())).toBe('OK');
    expect(
      await outcome(
        victim.browser.api.account.changePassword.mutate({
          currentPassword: GOOD_PASSWORD,
          newPassword: OTHER_GOOD_PASSWORD,
        }),
      ),
    ).toBe('OK');
    expect(await outcome(victim.browser.api.account.delete.mutate({ password: OTHER_GOOD_PASSWORD }))).toBe(
      'OK',
    );
    expect(await sql.query('SELECT id FROM users WHERE email = ?', [victim.email])).toHaveLength(0);
  });

  it('the signed-in owner can still change the password and delete while sign-ins are refused everywhere', async () => {
    const victim = await signUp(server);
    // The account's loose ceiling used up, as a guesser spread over a hundred networks would.
    await sql.run('INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?)', [
      accountKey(victim.email),
      100,
      Date.now() + 60 * 60_000,
    ]);
    expect(await login(victim.email, GOOD_PASSWORD, uniqueIp())).toBe('TOO_MANY_REQUESTS');
    expect(
      await outcome(
        victim.browser.api.account.changePassword.mutate({
          currentPassword: GOOD_PASSWORD,
          newPassword: OTHER_GOOD_PASSWORD,
        }),
      ),
    ).toBe('OK');
    expect(await outcome(victim.browser.api.account.delete.mutate({ password: OTHER_GOOD_PASSWORD }))).toBe(
      'OK',
    );
  });

  it('guesses spread over many networks still meet the account’s ceiling', async () => {
    const { email } = await signUp(server);
    await sql.run('INSERT INTO rate_limits (key, points, expire) VALUES (?, ?, ?)', [
      accountKey(email),
      99,
      Date.now() + 60 * 60_000,
    ]);
    expect(await login(email, WRONG, uniqueIp())).toBe('UNAUTHORIZED');
    expect(await login(email, WRONG, uniqueIp())).toBe('TOO_MANY_REQUESTS');
  });
});

describe('password checks of a signed-in user', () => {
  it('are limited per user, and do not lock sign-in', async () => {
    const { browser, email } = await signUp(server);
    for (let i = 0; i < 10; i++) {
      expect(await outcome(browser.api.account.delete.mutate({ password: WRONG }))).toBe('BAD_REQUEST');
    }
    expect(await outcome(browser.api.account.delete.mutate({ password: GOOD_PASSWORD }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await login(email, GOOD_PASSWORD)).toBe('OK');
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

describe('IPv6 clients are limited by their /64 (security finding 11)', () => {
  const request = (ip: string) =>
    outcome(clientOf(server.url, ip).auth.requestPasswordReset.mutate({ email: uniqueEmail('v6') }));

  it('counts 11 addresses of one /64 as one client; another /64 still asks', async () => {
    const prefix = `2001:db8:${(process.pid % 65_000).toString(16)}:11`;
    for (let i = 1; i <= 10; i++) expect(await request(`${prefix}::${i.toString(16)}`)).toBe('OK');
    expect(await request(`${prefix}:ffff:1:2:3`)).toBe('TOO_MANY_REQUESTS');
    expect(await counter(`passwordResetsPerIp:${prefix}::/64`)).toBeGreaterThanOrEqual(10);
    expect(await request(`2001:db8:${(process.pid % 65_000).toString(16)}:12::1`)).toBe('OK');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) expect(await request(ip)).toBe('OK');
    for (let i = 0; i < 5; i++) expect(await request(`::ffff:${ip}`)).toBe('OK');
    expect(await request(ip)).toBe('TOO_MANY_REQUESTS');
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
    const ip = uniqueIp();
    const { email } = await signUp(server);
    expect(second.url).not.toBe(server.url);
    for (let i = 0; i < 5; i++) expect(await login(email, WRONG, ip, server.url)).toBe('UNAUTHORIZED');
    for (let i = 0; i < 5; i++) expect(await login(email, WRONG, ip, second.url)).toBe('UNAUTHORIZED');
    expect(await counter(pairKey(email, ip))).toBe(10);
    expect(await counter(accountKey(email))).toBe(10);
    expect(await login(email, GOOD_PASSWORD, ip, second.url)).toBe('TOO_MANY_REQUESTS');
    expect(await login(email, GOOD_PASSWORD, ip, server.url)).toBe('TOO_MANY_REQUESTS');
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

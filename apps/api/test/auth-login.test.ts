import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  outcome,
  sessionOf,
  signUp,
  trpcError,
  uniqueEmail,
  uniqueIp,
} from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const login = (email: string, password: string, ip = uniqueIp()) =>
  server.browser({ forwardedFor: ip }).api.auth.login.mutate({ email, password });

describe('login', () => {
  it('answers { user, accessToken, accessTokenExpiresAt } and the token works', async () => {
    const { email, userId } = await signUp(server, { name: 'Grace' });
    const browser = newBrowser(server);
    const result = sessionOf(await browser.api.auth.login.mutate({ email, password: GOOD_PASSWORD }));
    expect(result).toEqual({
      user: { id: userId, email, name: 'Grace', isVerified: false, createdAt: expect.any(Date) },
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      accessTokenExpiresAt: expect.any(Date),
    });
    expect(result.accessTokenExpiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(result.accessTokenExpiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(browser.cookies.get('taskapp_refresh')).toMatch(/^[\w-]{43,}$/);
    browser.accessToken = result.accessToken;
    expect(await browser.api.auth.me.query()).toMatchObject({ id: userId });
  });

  it('gives the same UNAUTHORIZED answer for a wrong password, an unknown email and a deactivated account', async () => {
    const { email } = await signUp(server);
    const deactivated = await signUp(server);
    await sql.run('UPDATE users SET is_active = false WHERE id = ?', [deactivated.userId]);

    const wrongPassword = await trpcError(login(email, 'not the password at all'));
    const unknownEmail = await trpcError(login(uniqueEmail('nobody'), GOOD_PASSWORD));
    const inactive = await trpcError(login(deactivated.email, GOOD_PASSWORD));
    const answers = [wrongPassword, unknownEmail, inactive].map((error) => ({
      message: error.message,
      code: error.data?.code,
      httpStatus: error.data?.httpStatus,
      zodError: error.data?.zodError ?? null,
    }));
    expect(answers[0]).toEqual({
      message: expect.any(String),
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      zodError: null,
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('spends about the same time on an unknown email as on a wrong password', async () => {
    const { email } = await signUp(server);
    const time = async (attempt: () => Promise<unknown>) => {
      const started = performance.now();
      await trpcError(attempt());
      return performance.now() - started;
    };
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    // Warm-up: the first unknown-email login computes the dummy hash once.
    await trpcError(login(uniqueEmail('warmup'), 'whatever password'));
    // Interleaved, so a busy machine slows both kinds alike.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(() => login(email, 'not the password at all')));
      unknown.push(await time(() => login(uniqueEmail('nobody'), 'not the password at all')));
    }
    const wrongPassword = median(wrong);
    const unknownEmail = median(unknown);
    const ratio = unknownEmail / wrongPassword;
    // Without the dummy hash an unknown email answers in ~1-2 ms against tens of ms for Argon2id.
    expect(
      ratio,
      `unknown ${unknownEmail.toFixed(1)} ms vs wrong ${wrongPassword.toFixed(1)} ms`,
    ).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('stops a deactivated user’s access token and refresh cookie at once', async () => {
    const { browser, userId } = await signUp(server);
    expect(await browser.api.auth.me.query()).toMatchObject({ id: userId });

    await sql.run('UPDATE users SET is_active = false WHERE id = ?', [userId]);
    // The database notifies every instance's session cache; on a busy machine the notice can take a
    // few milliseconds to arrive, so "at once" means by then, not before the next packet.
    await expect.poll(() => outcome(browser.api.auth.me.query()), { timeout: 2_000 }).toBe('UNAUTHORIZED');
    expect((await trpcError(browser.api.auth.refresh.mutate())).data?.code).toBe('UNAUTHORIZED');
    expect((await trpcError(browser.api.account.sessions.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('refuses input that breaks the rules with BAD_REQUEST', async () => {
    const browser = newBrowser(server);
    const cases = [
      { email: 'not-an-email', password: GOOD_PASSWORD },
      { email: uniqueEmail(), password: '' },
      { email: uniqueEmail(), password: 'x'.repeat(129) },
      { email: uniqueEmail(), password: GOOD_PASSWORD, remember: true },
    ];
    for (const input of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately sends input the schema refuses
      const error = await trpcError(browser.api.auth.login.mutate(input as any));
      expect(error.data?.code).toBe('BAD_REQUEST');
    }
  });
});

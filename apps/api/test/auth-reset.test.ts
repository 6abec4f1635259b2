import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  OTHER_GOOD_PASSWORD,
  outcome,
  REFRESH_COOKIE,
  signIn,
  signUp,
  trpcError,
  uniqueEmail,
} from './helpers/accounts.js';
import { expectNoMail, mailedToken, mailsTo, RESET_SUBJECT } from './helpers/mail.js';
import { openSql, type Sql } from './helpers/sql.js';
import {
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  useTestServerWithSql,
} from './helpers/test-server.js';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const requestReset = (email: string) => newBrowser(server).api.auth.requestPasswordReset.mutate({ email });
const reset = (token: string, password: string) =>
  outcome(newBrowser(server).api.auth.resetPassword.mutate({ token, password }));
const canLogin = (email: string, password: string) =>
  outcome(newBrowser(server).api.auth.login.mutate({ email, password }));

describe('password reset over SMTP', () => {
  it('answers { ok: true } for known and unknown emails alike; only the known one gets a mail', async () => {
    const { email } = await signUp(server);
    const unknown = uniqueEmail('unknown');
    expect(await requestReset(unknown)).toEqual({ ok: true });
    expect(await requestReset(email)).toEqual({ ok: true });
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    expect(token.length).toBeGreaterThanOrEqual(43);
    // A mail to the unknown address, asked for first, would have had every chance to arrive.
    await expectNoMail(server.inbox, unknown);
  });

  it('mails a link to APP_ORIGIN/reset-password whose token is stored only as SHA-256 and lives 1 hour', async () => {
    const { email, userId } = await signUp(server);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    const [mail] = mailsTo(server.inbox, email, RESET_SUBJECT);
    expect(mail?.link).toBe(`${TEST_ORIGIN}/reset-password#token=${token}`);
    const rows = await sql.query<{ token_hash: string; expires_at: Date; created_at: Date; row: string }>(
      `SELECT token_hash, expires_at, created_at, row_to_json(t)::text AS row
       FROM user_tokens t WHERE user_id = ? AND purpose = 'reset_password'`,
      [userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(sha256Hex(token));
    expect(rows[0]?.row).not.toContain(token);
    const lifetime =
      new Date(rows[0]?.expires_at ?? 0).getTime() - new Date(rows[0]?.created_at ?? 0).getTime();
    expect(Math.abs(lifetime - 60 * 60 * 1000)).toBeLessThan(60_000);
  });

  it('changes the password with the mailed token and signs out every session', async () => {
    const { browser: laptop, email } = await signUp(server);
    const phone = await signIn(server, email, GOOD_PASSWORD, { userAgent: 'phone' });
    const phoneRefresh = phone.cookies.get(REFRESH_COOKIE);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);

    expect(
      await newBrowser(server).api.auth.resetPassword.mutate({ token, password: OTHER_GOOD_PASSWORD }),
    ).toEqual({
      ok: true,
    });

    expect(await canLogin(email, GOOD_PASSWORD)).toBe('UNAUTHORIZED');
    for (const device of [laptop, phone]) {
      expect(await outcome(device.api.auth.me.query())).toBe('UNAUTHORIZED');
      expect(await outcome(device.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    }
    const stolen = newBrowser(server);
    stolen.cookies.set(REFRESH_COOKIE, phoneRefresh ?? '');
    expect(await outcome(stolen.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
  });

  it('works only once', async () => {
    const { email } = await signUp(server);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    expect(await reset(token, OTHER_GOOD_PASSWORD)).toBe('OK');
    const again = await trpcError(
      newBrowser(server).api.auth.resetPassword.mutate({ token, password: 'third good password 3' }),
    );
    expect(again.data?.code).toBe('BAD_REQUEST');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
    expect(await canLogin(email, 'third good password 3')).toBe('UNAUTHORIZED');
  });

  it('once one link has worked, the other outstanding reset links stop working', async () => {
    const { email } = await signUp(server);
    await requestReset(email);
    const first = await mailedToken(server.inbox, email, RESET_SUBJECT, 1);
    await requestReset(email);
    const second = await mailedToken(server.inbox, email, RESET_SUBJECT, 2);
    expect(await reset(second, OTHER_GOOD_PASSWORD)).toBe('OK');
    expect(await reset(first, 'third good password 3')).toBe('BAD_REQUEST');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
  });

  it('refuses a token older than an hour', async () => {
    const { email, userId } = await signUp(server);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    await sql.run(
      `UPDATE user_tokens SET created_at = now() - interval '61 minutes', expires_at = now() - interval '1 minute'
       WHERE user_id = ? AND purpose = 'reset_password'`,
      [userId],
    );
    expect(await reset(token, OTHER_GOOD_PASSWORD)).toBe('BAD_REQUEST');
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');
  });

  it('refuses a weak or common new password without using up the link', async () => {
    const { email } = await signUp(server);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    const common = await trpcError(
      newBrowser(server).api.auth.resetPassword.mutate({ token, password: 'password123' }),
    );
    expect(common.data?.code).toBe('BAD_REQUEST');
    expect(common.message).toMatch(/common/i);
    const short = await trpcError(
      newBrowser(server).api.auth.resetPassword.mutate({ token, password: 'short' }),
    );
    expect(short.data?.zodError?.fieldErrors).toMatchObject({ password: [expect.any(String)] });
    expect(await reset(token, email)).toBe('BAD_REQUEST');
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');

    expect(await reset(token, OTHER_GOOD_PASSWORD)).toBe('OK');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
  });

  it('says why a new password is refused under fieldErrors.password, for the form', async () => {
    const { email } = await signUp(server);
    await requestReset(email);
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    const common = await trpcError(
      newBrowser(server).api.auth.resetPassword.mutate({ token, password: 'qwertyuiop' }),
    );
    expect(common.data?.code).toBe('BAD_REQUEST');
    expect(common.data?.zodError?.fieldErrors).toMatchObject({
      password: [expect.stringMatching(/common/i)],
    });
  });

  it('refuses a verification token and made-up tokens', async () => {
    const { email } = await signUp(server);
    const verification = await mailedToken(server.inbox, email, /confirm your email/i);
    for (const token of [verification, 'made-up', 'y'.repeat(43)]) {
      expect(await reset(token, OTHER_GOOD_PASSWORD)).toBe('BAD_REQUEST');
    }
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');
  });

  it('sends no mail to a deactivated account', async () => {
    const { email, userId } = await signUp(server);
    await sql.run('UPDATE users SET is_active = false WHERE id = ?', [userId]);
    expect(await requestReset(email)).toEqual({ ok: true });
    await expectNoMail(server.inbox, email, RESET_SUBJECT);
  });

  it('a reset of one account leaves every other account’s password and sessions alone', async () => {
    const alice = await signUp(server);
    const bob = await signUp(server);
    await requestReset(alice.email);
    const token = await mailedToken(server.inbox, alice.email, RESET_SUBJECT);
    expect(await reset(token, OTHER_GOOD_PASSWORD)).toBe('OK');
    expect(await outcome(bob.browser.api.auth.me.query())).toBe('OK');
    expect(await canLogin(bob.email, GOOD_PASSWORD)).toBe('OK');
  });
});

describe('a reset that fails half-way', () => {
  let slow: TestServer;
  beforeAll(async () => {
    // A short statement timeout lets the test make the reset's UPDATE of users fail on a held row lock.
    slow = await startTestServer({ TRUST_PROXY: 'true', DATABASE_STATEMENT_TIMEOUT_MS: '1000' });
  });
  afterAll(() => slow.stop());

  it('changes nothing, so the same link still works afterwards', async () => {
    const { email, userId } = await signUp(slow);
    await newBrowser(slow).api.auth.requestPasswordReset.mutate({ email });
    const token = await mailedToken(slow.inbox, email, RESET_SUBJECT);
    const slowSql = await openSql(slow.database);
    try {
      const failed = await slowSql.orm.em.fork().transactional(async (em) => {
        await em.execute('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
        return outcome(
          newBrowser(slow).api.auth.resetPassword.mutate({ token, password: OTHER_GOOD_PASSWORD }),
        );
      });
      expect(failed).toBe('INTERNAL_SERVER_ERROR');
      expect(await outcome(newBrowser(slow).api.auth.login.mutate({ email, password: GOOD_PASSWORD }))).toBe(
        'OK',
      );
      const [row] = await slowSql.query<{ used_at: Date | null }>(
        "SELECT used_at FROM user_tokens WHERE user_id = ? AND purpose = 'reset_password'",
        [userId],
      );
      expect(row?.used_at, 'the failed reset used up the link').toBeNull();
      expect(
        await outcome(
          newBrowser(slow).api.auth.resetPassword.mutate({ token, password: OTHER_GOOD_PASSWORD }),
        ),
      ).toBe('OK');
    } finally {
      await slowSql.close();
    }
  });
});

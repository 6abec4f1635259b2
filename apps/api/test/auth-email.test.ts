import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newBrowser, outcome, signUp, trpcError, uniqueEmail } from './helpers/accounts.js';
import {
  mailedToken,
  mailsTo,
  RESET_SUBJECT,
  VERIFY_SUBJECT,
  waitForMails,
  waitOutMailGrace,
} from './helpers/mail.js';
import { dumpAllRows, type Sql } from './helpers/sql.js';
import { TEST_ORIGIN, type TestServer, useTestServerWithSql } from './helpers/test-server.js';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const verify = (token: string) => outcome(newBrowser(server).api.auth.verifyEmail.mutate({ token }));
const isVerified = async (userId: string) =>
  (await sql.query<{ is_verified: boolean }>('SELECT is_verified FROM users WHERE id = ?', [userId]))[0]
    ?.is_verified;

describe('email verification over SMTP', () => {
  it('mails a link to APP_ORIGIN/verify-email on sign-up; the link verifies the address once', async () => {
    const { browser, email, userId } = await signUp(server, { name: 'Katherine' });
    const [mail] = await waitForMails(server.inbox, email, VERIFY_SUBJECT, 1);
    // The token rides after '#', which browsers never send to the server (or its logs).
    expect(mail?.link).toMatch(new RegExp(`^${TEST_ORIGIN}/verify-email#token=[\\w%-]+$`));
    expect(mail?.html).toContain(mail?.link ?? 'missing');
    const token = await mailedToken(server.inbox, email, VERIFY_SUBJECT);

    expect(await browser.api.auth.me.query()).toMatchObject({ isVerified: false });
    expect(await newBrowser(server).api.auth.verifyEmail.mutate({ token })).toEqual({ ok: true });
    expect(await browser.api.auth.me.query()).toMatchObject({ isVerified: true });
    expect(await isVerified(userId)).toBe(true);

    const again = await trpcError(newBrowser(server).api.auth.verifyEmail.mutate({ token }));
    expect(again.data?.code).toBe('BAD_REQUEST');
    expect(again.message).toMatch(/invalid|expired|used/i);
  });

  it('carries no text the sender chose: a name with a link does not reach the inbox it was sent to', async () => {
    const name = 'there! Your Taskapp account is LOCKED. Restore access now at https://evil.example/unlock';
    const { email } = await signUp(server, { name });
    const [mail] = await waitForMails(server.inbox, email, VERIFY_SUBJECT, 1);
    for (const part of [mail?.subject, mail?.text, mail?.html]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('LOCKED');
    }
    expect(mail?.text).toMatch(/^Hello,/);
  });

  it('refuses a name with a line break, so none can be smuggled into a mail', async () => {
    const error = await trpcError(
      newBrowser(server).api.auth.register.mutate({
        email: uniqueEmail('newline'),
        name: 'Ada\n\nYour account is locked',
        password: GOOD_PASSWORD,
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.zodError?.fieldErrors).toMatchObject({ name: [expect.any(String)] });
  });

  it('stores only the SHA-256 of the mailed token', async () => {
    const { email, userId } = await signUp(server);
    const token = await mailedToken(server.inbox, email, VERIFY_SUBJECT, 1);
    const rows = await sql.query<{ token_hash: string; purpose: string; expires_at: Date; created_at: Date }>(
      'SELECT token_hash, purpose, expires_at, created_at FROM user_tokens WHERE user_id = ?',
      [userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ token_hash: sha256Hex(token), purpose: 'verify_email' });
    // Verification links live 24 hours.
    const lifetime =
      new Date(rows[0]?.expires_at ?? 0).getTime() - new Date(rows[0]?.created_at ?? 0).getTime();
    expect(Math.abs(lifetime - 24 * 60 * 60 * 1000)).toBeLessThan(60_000);
    const everything = await dumpAllRows(sql);
    expect(everything.filter((row) => row.json.includes(token))).toEqual([]);
    // ≥ 256 bits of randomness.
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('auth.requestEmailVerification (signed in) mails a new working link; once verified, older links stop working', async () => {
    const { browser, email, userId } = await signUp(server);
    const first = await mailedToken(server.inbox, email, VERIFY_SUBJECT, 1);
    expect(await browser.api.auth.requestEmailVerification.mutate()).toEqual({ ok: true });
    const second = await mailedToken(server.inbox, email, VERIFY_SUBJECT, 2);
    expect(second).not.toBe(first);

    expect(await verify(second)).toBe('OK');
    expect(await isVerified(userId)).toBe(true);
    expect(await verify(first)).toBe('BAD_REQUEST');
  });

  it('auth.requestEmailVerification needs a signed-in caller', async () => {
    const error = await trpcError(newBrowser(server).api.auth.requestEmailVerification.mutate());
    expect(error.data?.code).toBe('UNAUTHORIZED');
  });

  it('sends no new mail to an address that is already verified', async () => {
    const { browser, email } = await signUp(server);
    const token = await mailedToken(server.inbox, email, VERIFY_SUBJECT, 1);
    expect(await verify(token)).toBe('OK');
    expect(await browser.api.auth.requestEmailVerification.mutate()).toEqual({ ok: true });
    await waitOutMailGrace();
    expect(mailsTo(server.inbox, email, VERIFY_SUBJECT)).toHaveLength(1);
  });

  it('refuses an expired link and leaves the address unverified', async () => {
    const { email, userId } = await signUp(server);
    const token = await mailedToken(server.inbox, email, VERIFY_SUBJECT, 1);
    await sql.run("UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = ?", [
      userId,
    ]);
    expect(await verify(token)).toBe('BAD_REQUEST');
    expect(await isVerified(userId)).toBe(false);
  });

  it('refuses made-up tokens and a password-reset token', async () => {
    const { email, userId } = await signUp(server);
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email });
    const reset = await mailedToken(server.inbox, email, RESET_SUBJECT, 1);
    for (const token of [reset, 'made-up-token', 'x'.repeat(43)])
      expect(await verify(token)).toBe('BAD_REQUEST');
    expect(await isVerified(userId)).toBe(false);
    const error = await trpcError(newBrowser(server).api.auth.verifyEmail.mutate({ token: '' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
  });

  it('verifying one user never verifies another', async () => {
    const alice = await signUp(server);
    const bob = await signUp(server);
    const token = await mailedToken(server.inbox, alice.email, VERIFY_SUBJECT, 1);
    expect(await verify(token)).toBe('OK');
    expect(await isVerified(alice.userId)).toBe(true);
    expect(await isVerified(bob.userId)).toBe(false);
  });
});

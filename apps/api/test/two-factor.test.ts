import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  OTHER_GOOD_PASSWORD,
  REFRESH_COOKIE,
  type SignedUp,
  sessionOf,
  signUp,
  trpcError,
} from './helpers/accounts.js';
import type { TestBrowser } from './helpers/browser.js';
import { startSmtpInbox } from './helpers/smtp-inbox.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

// Issue 17: TOTP with recovery codes and the second step of signing in, through the real server, its
// database and a real SMTP inbox for the alerts.
const inbox = await startSmtpInbox();
afterAll(() => inbox.close());

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true', SMTP_URL: inbox.url }, (started) => {
  ({ server, sql } = started);
});

const STEP_MS = 30_000;

/** The message a refusal puts under one input field. */
function fieldError(error: { data?: { zodError?: { fieldErrors?: unknown } | null } | null }, field: string) {
  return (error.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined)?.[
    field
  ]?.[0];
}

/** What an authenticator app shows for the secret at `at` (the server accepts one step either side). */
function codeFor(secret: string, at = Date.now()): string {
  const key = decodeBase32IgnorePadding(secret.replace(/\s+/g, ''));
  return generateHOTP(key, BigInt(Math.floor(at / STEP_MS)), 6);
}

/**
 * Waits for the next time step when the current one ends within a few seconds: the previous step's code
 * is accepted only while the server's clock is in this step, and a busy machine can take that long to
 * hand the request over (a code made at 29.9 s and checked at 30.1 s was refused, a flaky test).
 */
async function clearOfStepEnd(marginMs = 5_000): Promise<void> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** An account with TOTP on: its secret, its recovery codes, and the step a next code must come after. */
async function withTwoFactor(): Promise<SignedUp & { secret: string; recoveryCodes: string[] }> {
  const account = await signUp(server);
  const { secret } = await account.browser.api.account.twoFactor.setupTotp.mutate({
    password: GOOD_PASSWORD,
  });
  await clearOfStepEnd();
  // The previous step's code: the current and next steps stay free for the sign-ins of the test.
  const { recoveryCodes } = await account.browser.api.account.twoFactor.enableTotp.mutate({
    code: codeFor(secret, Date.now() - STEP_MS),
  });
  return { ...account, secret, recoveryCodes };
}

async function passwordStep(email: string, browser: TestBrowser = newBrowser(server)) {
  const answer = await browser.api.auth.login.mutate({ email, password: GOOD_PASSWORD });
  if (!('mfaRequired' in answer)) throw new Error('expected a second-factor challenge');
  return { browser, answer };
}

describe('turning TOTP on', () => {
  it('needs the password, then a code from the new secret; until then sign-in needs only the password', async () => {
    const { browser, email } = await signUp(server);
    const twoFactor = browser.api.account.twoFactor;
    expect((await trpcError(twoFactor.setupTotp.mutate({ password: 'not my password' }))).data).toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    );
    const { secret, otpauthUri } = await twoFactor.setupTotp.mutate({ password: GOOD_PASSWORD });
    expect(secret.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Taskapp:/);
    expect(otpauthUri).toContain(`secret=${secret.replace(/\s+/g, '')}`);
    expect(await twoFactor.status.query()).toEqual({ totp: false, recoveryCodesLeft: 0, passkeys: [] });
    // Set up but not confirmed: the password alone still signs in.
    sessionOf(await newBrowser(server).api.auth.login.mutate({ email, password: GOOD_PASSWORD }));

    const wrong = await trpcError(
      twoFactor.enableTotp.mutate({ code: '000000' === codeFor(secret) ? '111111' : '000000' }),
    );
    expect(wrong.data?.code).toBe('BAD_REQUEST');
    expect(fieldError(wrong, 'code')).toMatch(/not correct/);

    const { recoveryCodes } = await twoFactor.enableTotp.mutate({ code: codeFor(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes)
      expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(await twoFactor.status.query()).toEqual({ totp: true, recoveryCodesLeft: 10, passkeys: [] });
    await inbox.waitFor(email, /Two-factor authentication is on/);
    // On already: setting up again would silently replace the secret.
    expect((await trpcError(twoFactor.setupTotp.mutate({ password: GOOD_PASSWORD }))).data?.code).toBe(
      'CONFLICT',
    );
  });

  it('keeps the secret sealed and the recovery codes hashed in the database', async () => {
    const { userId, secret, recoveryCodes } = await withTwoFactor();
    const [stored] = await sql.query<{ secret_ciphertext: string }>(
      'SELECT secret_ciphertext FROM user_totp WHERE user_id = ?',
      [userId],
    );
    expect(stored?.secret_ciphertext).toMatch(/^v1\./);
    expect(stored?.secret_ciphertext).not.toContain(secret.replace(/\s+/g, ''));
    const hashes = await sql.query<{ code_hash: string }>(
      'SELECT code_hash FROM recovery_codes WHERE user_id = ?',
      [userId],
    );
    expect(hashes).toHaveLength(10);
    const plain = recoveryCodes.map((code) => code.replace(/-/g, ''));
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(plain).not.toContain(code_hash);
    }
  });
});

describe('signing in with TOTP on', () => {
  it('answers the password with a ticket only, no session and no cookie; a code finishes it', async () => {
    const { email, userId, secret } = await withTwoFactor();
    const { browser, answer } = await passwordStep(email);
    expect(answer).toEqual({
      mfaRequired: true,
      mfaTicket: expect.any(String),
      methods: ['totp', 'recovery'],
    });
    expect(browser.cookies.get(REFRESH_COOKIE)).toBeUndefined();
    // The ticket is no access token.
    browser.accessToken = answer.mfaTicket;
    expect((await trpcError(browser.api.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
    browser.accessToken = null;

    const session = sessionOf(
      await browser.api.auth.completeMfa.mutate({ mfaTicket: answer.mfaTicket, code: codeFor(secret) }),
    );
    expect(session.user.id).toBe(userId);
    expect(browser.cookies.get(REFRESH_COOKIE)).toMatch(/^[\w-]{43,}$/);
    browser.accessToken = session.accessToken;
    expect(await browser.api.auth.me.query()).toMatchObject({ id: userId });

    // The ticket is single-use.
    const again = await trpcError(
      browser.api.auth.completeMfa.mutate({ mfaTicket: answer.mfaTicket, code: codeFor(secret) }),
    );
    expect(again.data?.code).toBe('UNAUTHORIZED');
    expect(again.message).toMatch(/expired/);
  });

  it('accepts each code once: the same code on a second sign-in is refused', async () => {
    const { email, secret } = await withTwoFactor();
    const code = codeFor(secret);
    const first = await passwordStep(email);
    sessionOf(await first.browser.api.auth.completeMfa.mutate({ mfaTicket: first.answer.mfaTicket, code }));
    const second = await passwordStep(email);
    const replay = await trpcError(
      second.browser.api.auth.completeMfa.mutate({ mfaTicket: second.answer.mfaTicket, code }),
    );
    expect(replay.data?.code).toBe('UNAUTHORIZED');
    expect(replay.message).toBe('That code is not correct.');
    // The next step's code (a phone a little ahead) still works.
    sessionOf(
      await second.browser.api.auth.completeMfa.mutate({
        mfaTicket: second.answer.mfaTicket,
        code: codeFor(secret, Date.now() + STEP_MS),
      }),
    );
  });

  it('kills a ticket after 5 wrong codes, refuses an expired one, and binds it to the browser that typed the password', async () => {
    const { email, secret } = await withTwoFactor();
    const { browser, answer } = await passwordStep(email);
    const wrong = codeFor(secret) === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = await trpcError(
        browser.api.auth.completeMfa.mutate({ mfaTicket: answer.mfaTicket, code: wrong }),
      );
      expect(error.message).toBe('That code is not correct.');
    }
    const dead = await trpcError(
      browser.api.auth.completeMfa.mutate({ mfaTicket: answer.mfaTicket, code: codeFor(secret) }),
    );
    expect(dead.message).toMatch(/expired/);

    const expiring = await passwordStep(email);
    await sql.run(
      "UPDATE mfa_tickets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND failed_attempts = 0",
    );
    const expired = await trpcError(
      expiring.browser.api.auth.completeMfa.mutate({
        mfaTicket: expiring.answer.mfaTicket,
        code: codeFor(secret),
      }),
    );
    expect(expired.message).toMatch(/expired/);

    const stolen = await passwordStep(email, newBrowser(server, { userAgent: 'Laptop browser' }));
    const elsewhere = newBrowser(server, { userAgent: 'Someone else' });
    const refused = await trpcError(
      elsewhere.api.auth.completeMfa.mutate({ mfaTicket: stolen.answer.mfaTicket, code: codeFor(secret) }),
    );
    expect(refused.message).toMatch(/expired/);
  });

  it('limits wrong codes per account across tickets', async () => {
    const { email, secret } = await withTwoFactor();
    const wrong = codeFor(secret) === '123456' ? '654321' : '123456';
    const codes: string[] = [];
    for (let ticket = 0; ticket < 3; ticket += 1) {
      const { browser, answer } = await passwordStep(email);
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const error = await trpcError(
          browser.api.auth.completeMfa.mutate({ mfaTicket: answer.mfaTicket, code: wrong }),
        );
        codes.push(error.data?.code ?? '');
      }
    }
    expect(codes.slice(0, 10).every((code) => code === 'UNAUTHORIZED')).toBe(true);
    expect(codes.slice(10)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('takes a recovery code once, says so by mail, and counts what is left', async () => {
    const { browser: owner, email, recoveryCodes } = await withTwoFactor();
    const [code = ''] = recoveryCodes;
    const first = await passwordStep(email);
    sessionOf(
      await first.browser.api.auth.completeMfa.mutate({
        mfaTicket: first.answer.mfaTicket,
        recoveryCode: code.toUpperCase(),
      }),
    );
    await inbox.waitFor(email, /recovery code was used/);
    expect((await owner.api.account.twoFactor.status.query()).recoveryCodesLeft).toBe(9);
    const second = await passwordStep(email);
    const reused = await trpcError(
      second.browser.api.auth.completeMfa.mutate({ mfaTicket: second.answer.mfaTicket, recoveryCode: code }),
    );
    expect(reused.message).toBe('That code is not correct.');
  });

  it('a password reset keeps the second factor', async () => {
    const { email } = await withTwoFactor();
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email });
    const mail = await inbox.waitFor(email, /Reset your password/);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.text)?.[1] ?? '');
    await newBrowser(server).api.auth.resetPassword.mutate({ token, password: OTHER_GOOD_PASSWORD });
    const answer = await newBrowser(server).api.auth.login.mutate({ email, password: OTHER_GOOD_PASSWORD });
    expect(answer).toMatchObject({ mfaRequired: true });
  });
});

describe('turning TOTP off and new recovery codes', () => {
  it('needs the password and a code to turn off; then the password alone signs in again', async () => {
    const { browser, email, secret } = await withTwoFactor();
    const twoFactor = browser.api.account.twoFactor;
    const badPassword = await trpcError(
      twoFactor.disableTotp.mutate({ password: 'wrong password', code: codeFor(secret) }),
    );
    expect(fieldError(badPassword, 'password')).toMatch(/not correct/);
    const badCode = await trpcError(
      twoFactor.disableTotp.mutate({
        password: GOOD_PASSWORD,
        code: codeFor(secret, Date.now() - 10 * STEP_MS),
      }),
    );
    expect(fieldError(badCode, 'code')).toMatch(/not correct/);
    await twoFactor.disableTotp.mutate({ password: GOOD_PASSWORD, code: codeFor(secret) });
    expect(await twoFactor.status.query()).toEqual({ totp: false, recoveryCodesLeft: 0, passkeys: [] });
    await inbox.waitFor(email, /Two-factor authentication is off/);
    sessionOf(await newBrowser(server).api.auth.login.mutate({ email, password: GOOD_PASSWORD }));
  });

  it('new recovery codes need a code, and the old ones stop working', async () => {
    const { browser, email, secret, recoveryCodes } = await withTwoFactor();
    const refused = await trpcError(
      browser.api.account.twoFactor.regenerateRecoveryCodes.mutate({ code: '000001' }),
    );
    expect(refused.data?.code).toBe('BAD_REQUEST');
    const fresh = await browser.api.account.twoFactor.regenerateRecoveryCodes.mutate({
      code: codeFor(secret),
    });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes).not.toContain(recoveryCodes[0]);
    const { browser: other, answer } = await passwordStep(email);
    const old = await trpcError(
      other.api.auth.completeMfa.mutate({
        mfaTicket: answer.mfaTicket,
        recoveryCode: recoveryCodes[0] ?? '',
      }),
    );
    expect(old.data?.code).toBe('UNAUTHORIZED');
    sessionOf(
      await other.api.auth.completeMfa.mutate({
        mfaTicket: answer.mfaTicket,
        recoveryCode: fresh.recoveryCodes[0] ?? '',
      }),
    );
  });

  it('every procedure works on the caller’s own account only', async () => {
    const a = await withTwoFactor();
    const b = await signUp(server);
    // B cannot turn off or read A's second factor: each procedure acts on the signed-in account.
    expect(await b.browser.api.account.twoFactor.status.query()).toEqual({
      totp: false,
      recoveryCodesLeft: 0,
      passkeys: [],
    });
    const notOn = await trpcError(
      b.browser.api.account.twoFactor.disableTotp.mutate({
        password: GOOD_PASSWORD,
        code: codeFor(a.secret),
      }),
    );
    expect(notOn.data?.code).toBe('BAD_REQUEST');
    expect((await a.browser.api.account.twoFactor.status.query()).totp).toBe(true);
    // A's ticket cannot finish with a recovery code of B's, nor B's ticket with A's code.
    const { browser, answer } = await passwordStep(a.email);
    const mixed = await trpcError(
      browser.api.auth.completeMfa.mutate({
        mfaTicket: answer.mfaTicket,
        recoveryCode: 'aaaa-bbbb-cccc-dddd',
      }),
    );
    expect(mixed.data?.code).toBe('UNAUTHORIZED');
  });
});

describe('security alerts', () => {
  const subjects = (email: string, pattern: RegExp) =>
    inbox.mails.filter((mail) => mail.to === email && pattern.test(mail.subject));

  it('mail the owner about a sign-in from a browser the account was never used in, with a way to review sessions', async () => {
    const laptop = { userAgent: 'Firefox on the laptop' };
    const { email } = await signUp(server, laptop);
    sessionOf(await newBrowser(server, laptop).api.auth.login.mutate({ email, password: GOOD_PASSWORD }));
    const phone = newBrowser(server, { userAgent: 'Safari on a phone' });
    sessionOf(await phone.api.auth.login.mutate({ email, password: GOOD_PASSWORD }));
    const mail = await inbox.waitFor(email, /New sign-in/);
    expect(mail.link).toMatch(/\/settings#sessions$/);
    expect(subjects(email, /New sign-in/)).toHaveLength(1);
  });

  it('mail the owner when the password changes', async () => {
    const { browser, email } = await signUp(server);
    await browser.api.account.changePassword.mutate({
      currentPassword: GOOD_PASSWORD,
      newPassword: OTHER_GOOD_PASSWORD,
    });
    await inbox.waitFor(email, /password was changed/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  OTHER_GOOD_PASSWORD,
  outcome,
  REFRESH_COOKIE,
  signIn,
  signUp,
  trpcError,
} from './helpers/accounts.js';
import { mailedToken, RESET_SUBJECT } from './helpers/mail.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const canLogin = (email: string, password: string) =>
  outcome(newBrowser(server).api.auth.login.mutate({ email, password }));
const count = async (table: string, userId: string) =>
  (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = ?`, [userId]))[0]
    ?.n;
const addTask = (userId: string, title: string) =>
  sql.run(
    `INSERT INTO tasks (user_id, title, description, status, priority, due_date)
     VALUES (?, ?, 'written by the test', 'pending', 'high', now() + interval '1 day')`,
    [userId, title],
  );

describe('account.updateProfile', () => {
  it('trims the name and returns the user', async () => {
    const { browser, userId, email } = await signUp(server);
    const user = await browser.api.account.updateProfile.mutate({ name: '  Grace Hopper  ' });
    expect(user).toEqual({
      id: userId,
      email,
      name: 'Grace Hopper',
      isVerified: false,
      createdAt: expect.any(Date),
    });
    expect(await browser.api.auth.me.query()).toMatchObject({ name: 'Grace Hopper' });
    expect(await sql.query('SELECT name FROM users WHERE id = ?', [userId])).toEqual([
      { name: 'Grace Hopper' },
    ]);
  });

  it('refuses an empty, too long or unstorable name and unknown keys, changing nothing', async () => {
    const { browser, userId, email } = await signUp(server, { name: 'Before' });
    for (const name of ['', '   ', 'n'.repeat(256), 'Ada\u0000', 'Ada \uDC00']) {
      const error = await trpcError(browser.api.account.updateProfile.mutate({ name }));
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.data?.zodError?.fieldErrors).toMatchObject({ name: [expect.any(String)] });
    }
    const extra = await trpcError(
      // biome-ignore lint/suspicious/noExplicitAny: deliberately sends a key the schema refuses
      browser.api.account.updateProfile.mutate({ name: 'After', email: 'mallory@example.com' } as any),
    );
    expect(extra.data?.code).toBe('BAD_REQUEST');
    expect(await sql.query('SELECT name, email FROM users WHERE id = ?', [userId])).toEqual([
      { name: 'Before', email },
    ]);
  });

  it('accepts a 255-character name', async () => {
    const { browser } = await signUp(server);
    const name = 'n'.repeat(255);
    expect(await browser.api.account.updateProfile.mutate({ name })).toMatchObject({ name });
  });

  it('needs a signed-in caller', async () => {
    expect(await outcome(newBrowser(server).api.account.updateProfile.mutate({ name: 'Nobody' }))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('account.changePassword', () => {
  it('refuses a wrong current password with BAD_REQUEST and changes nothing', async () => {
    const { browser, email } = await signUp(server);
    const other = await signIn(server, email, GOOD_PASSWORD);
    const error = await trpcError(
      browser.api.account.changePassword.mutate({
        currentPassword: 'wrong password!',
        newPassword: OTHER_GOOD_PASSWORD,
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('UNAUTHORIZED');
    expect(await outcome(other.api.auth.me.query())).toBe('OK');
  });

  it('puts the wrong current password under fieldErrors.currentPassword', async () => {
    const { browser } = await signUp(server);
    const error = await trpcError(
      browser.api.account.changePassword.mutate({
        currentPassword: 'wrong password!',
        newPassword: OTHER_GOOD_PASSWORD,
      }),
    );
    expect(error.data?.zodError?.fieldErrors).toMatchObject({ currentPassword: [expect.any(String)] });
  });

  it('refuses a common or too short new password under fieldErrors.newPassword', async () => {
    const { browser, email } = await signUp(server);
    const short = await trpcError(
      browser.api.account.changePassword.mutate({ currentPassword: GOOD_PASSWORD, newPassword: 'short' }),
    );
    expect(short.data?.zodError?.fieldErrors).toMatchObject({ newPassword: [expect.any(String)] });
    const common = await trpcError(
      browser.api.account.changePassword.mutate({
        currentPassword: GOOD_PASSWORD,
        newPassword: 'password123',
      }),
    );
    expect(common.data?.code).toBe('BAD_REQUEST');
    expect(common.message).toMatch(/common/i);
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');
    expect(common.data?.zodError?.fieldErrors).toMatchObject({
      newPassword: [expect.stringMatching(/common/i)],
    });
  });

  it('changes the password, signs out other devices and keeps this one signed in', async () => {
    const { browser: laptop, email } = await signUp(server);
    const phone = await signIn(server, email, GOOD_PASSWORD, { userAgent: 'phone' });
    const tablet = await signIn(server, email, GOOD_PASSWORD, { userAgent: 'tablet' });
    expect(
      await laptop.api.account.changePassword.mutate({
        currentPassword: GOOD_PASSWORD,
        newPassword: OTHER_GOOD_PASSWORD,
      }),
    ).toEqual({ ok: true });

    for (const device of [phone, tablet]) {
      expect(await outcome(device.api.auth.me.query())).toBe('UNAUTHORIZED');
      expect(await outcome(device.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    }
    expect(await outcome(laptop.api.auth.me.query())).toBe('OK');
    const refreshed = await laptop.api.auth.refresh.mutate();
    laptop.accessToken = refreshed.accessToken;
    expect(await outcome(laptop.api.auth.me.query())).toBe('OK');

    expect(await canLogin(email, GOOD_PASSWORD)).toBe('UNAUTHORIZED');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
    const [row] = await sql.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = ?',
      [email],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('makes outstanding password reset links useless', async () => {
    const { browser, email } = await signUp(server);
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email });
    const token = await mailedToken(server.inbox, email, RESET_SUBJECT);
    await browser.api.account.changePassword.mutate({
      currentPassword: GOOD_PASSWORD,
      newPassword: OTHER_GOOD_PASSWORD,
    });
    expect(
      await outcome(
        newBrowser(server).api.auth.resetPassword.mutate({ token, password: 'attacker chosen 99' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(await canLogin(email, OTHER_GOOD_PASSWORD)).toBe('OK');
  });
});

describe('account.sessions and revocation', () => {
  it('lists every device with created, last used, expires, user agent and which one is current', async () => {
    const { browser: laptop, email, userId } = await signUp(server, { userAgent: 'Laptop Firefox/140' });
    const phone = await signIn(server, email, GOOD_PASSWORD, { userAgent: 'Phone Safari/26' });
    const sessions = await laptop.api.account.sessions.query();
    expect(sessions).toHaveLength(2);
    const ids = await sql.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = ?', [userId]);
    expect(sessions.map((s) => s.id).sort()).toEqual(ids.map((row) => row.id).sort());
    for (const session of sessions) {
      expect(session).toEqual({
        id: expect.any(String),
        createdAt: expect.any(Date),
        lastUsedAt: expect.any(Date),
        expiresAt: expect.any(Date),
        userAgent: expect.any(String),
        current: expect.any(Boolean),
      });
      expect(Math.abs(session.expiresAt.getTime() - session.createdAt.getTime() - 30 * DAY_MS)).toBeLessThan(
        60_000,
      );
      expect(Math.abs(session.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
    const byAgent = Object.fromEntries(sessions.map((s) => [s.userAgent, s.current]));
    expect(byAgent).toEqual({ 'Laptop Firefox/140': true, 'Phone Safari/26': false });
    const fromPhone = await phone.api.account.sessions.query();
    expect(Object.fromEntries(fromPhone.map((s) => [s.userAgent, s.current]))).toEqual({
      'Laptop Firefox/140': false,
      'Phone Safari/26': true,
    });
    expect(JSON.stringify(sessions)).not.toMatch(/token/i);
  });

  it('revokes one of my other sessions: its access token and refresh cookie stop working', async () => {
    const { browser: laptop, email } = await signUp(server, { userAgent: 'laptop' });
    const phone = await signIn(server, email, GOOD_PASSWORD, { userAgent: 'phone' });
    const phoneSession = (await laptop.api.account.sessions.query()).find((s) => s.userAgent === 'phone');
    expect(await laptop.api.account.revokeSession.mutate({ id: phoneSession?.id ?? '' })).toEqual({
      ok: true,
    });
    expect(await outcome(phone.api.auth.me.query())).toBe('UNAUTHORIZED');
    expect(await outcome(phone.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    expect(await outcome(laptop.api.auth.refresh.mutate())).toBe('OK');
    expect((await laptop.api.account.sessions.query()).map((s) => s.userAgent)).toEqual(['laptop']);
    // Already gone: NOT_FOUND.
    expect(await outcome(laptop.api.account.revokeSession.mutate({ id: phoneSession?.id ?? '' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('revoking the current session signs this device out and clears its cookie', async () => {
    const { browser } = await signUp(server);
    const [current] = await browser.api.account.sessions.query();
    await browser.api.account.revokeSession.mutate({ id: current?.id ?? '' });
    expect(browser.cookies.has(REFRESH_COOKIE)).toBe(false);
    expect(await outcome(browser.api.auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('answers NOT_FOUND for another user’s session id, which keeps working', async () => {
    const alice = await signUp(server);
    const mallory = await signUp(server);
    const [aliceSession] = await alice.browser.api.account.sessions.query();
    const error = await trpcError(
      mallory.browser.api.account.revokeSession.mutate({ id: aliceSession?.id ?? '' }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
    const unknown = await trpcError(
      mallory.browser.api.account.revokeSession.mutate({ id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.message).toBe(error.message);
    expect(await outcome(alice.browser.api.auth.me.query())).toBe('OK');
    expect(await outcome(alice.browser.api.auth.refresh.mutate())).toBe('OK');
    expect(await count('sessions', alice.userId)).toBe(1);
    expect(await outcome(mallory.browser.api.account.revokeSession.mutate({ id: 'not-a-uuid' }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('revokeOtherSessions signs out every other device and returns how many', async () => {
    const { browser: laptop, email, userId } = await signUp(server);
    const others = [await signIn(server, email, GOOD_PASSWORD), await signIn(server, email, GOOD_PASSWORD)];
    expect(await laptop.api.account.revokeOtherSessions.mutate()).toEqual({ count: 2 });
    for (const device of others) {
      expect(await outcome(device.api.auth.me.query())).toBe('UNAUTHORIZED');
      expect(await outcome(device.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    }
    expect(await outcome(laptop.api.auth.me.query())).toBe('OK');
    expect(await count('sessions', userId)).toBe(1);
    expect(await laptop.api.account.revokeOtherSessions.mutate()).toEqual({ count: 0 });
  });
});

describe('account.exportData', () => {
  it('returns the user, their tasks and sessions, and no secret anywhere', async () => {
    const { browser, userId, email } = await signUp(server, { name: 'Exporter', userAgent: 'export-agent' });
    const stranger = await signUp(server);
    await addTask(userId, 'First task');
    await addTask(userId, 'Second task');
    await addTask(stranger.userId, 'Not mine');

    const data = await browser.api.account.exportData.query();
    expect(data.user).toMatchObject({ id: userId, email, name: 'Exporter', isVerified: false });
    expect(data.tasks.map((task) => task.title).sort()).toEqual(['First task', 'Second task']);
    expect(data.tasks[0]).toMatchObject({
      id: expect.any(String),
      description: 'written by the test',
      status: 'pending',
      priority: 'high',
      dueDate: expect.any(Date),
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: 'export-agent', current: true })]);

    const json = JSON.stringify(data);
    expect(json).not.toMatch(/password|tokenHash|token_hash|\$argon2/i);
    expect(json).not.toContain(browser.cookies.get(REFRESH_COOKIE));
    expect(json).not.toContain('Not mine');
    expect(json).not.toContain(stranger.userId);
  });

  it('needs a signed-in caller', async () => {
    expect(await outcome(newBrowser(server).api.account.exportData.query())).toBe('UNAUTHORIZED');
  });
});

describe('account.delete', () => {
  it('refuses a wrong password with BAD_REQUEST and deletes nothing', async () => {
    const { browser, userId, email } = await signUp(server);
    await addTask(userId, 'Keep me');
    const error = await trpcError(browser.api.account.delete.mutate({ password: 'wrong password!' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(await sql.query('SELECT id FROM users WHERE id = ?', [userId])).toHaveLength(1);
    expect(await count('tasks', userId)).toBe(1);
    expect(await count('sessions', userId)).toBe(1);
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('OK');
  });

  it('puts the wrong password under fieldErrors.password', async () => {
    const { browser } = await signUp(server);
    const error = await trpcError(browser.api.account.delete.mutate({ password: 'wrong password!' }));
    expect(error.data?.zodError?.fieldErrors).toMatchObject({ password: [expect.any(String)] });
  });

  it('deletes the user with every task, session and mailed token; nothing of theirs works afterwards', async () => {
    const { browser, userId, email } = await signUp(server);
    const phone = await signIn(server, email, GOOD_PASSWORD);
    const bystander = await signUp(server);
    await addTask(userId, 'Doomed 1');
    await addTask(userId, 'Doomed 2');
    await addTask(bystander.userId, 'Survivor');
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email });
    await mailedToken(server.inbox, email, RESET_SUBJECT);
    expect(await count('user_tokens', userId)).toBe(2);
    const cookie = browser.cookies.get(REFRESH_COOKIE);

    expect(await browser.api.account.delete.mutate({ password: GOOD_PASSWORD })).toEqual({ ok: true });

    expect(await sql.query('SELECT id FROM users WHERE id = ?', [userId])).toEqual([]);
    for (const table of ['tasks', 'sessions', 'user_tokens'])
      expect(await count(table, userId), table).toBe(0);
    expect(browser.cookies.has(REFRESH_COOKIE)).toBe(false);
    expect(await canLogin(email, GOOD_PASSWORD)).toBe('UNAUTHORIZED');
    expect(await outcome(browser.api.auth.me.query())).toBe('UNAUTHORIZED');
    expect(await outcome(phone.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');
    const stale = newBrowser(server);
    stale.cookies.set(REFRESH_COOKIE, cookie ?? '');
    expect(await outcome(stale.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');

    expect(await count('tasks', bystander.userId)).toBe(1);
    expect(await outcome(bystander.browser.api.auth.me.query())).toBe('OK');
  });

  it('frees the email address for a new account', async () => {
    const { browser, email } = await signUp(server);
    await browser.api.account.delete.mutate({ password: GOOD_PASSWORD });
    const again = await signUp(server, { email, password: OTHER_GOOD_PASSWORD });
    expect(await outcome(again.browser.api.auth.me.query())).toBe('OK');
  });
});

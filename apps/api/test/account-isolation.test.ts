import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  OTHER_GOOD_PASSWORD,
  outcome,
  signIn,
  signUp,
} from './helpers/accounts.js';
import { mailedToken, RESET_SUBJECT, VERIFY_SUBJECT } from './helpers/mail.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** Every row the database holds about a user, as JSON text. */
async function snapshot(userId: string, email: string) {
  const rows = (query: string, params: unknown[]) =>
    sql.query<{ json: string }>(query, params).then((found) => found.map((row) => row.json).sort());
  return {
    users: await rows('SELECT row_to_json(t)::text AS json FROM users t WHERE id = ?', [userId]),
    sessions: await rows('SELECT row_to_json(t)::text AS json FROM sessions t WHERE user_id = ?', [userId]),
    tasks: await rows('SELECT row_to_json(t)::text AS json FROM tasks t WHERE user_id = ?', [userId]),
    userTokens: await rows('SELECT row_to_json(t)::text AS json FROM user_tokens t WHERE user_id = ?', [
      userId,
    ]),
    rotated: await rows(
      `SELECT row_to_json(r)::text AS json FROM rotated_refresh_tokens r
       JOIN sessions s ON s.id = r.session_id WHERE s.user_id = ?`,
      [userId],
    ),
    rateLimits: await rows(
      "SELECT row_to_json(t)::text AS json FROM rate_limits t WHERE key LIKE '%' || ? || '%'",
      [email],
    ),
  };
}

describe('every account call acts only on the caller', () => {
  it('nothing user B does through auth.* or account.* changes a row of user A', async () => {
    const alice = await signUp(server, { userAgent: 'alice-laptop' });
    await signIn(server, alice.email, GOOD_PASSWORD, { userAgent: 'alice-phone' });
    await sql.run("INSERT INTO tasks (user_id, title) VALUES (?, 'Alice task')", [alice.userId]);
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email: alice.email });
    await mailedToken(server.inbox, alice.email, RESET_SUBJECT);
    await alice.browser.api.auth.refresh.mutate(); // leaves a rotated-token row
    const aliceSessions = await alice.browser.api.account.sessions.query();
    const before = await snapshot(alice.userId, alice.email);
    expect(before.users).toHaveLength(1);
    expect(before.sessions).toHaveLength(2);
    expect(before.tasks).toHaveLength(1);
    expect(before.userTokens).toHaveLength(2);
    expect(before.rotated).toHaveLength(1);

    const bob = await signUp(server);
    const bobPhone = await signIn(server, bob.email, GOOD_PASSWORD);
    const b = bob.browser.api;
    await sql.run("INSERT INTO tasks (user_id, title) VALUES (?, 'Bob task')", [bob.userId]);

    expect(await b.account.updateProfile.mutate({ name: 'Bob' })).toMatchObject({ id: bob.userId });
    for (const session of aliceSessions) {
      expect(await outcome(b.account.revokeSession.mutate({ id: session.id }))).toBe('NOT_FOUND');
    }
    expect((await b.account.sessions.query()).every((s) => !aliceSessions.some((a) => a.id === s.id))).toBe(
      true,
    );
    const exported = JSON.stringify(await b.account.exportData.query());
    expect(exported).not.toContain(alice.userId);
    expect(exported).not.toContain('Alice task');
    expect(exported).not.toContain(alice.email);
    expect(await b.auth.requestEmailVerification.mutate()).toEqual({ ok: true });
    const verify = await mailedToken(server.inbox, bob.email, VERIFY_SUBJECT, 2);
    expect(await b.auth.verifyEmail.mutate({ token: verify })).toEqual({ ok: true });
    expect(
      await outcome(
        b.account.changePassword.mutate({ currentPassword: 'wrong!!!', newPassword: OTHER_GOOD_PASSWORD }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await b.account.changePassword.mutate({
        currentPassword: GOOD_PASSWORD,
        newPassword: OTHER_GOOD_PASSWORD,
      }),
    ).toEqual({
      ok: true,
    });
    expect(await outcome(bobPhone.api.auth.me.query())).toBe('UNAUTHORIZED');
    const bobTablet = await signIn(server, bob.email, OTHER_GOOD_PASSWORD);
    expect(await b.account.revokeOtherSessions.mutate()).toEqual({ count: 1 });
    expect(await outcome(bobTablet.api.auth.me.query())).toBe('UNAUTHORIZED');
    await newBrowser(server).api.auth.requestPasswordReset.mutate({ email: bob.email });
    const reset = await mailedToken(server.inbox, bob.email, RESET_SUBJECT);
    await newBrowser(server).api.auth.resetPassword.mutate({
      token: reset,
      password: 'bob third password 3',
    });
    const bobAgain = await signIn(server, bob.email, 'bob third password 3');
    await bobAgain.api.auth.refresh.mutate();
    expect(await outcome(bobAgain.api.account.delete.mutate({ password: 'wrong!!!' }))).toBe('BAD_REQUEST');
    expect(await bobAgain.api.account.delete.mutate({ password: 'bob third password 3' })).toEqual({
      ok: true,
    });
    expect(await bobAgain.api.auth.logout.mutate()).toEqual({ ok: true });

    expect(await snapshot(alice.userId, alice.email)).toEqual(before);
    expect(await outcome(alice.browser.api.auth.me.query())).toBe('OK');
  });

  it('another user’s refresh and logout leave A’s sessions alone', async () => {
    const alice = await signUp(server);
    const bob = await signUp(server);
    const before = await snapshot(alice.userId, alice.email);
    await bob.browser.api.auth.refresh.mutate();
    await bob.browser.api.auth.logout.mutate();
    expect(await snapshot(alice.userId, alice.email)).toEqual(before);
  });
});

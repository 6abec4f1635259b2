import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signUp, trpcError } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

// Issue 17: the data export (everything a person stores) wants a recent sign-in on the session asking
// for it; a long-lived session confirms the password again first.
let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const download = (accessToken: string) =>
  fetch(`${server.url}/api/account/export`, { headers: { authorization: `Bearer ${accessToken}` } });

async function signedInLongAgo(userId: string) {
  await sql.run("UPDATE sessions SET authenticated_at = now() - interval '31 minutes' WHERE user_id = ?", [
    userId,
  ]);
}

describe('a recent sign-in for the data export', () => {
  it('lets a fresh session export, and asks an old one to confirm the password first', async () => {
    const { browser, userId, accessToken } = await signUp(server);
    expect((await browser.api.account.exportData.query()).user.id).toBe(userId);
    expect((await download(accessToken)).status).toBe(200);

    await signedInLongAgo(userId);
    const refused = await trpcError(browser.api.account.exportData.query());
    expect(refused.data?.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/confirm your password/);
    const answer = await download(accessToken);
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ error: expect.stringMatching(/confirm your password/) });

    // Refreshing the access token is no new proof.
    await browser.api.auth.refresh.mutate();
    expect((await trpcError(browser.api.account.exportData.query())).data?.code).toBe('FORBIDDEN');

    const wrong = await trpcError(
      browser.api.account.confirmPassword.mutate({ password: 'not my password' }),
    );
    expect(wrong.data?.code).toBe('BAD_REQUEST');
    await browser.api.account.confirmPassword.mutate({ password: GOOD_PASSWORD });
    expect((await browser.api.account.exportData.query()).user.id).toBe(userId);
    expect((await download(accessToken)).status).toBe(200);
  });

  it('counts per session: confirming on one device does not free another', async () => {
    const first = await signUp(server);
    await signedInLongAgo(first.userId);
    const second = await signUp(server, {
      email: `second-${first.email}`,
    });
    // Another account, to be sure the update touched only the caller's session.
    await signedInLongAgo(second.userId);
    await first.browser.api.account.confirmPassword.mutate({ password: GOOD_PASSWORD });
    expect((await first.browser.api.account.exportData.query()).user.id).toBe(first.userId);
    expect((await trpcError(second.browser.api.account.exportData.query())).data?.code).toBe('FORBIDDEN');
  });
});

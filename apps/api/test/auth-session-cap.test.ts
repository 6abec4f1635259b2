import { LIMITS } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import { outcome, signIn, signUp } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { type TestBrowser, type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

async function sessionCount(userId: string): Promise<number> {
  const [row] = await sql.query<{ count: string }>(
    'SELECT count(*) AS count FROM sessions WHERE user_id = ?',
    [userId],
  );
  return Number(row?.count);
}

/** Whether the device is still signed in: its access token and its refresh cookie both work (or both fail). */
async function signedIn(device: TestBrowser): Promise<boolean> {
  const me = await outcome(device.api.auth.me.query());
  const refresh = await outcome(device.api.auth.refresh.mutate());
  expect(refresh).toBe(me);
  return me === 'OK';
}

describe(`at most LIMITS.sessionsPerUser (${LIMITS.sessionsPerUser}) sessions per user`, () => {
  it('a sign-in beyond the limit signs out the least recently used devices, and no one else', async () => {
    const max = LIMITS.sessionsPerUser;
    const bob = await signUp(server);
    const bobPhone = await signIn(server, bob.email, bob.password);

    // 52 sign-ins: sign-up on device 0, then logins on devices 1..51.
    const alice = await signUp(server);
    const devices: TestBrowser[] = [alice.browser];
    while (devices.length < max) devices.push(await signIn(server, alice.email, alice.password));
    expect(await sessionCount(alice.userId)).toBe(max);
    // Device 0 signed in first but is used now, so devices 1 and 2 are now the least recently used.
    const refreshed = await alice.browser.api.auth.refresh.mutate();
    alice.browser.accessToken = refreshed.accessToken;

    devices.push(await signIn(server, alice.email, alice.password));
    expect(await sessionCount(alice.userId)).toBe(max);
    devices.push(await signIn(server, alice.email, alice.password));
    expect(await sessionCount(alice.userId)).toBe(max);

    const newest = devices[max + 1] as TestBrowser;
    expect(await newest.api.account.sessions.query()).toHaveLength(max);
    expect(await signedIn(devices[1] as TestBrowser)).toBe(false);
    expect(await signedIn(devices[2] as TestBrowser)).toBe(false);
    for (const index of [0, 3, max - 1, max, max + 1]) {
      expect(await signedIn(devices[index] as TestBrowser), `device ${index}`).toBe(true);
    }

    // Another user's sessions are untouched.
    expect(await sessionCount(bob.userId)).toBe(2);
    expect(await signedIn(bob.browser)).toBe(true);
    expect(await signedIn(bobPhone)).toBe(true);
  });
});

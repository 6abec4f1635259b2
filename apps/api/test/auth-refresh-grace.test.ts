import { describe, expect, it } from 'vitest';
import { newBrowser, REFRESH_COOKIE, rawPost, signUp } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { TEST_ORIGIN, type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** auth.refresh with exactly this cookie, as a browser whose earlier answer may have been lost would send it. */
async function refreshWith(token: string) {
  const response = await rawPost(server, 'auth.refresh', '{}', {
    'content-type': 'application/json',
    origin: TEST_ORIGIN,
    cookie: `${REFRESH_COOKIE}=${token}`,
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => new RegExp(`^${REFRESH_COOKIE}=([^;]*)`).exec(header)?.[1])
    .find((value) => value !== undefined);
  const body = (await response.json()) as { result?: { data: { json: { accessToken: string } } } };
  return { status: response.status, cookie, accessToken: body.result?.data.json.accessToken };
}

async function meWith(accessToken: string | undefined) {
  const browser = newBrowser(server);
  browser.accessToken = accessToken ?? null;
  try {
    await browser.api.auth.me.query();
    return 'OK';
  } catch (error) {
    return String((error as { data?: { code?: string } }).data?.code);
  }
}

const sessionsOf = async (userId: string) =>
  (await sql.query('SELECT id FROM sessions WHERE user_id = ?', [userId])).length;

/** Moves the moment the token was rotated away from into the past, as waiting would. */
const rotatedAgo = (seconds: number, userId: string) =>
  sql.run(
    `UPDATE rotated_refresh_tokens SET rotated_at = now() - make_interval(secs => ?)
     WHERE session_id IN (SELECT id FROM sessions WHERE user_id = ?)`,
    [seconds, userId],
  );

describe('refresh grace window (security finding 14, new-user finding 3)', () => {
  it('two concurrent refreshes with one cookie both succeed with the same new cookie; the session stays usable', async () => {
    const { browser, userId } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const [first, second] = await Promise.all([refreshWith(token), refreshWith(token)]);
    expect([first?.status, second?.status]).toEqual([200, 200]);
    expect(first?.cookie).toBeTruthy();
    expect(second?.cookie).toBe(first?.cookie);
    expect(first?.cookie).not.toBe(token);
    expect(await meWith(first?.accessToken)).toBe('OK');
    expect(await meWith(second?.accessToken)).toBe('OK');
    const next = await refreshWith(first?.cookie ?? '');
    expect(next.status).toBe(200);
    expect(await meWith(next.accessToken)).toBe('OK');
    expect(await sessionsOf(userId)).toBe(1);
  });

  it('ten concurrent refreshes with one cookie all succeed', async () => {
    const { browser } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const results = await Promise.all(Array.from({ length: 10 }, () => refreshWith(token)));
    expect(results.map((result) => result.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((result) => result.cookie)).size).toBe(1);
  });

  it('a refresh whose answer was lost can be retried with the old cookie within the window', async () => {
    const { browser, userId } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const lost = await refreshWith(token); // the server rotated; the browser never saw this answer
    await rotatedAgo(25, userId);
    const retry = await refreshWith(token);
    expect(retry.status).toBe(200);
    expect(retry.cookie).toBe(lost.cookie);
    expect(await meWith(retry.accessToken)).toBe('OK');
    const later = await refreshWith(retry.cookie ?? '');
    expect(later.status).toBe(200);
    expect(await meWith(later.accessToken)).toBe('OK');
    expect(await sessionsOf(userId)).toBe(1);
  });

  it('replaying the previous cookie after the window revokes the session', async () => {
    const { browser, userId } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const rotated = await refreshWith(token);
    expect(rotated.status).toBe(200);
    await rotatedAgo(31, userId);
    const replay = await refreshWith(token);
    expect(replay.status).toBe(401);
    expect(replay.cookie).toBe('');
    expect(await sessionsOf(userId)).toBe(0);
    expect((await refreshWith(rotated.cookie ?? '')).status).toBe(401);
    expect(await meWith(rotated.accessToken)).toBe('UNAUTHORIZED');
  });

  it('replaying an older cookie (two rotations back) revokes the session, even within the window', async () => {
    const { browser, userId } = await signUp(server);
    const oldest = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const middle = await refreshWith(oldest);
    const newest = await refreshWith(middle.cookie ?? '');
    expect(newest.status).toBe(200);
    expect((await refreshWith(oldest)).status).toBe(401);
    expect(await sessionsOf(userId)).toBe(0);
    expect((await refreshWith(newest.cookie ?? '')).status).toBe(401);
  });
});

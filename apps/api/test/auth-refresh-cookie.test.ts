import { createHash } from 'node:crypto';
import { waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, jsonBody, newBrowser, REFRESH_COOKIE, rawPost, signUp } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import {
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  useTestServerWithSql,
} from './helpers/test-server.js';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** Logs in over plain fetch and returns the raw Set-Cookie header of the refresh cookie. */
async function loginRaw(email: string) {
  const response = await rawPost(server, 'auth.login', jsonBody({ email, password: GOOD_PASSWORD }), {
    'content-type': 'application/json',
    origin: TEST_ORIGIN,
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { user: { id: string } } } } };
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE}=`));
  if (!header) throw new Error('no refresh cookie was set');
  const attributes = header.split(';').map((part) => part.trim());
  const value = attributes[0]?.slice(REFRESH_COOKIE.length + 1) ?? '';
  return { header, attributes, value, userId: body.result.data.json.user.id };
}

describe('refresh cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/api, expires in 30 days and is not Secure outside production', async () => {
    const { email } = await signUp(server);
    const { attributes, value } = await loginRaw(email);
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    expect(lower).toContain('httponly');
    expect(lower).toContain('samesite=lax');
    expect(lower).toContain('path=/api');
    expect(lower).not.toContain('secure');
    expect(lower.some((attribute) => attribute.startsWith('domain='))).toBe(false);
    const expires = attributes.find((attribute) => /^expires=/i.test(attribute))?.slice('expires='.length);
    expect(expires).toBeDefined();
    const lifetime = new Date(expires ?? '').getTime() - Date.now();
    expect(Math.abs(lifetime - 30 * DAY_MS)).toBeLessThan(5 * 60_000);
    // ≥ 256 bits of randomness: 43+ base64url characters.
    expect(value).toMatch(/^[\w-]{43,}$/);
    expect(Buffer.from(value, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('is stored only as its SHA-256 (hex) in sessions.token_hash', async () => {
    const { email } = await signUp(server);
    const { value, userId } = await loginRaw(email);
    const rows = await sql.query<{ token_hash: string; row: string }>(
      'SELECT token_hash, row_to_json(s)::text AS row FROM sessions s WHERE user_id = ?',
      [userId],
    );
    expect(rows.map((row) => row.token_hash)).toContain(sha256Hex(value));
    for (const row of rows) expect(row.row).not.toContain(value);
  });

  it('keeps the session’s 30-day absolute expiry when it rotates', async () => {
    const { browser, userId } = await signUp(server);
    const expiry = async () =>
      (
        await sql.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE user_id = ?', [userId])
      ).map((row) => new Date(row.expires_at).getTime());
    const before = await expiry();
    expect(before).toHaveLength(1);
    // Once the clock has moved on, a rotation that recomputed the expiry would store a different one.
    const read = Date.now();
    await waitFor(() => Date.now() > read, { what: 'the clock to move past the session’s creation' });
    const first = browser.cookies.get(REFRESH_COOKIE);
    const refreshed = await browser.api.auth.refresh.mutate();
    expect(browser.cookies.get(REFRESH_COOKIE)).not.toBe(first);
    expect(refreshed.user.id).toBe(userId);
    await browser.api.auth.refresh.mutate();
    expect(await expiry()).toEqual(before);
  });

  it('sends the same absolute expiry in the rotated cookie', async () => {
    const { browser } = await signUp(server);
    const refresh = async (token: string) => {
      const response = await rawPost(server, 'auth.refresh', '{}', {
        'content-type': 'application/json',
        origin: TEST_ORIGIN,
        cookie: `${REFRESH_COOKIE}=${token}`,
      });
      expect(response.status).toBe(200);
      const header = response.headers.getSetCookie()[0] ?? '';
      return {
        token: /^taskapp_refresh=([^;]+)/.exec(header)?.[1] ?? '',
        expires: /expires=([^;]+)/i.exec(header)?.[1],
      };
    };
    const first = await refresh(browser.cookies.get(REFRESH_COOKIE) ?? '');
    // Cookie dates have one-second resolution: a recomputed expiry would only show once the clock is in a
    // later second than the one the first rotation was answered in.
    const answeredInSecond = Math.floor(Date.now() / 1000);
    await waitFor(() => Math.floor(Date.now() / 1000) > answeredInSecond, {
      what: 'the clock to reach the next whole second',
      timeoutMs: 5_000,
    });
    const second = await refresh(first.token);
    expect(second.token).not.toBe(first.token);
    expect(second.expires).toBeDefined();
    expect(second.expires).toBe(first.expires);
  });

  it('is cleared by logout with the same Path', async () => {
    const { browser } = await signUp(server);
    const cookie = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const response = await rawPost(server, 'auth.logout', '{}', {
      'content-type': 'application/json',
      origin: TEST_ORIGIN,
      cookie: `${REFRESH_COOKIE}=${cookie}`,
    });
    expect(response.status).toBe(200);
    const header = response.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
    expect(header).toMatch(/^taskapp_refresh=;/);
    expect(header).toMatch(/Path=\/api/i);
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/i);
    expect(header).toMatch(/HttpOnly/i);
    const stale = newBrowser(server);
    stale.cookies.set(REFRESH_COOKIE, cookie);
    await expect(stale.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });
});

describe('signed-in marker cookie (no refresh attempt, and no 401, on signed-out visits)', () => {
  const MARKER = 'taskapp_signed_in';
  const markerOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${MARKER}=`))
      ?.split(';')
      .map((part) => part.trim());

  it('is set readable by the page (not HttpOnly), on every path, with the refresh cookie’s expiry, and holds no secret', async () => {
    const { email } = await signUp(server);
    const login = await rawPost(server, 'auth.login', jsonBody({ email, password: GOOD_PASSWORD }), {
      'content-type': 'application/json',
      origin: TEST_ORIGIN,
    });
    const refresh = login.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE}=`));
    const marker = markerOf(login) ?? [];
    expect(marker[0]).toBe(`${MARKER}=1`);
    const lower = marker.map((attribute) => attribute.toLowerCase());
    expect(lower).not.toContain('httponly');
    expect(lower).toContain('path=/');
    expect(lower).toContain('samesite=lax');
    const expiresOf = (attributes: string[]) => attributes.find((a) => /^expires=/i.test(a));
    expect(expiresOf(marker)).toBe(expiresOf(refresh?.split(';').map((part) => part.trim()) ?? []));
  });

  it('is renewed by refresh and cleared by logout and by a refused refresh', async () => {
    const headers = { 'content-type': 'application/json', origin: TEST_ORIGIN };
    const { browser } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const refreshed = await rawPost(server, 'auth.refresh', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${token}`,
    });
    expect(markerOf(refreshed)?.[0]).toBe(`${MARKER}=1`);
    const next = /^taskapp_refresh=([^;]+)/.exec(refreshed.headers.getSetCookie()[0] ?? '')?.[1] ?? '';

    const logout = await rawPost(server, 'auth.logout', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${next}`,
    });
    expect(markerOf(logout)?.[0]).toBe(`${MARKER}=`);
    expect(markerOf(logout)?.join(';')).toMatch(/Expires=Thu, 01 Jan 1970/i);

    const refused = await rawPost(server, 'auth.refresh', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${next}`,
    });
    expect(refused.status).toBe(401);
    expect(markerOf(refused)?.[0]).toBe(`${MARKER}=`);
    const noCookie = await rawPost(server, 'auth.refresh', '{}', { ...headers, cookie: `${MARKER}=1` });
    expect(noCookie.status).toBe(401);
    expect(markerOf(noCookie)?.[0]).toBe(`${MARKER}=`);
  });
});

describe('session expiry', () => {
  it('a session past its 30-day expiry refuses both its access token and its refresh cookie', async () => {
    const { browser, userId } = await signUp(server);
    await sql.run("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ?", [userId]);
    await expect(browser.api.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await expect(browser.api.auth.refresh.mutate()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });
});

describe('in production behind https', () => {
  const HTTPS_ORIGIN = 'https://tasks.example.com';
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      APP_ORIGIN: HTTPS_ORIGIN,
    });
  });
  afterAll(() => production.stop());

  it('marks the refresh cookie Secure when it is set, rotated and cleared', async () => {
    const { email, browser } = await signUp(production, { origin: HTTPS_ORIGIN });
    const headers = { 'content-type': 'application/json', origin: HTTPS_ORIGIN };
    const secure = (response: Response) =>
      response.headers
        .getSetCookie()
        .filter((cookie) => cookie.startsWith(`${REFRESH_COOKIE}=`))
        .map((cookie) =>
          cookie
            .split(';')
            .map((part) => part.trim().toLowerCase())
            .includes('secure'),
        );

    const login = await rawPost(
      production,
      'auth.login',
      jsonBody({ email, password: GOOD_PASSWORD }),
      headers,
    );
    expect(secure(login)).toEqual([true]);
    const token = /^taskapp_refresh=([^;]+)/.exec(login.headers.getSetCookie()[0] ?? '')?.[1] ?? '';
    const refresh = await rawPost(production, 'auth.refresh', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${token}`,
    });
    expect(refresh.status).toBe(200);
    expect(secure(refresh)).toEqual([true]);
    const logout = await rawPost(production, 'auth.logout', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${browser.cookies.get(REFRESH_COOKIE)}`,
    });
    expect(secure(logout)).toEqual([true]);
  });
});

describe('in production over plain http', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ NODE_ENV: 'production', APP_ORIGIN: 'http://tasks.internal:8080' });
  });
  afterAll(() => production.stop());

  it('does not mark the refresh cookie Secure, which the browser would then never send back', async () => {
    const { email } = await signUp(production, { origin: 'http://tasks.internal:8080' });
    const login = await rawPost(production, 'auth.login', jsonBody({ email, password: GOOD_PASSWORD }), {
      'content-type': 'application/json',
      origin: 'http://tasks.internal:8080',
    });
    const cookie = login.headers.getSetCookie().find((header) => header.startsWith(`${REFRESH_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie?.toLowerCase()).not.toMatch(/;\s*secure\b/);
  });
});

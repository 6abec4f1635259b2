import { describe, expect, it } from 'vitest';
import { pageCredential, readPageCredential } from '../src/auth/page-credential.js';
import { GOOD_PASSWORD, jsonBody, REFRESH_COOKIE, rawPost, signUp } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { TEST_ORIGIN, type TestServer, useTestServerWithSql } from './helpers/test-server.js';

const SECRET = 'a-test-secret-of-enough-length-for-hmac-0123456789';
const OWNER = {
  userId: '0193a7c0-0000-7000-8000-000000000001',
  sessionId: '0193a7c0-0000-7000-8000-000000000002',
};

describe('page credential', () => {
  it('names the session that set it, signed', () => {
    expect(readPageCredential(pageCredential(OWNER, SECRET), SECRET)).toEqual(OWNER);
  });

  it('is refused when anything in it changes, or under another secret', () => {
    const value = pageCredential(OWNER, SECRET);
    const [userId, sessionId, signature] = value.split('.');
    const other = { ...OWNER, sessionId: '0193a7c0-0000-7000-8000-000000000003' };
    expect(readPageCredential(`${userId}.${other.sessionId}.${signature}`, SECRET)).toBeNull();
    expect(readPageCredential(`${userId}.${sessionId}.${signature?.slice(1)}`, SECRET)).toBeNull();
    expect(readPageCredential(value, `${SECRET}x`)).toBeNull();
    for (const junk of [undefined, '', 'a.b', 'a.b.c.d', `${userId}.${sessionId}.`])
      expect(readPageCredential(junk, SECRET)).toBeNull();
  });
});

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const PAGE = 'taskapp_page';
const headers = { 'content-type': 'application/json', origin: TEST_ORIGIN };
const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')
    .map((part) => part.trim());

describe('page credential cookie', () => {
  it('comes with sign-in: HttpOnly, Path=/, SameSite=Lax, the refresh cookie’s expiry, naming this session', async () => {
    const { email, userId } = await signUp(server);
    const login = await rawPost(server, 'auth.login', jsonBody({ email, password: GOOD_PASSWORD }), headers);
    const page = cookieOf(login, PAGE) ?? [];
    const lower = page.map((attribute) => attribute.toLowerCase());
    expect(lower).toEqual(expect.arrayContaining(['httponly', 'path=/', 'samesite=lax']));
    const expires = (attributes: string[]) => attributes.find((a) => /^expires=/i.test(a));
    expect(expires(page)).toBe(expires(cookieOf(login, REFRESH_COOKIE) ?? []));
    const [userPart, sessionPart] = (page[0] ?? '').slice(PAGE.length + 1).split('.');
    expect(userPart).toBe(userId);
    const sessions = await sql.query<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id = ? ORDER BY created_at DESC LIMIT 1',
      [userId],
    );
    expect(sessionPart).toBe(sessions[0]?.id);
  });

  it('is renewed by refresh and cleared by logout', async () => {
    const { browser } = await signUp(server);
    const token = browser.cookies.get(REFRESH_COOKIE) ?? '';
    const refreshed = await rawPost(server, 'auth.refresh', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${token}`,
    });
    expect(cookieOf(refreshed, PAGE)?.[0]).toMatch(/^taskapp_page=[\w-]+\.[\w-]+\.[\w-]{43}$/);
    const next = /^taskapp_refresh=([^;]+)/.exec(refreshed.headers.getSetCookie()[0] ?? '')?.[1] ?? '';
    const logout = await rawPost(server, 'auth.logout', '{}', {
      ...headers,
      cookie: `${REFRESH_COOKIE}=${next}`,
    });
    expect(cookieOf(logout, PAGE)?.[0]).toBe(`${PAGE}=`);
    expect(cookieOf(logout, PAGE)?.join(';')).toMatch(/Expires=Thu, 01 Jan 1970/i);
  });
});

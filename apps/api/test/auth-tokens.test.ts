import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newBrowser, sessionOf, signUp, trpcError } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { testEnv } from './helpers/test-env.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

const SECRET = testEnv().AUTH_SECRET;
const key = (secret: string) => new TextEncoder().encode(secret);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** A signed-in user and the claims a forged token would need to impersonate them. */
async function victim() {
  const account = await signUp(server);
  const claims = decodeJwt(account.accessToken);
  return { ...account, sub: String(claims.sub), sid: String(claims.sid), iss: claims.iss };
}

/** auth.me's outcome with the given bearer token. */
async function meWith(token: string) {
  const browser = newBrowser(server);
  browser.accessToken = token;
  try {
    return await browser.api.auth.me.query();
  } catch (error) {
    return (error as { data?: { code?: string } }).data?.code;
  }
}

function sign(
  claims: Record<string, unknown>,
  options: { secret?: string; alg?: string; iat?: number; exp?: number },
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 900)
    .sign(key(options.secret ?? SECRET));
}

describe('access token', () => {
  it('is an HS256 JWT with sub = user id, sid = session id and a 15-minute lifetime', async () => {
    const { accessToken, userId, email } = await signUp(server);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'HS256' });
    const claims = decodeJwt(accessToken);
    expect(claims.sub).toBe(userId);
    const sessions = await sql.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = ?', [userId]);
    expect(sessions).toHaveLength(1);
    expect(claims.sid).toBe(sessions[0]?.id);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
    const login = sessionOf(
      await newBrowser(server).api.auth.login.mutate({ email, password: GOOD_PASSWORD }),
    );
    expect(login.accessTokenExpiresAt.getTime()).toBe((decodeJwt(login.accessToken).exp ?? 0) * 1000);
    expect(Math.abs((claims.iat ?? 0) - Date.now() / 1000)).toBeLessThan(60);
    // Nothing else that a client could read and that belongs elsewhere.
    expect(JSON.stringify(claims)).not.toMatch(/email|password|@/i);
  });

  it('a token signed by the test with the server’s secret is accepted (control for the cases below)', async () => {
    const { sub, sid, iss } = await victim();
    const token = await sign({ sid, sub, ...(iss ? { iss } : {}) }, {});
    expect(await meWith(token)).toMatchObject({ id: sub });
  });

  it('refuses alg "none", whatever the signature part holds', async () => {
    const { sub, sid, iss } = await victim();
    const now = Math.floor(Date.now() / 1000);
    const header = base64url({ alg: 'none', typ: 'JWT' });
    const payload = base64url({ sub, sid, iss, iat: now, exp: now + 900 });
    for (const token of [`${header}.${payload}.`, `${header}.${payload}.c2lnbmF0dXJl`]) {
      expect(await meWith(token)).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a token signed with another secret', async () => {
    const { sub, sid, iss } = await victim();
    const token = await sign({ sub, sid, iss }, { secret: 'another-secret-that-is-also-32-characters-long' });
    expect(await meWith(token)).toBe('UNAUTHORIZED');
  });

  it('refuses another HMAC algorithm with the right secret (the algorithm is pinned)', async () => {
    const { sub, sid, iss } = await victim();
    for (const alg of ['HS384', 'HS512']) {
      expect(await meWith(await sign({ sub, sid, iss }, { alg }))).toBe('UNAUTHORIZED');
    }
  });

  it('refuses an expired token signed with the right secret', async () => {
    const { sub, sid, iss } = await victim();
    const now = Math.floor(Date.now() / 1000);
    const token = await sign({ sub, sid, iss }, { iat: now - 1000, exp: now - 100 });
    expect(await meWith(token)).toBe('UNAUTHORIZED');
  });

  it('refuses a correctly signed token without exp or iat', async () => {
    const { sub, sid, iss } = await victim();
    const now = Math.floor(Date.now() / 1000);
    const key = new TextEncoder().encode(SECRET);
    const header = { alg: 'HS256', typ: 'JWT' };
    const withoutExp = await new SignJWT({ sub, sid, iss })
      .setProtectedHeader(header)
      .setIssuedAt(now)
      .sign(key);
    const withoutIat = await new SignJWT({ sub, sid, iss })
      .setProtectedHeader(header)
      .setExpirationTime(now + 900)
      .sign(key);
    expect(await meWith(withoutExp)).toBe('UNAUTHORIZED');
    expect(await meWith(withoutIat)).toBe('UNAUTHORIZED');
  });

  it('refuses a token issued longer ago than 15 minutes, even when its exp is far away', async () => {
    const { sub, sid, iss } = await victim();
    const now = Math.floor(Date.now() / 1000);
    const oneCentury = 100 * 365 * 24 * 60 * 60;
    expect(await meWith(await sign({ sub, sid, iss }, { exp: now + oneCentury }))).toMatchObject({ id: sub });
    expect(await meWith(await sign({ sub, sid, iss }, { iat: now - 16 * 60, exp: now + oneCentury }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('refuses a token whose sub or sid is missing or not a UUID, with 401 and never 500', async () => {
    const { sub, sid, iss } = await victim();
    for (const claims of [
      { sub, sid: 'not-a-uuid', iss },
      { sub: 'not-a-uuid', sid, iss },
      { sub, sid: `${sid}'--`, iss },
      { sub, iss },
      { sid, iss },
    ]) {
      expect(await meWith(await sign(claims, {})), JSON.stringify(claims)).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a valid signature over a session that is not the user’s', async () => {
    const alice = await victim();
    const bob = await victim();
    const token = await sign({ sub: alice.sub, sid: bob.sid, iss: alice.iss }, {});
    expect(await meWith(token)).toBe('UNAUTHORIZED');
  });

  it('refuses garbage, a tampered payload and a missing token', async () => {
    const { accessToken, sid, iss } = await victim();
    const other = await victim();
    const [header, , signature] = accessToken.split('.');
    const now = Math.floor(Date.now() / 1000);
    const tampered = `${header}.${base64url({ sub: other.sub, sid, iss, iat: now, exp: now + 900 })}.${signature}`;
    for (const token of ['garbage', 'a.b.c', `${accessToken}x`, tampered, '']) {
      expect(await meWith(token), token).toBe('UNAUTHORIZED');
    }
    const anonymous = newBrowser(server);
    expect((await trpcError(anonymous.api.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('stops working as soon as its session is logged out, though it has not expired', async () => {
    const { browser, accessToken } = await signUp(server);
    await browser.api.auth.logout.mutate();
    expect(await meWith(accessToken)).toBe('UNAUTHORIZED');
  });
});

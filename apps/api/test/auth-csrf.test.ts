import { beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  jsonBody,
  REFRESH_COOKIE,
  rawPost,
  type SignedUp,
  signUp,
  uniqueEmail,
} from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { TEST_ORIGIN, type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** The bodies a cross-site HTML form (or a "simple" fetch without preflight) can send. */
function simpleBodies(
  input: unknown,
): { kind: string; headers: Record<string, string>; body: NonNullable<RequestInit['body']> }[] {
  const form = new FormData();
  form.set('json', JSON.stringify(input));
  return [
    { kind: 'text/plain', headers: { 'content-type': 'text/plain' }, body: jsonBody(input) },
    {
      kind: 'text/plain;charset=UTF-8',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: jsonBody(input),
    },
    {
      kind: 'application/x-www-form-urlencoded',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ json: JSON.stringify(input) }).toString(),
    },
    { kind: 'multipart/form-data', headers: {}, body: form },
    { kind: 'no content type', headers: {}, body: new Blob([jsonBody(input)]) },
  ];
}

function postAs(procedure: string, body: NonNullable<RequestInit['body']>, headers: Record<string, string>) {
  return fetch(`${server.url}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, ...headers },
    body,
  });
}

const sessionRows = async (userId: string) =>
  sql.query<{ id: string; token_hash: string }>(
    'SELECT id, token_hash FROM sessions WHERE user_id = ? ORDER BY id',
    [userId],
  );

describe('mutations accept only application/json', () => {
  let account: SignedUp;
  beforeAll(async () => {
    account = await signUp(server);
  });

  it('auth.login from a form answers 415 and starts no session', async () => {
    const before = await sessionRows(account.userId);
    for (const { kind, headers, body } of simpleBodies({ email: account.email, password: GOOD_PASSWORD })) {
      const response = await postAs('auth.login', body, headers);
      expect(response.status, kind).toBe(415);
      expect(response.headers.getSetCookie(), kind).toEqual([]);
    }
    expect(await sessionRows(account.userId)).toEqual(before);
  });

  it('auth.register from a form answers 415 and creates no account', async () => {
    const email = uniqueEmail('form');
    for (const { kind, headers, body } of simpleBodies({ email, name: 'Mallory', password: GOOD_PASSWORD })) {
      expect((await postAs('auth.register', body, headers)).status, kind).toBe(415);
    }
    expect(await sql.query('SELECT id FROM users WHERE email = ?', [email])).toEqual([]);
  });

  it('auth.logout and auth.refresh from a form, with the cookie and even the right Origin, answer 415 and change nothing', async () => {
    const before = await sessionRows(account.userId);
    const cookie = `${REFRESH_COOKIE}=${account.browser.cookies.get(REFRESH_COOKIE)}`;
    for (const procedure of ['auth.logout', 'auth.refresh']) {
      for (const { kind, headers, body } of simpleBodies(null)) {
        const response = await postAs(procedure, body, { ...headers, cookie });
        expect(response.status, `${procedure} ${kind}`).toBe(415);
        expect(response.headers.getSetCookie()).toEqual([]);
      }
    }
    // The session exists with the same token: neither signed out nor rotated.
    expect(await sessionRows(account.userId)).toEqual(before);
    expect(await account.browser.api.auth.me.query()).toMatchObject({ id: account.userId });
  });

  it('account mutations from a form answer 415 even with a valid bearer token', async () => {
    const authorization = `Bearer ${account.accessToken}`;
    for (const { kind, headers, body } of simpleBodies({ name: 'Changed by a form' })) {
      const response = await postAs('account.updateProfile', body, { ...headers, authorization });
      expect(response.status, kind).toBe(415);
    }
    for (const { kind, headers, body } of simpleBodies({ password: GOOD_PASSWORD })) {
      expect((await postAs('account.delete', body, { ...headers, authorization })).status, kind).toBe(415);
    }
    expect(await account.browser.api.auth.me.query()).toMatchObject({ name: 'Ada Lovelace' });
  });

  it('a mutation cannot be run with GET', async () => {
    const before = await sessionRows(account.userId);
    const input = encodeURIComponent(jsonBody({ email: account.email, password: GOOD_PASSWORD }));
    const response = await fetch(`${server.url}/api/trpc/auth.login?input=${input}`, {
      headers: { origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(405);
    expect(await sessionRows(account.userId)).toEqual(before);
  });

  it('application/json with a charset is accepted (control)', async () => {
    const response = await rawPost(
      server,
      'auth.login',
      jsonBody({ email: account.email, password: GOOD_PASSWORD }),
      {
        'content-type': 'application/json; charset=utf-8',
        'x-forwarded-for': '10.99.0.1',
      },
    );
    expect(response.status).toBe(200);
    expect(await sessionRows(account.userId)).toHaveLength(2);
  });
});

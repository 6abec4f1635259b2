import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, outcome, REFRESH_COOKIE, sessionOf, uniqueEmail } from './helpers/accounts.js';
import { browserAt } from './helpers/browser.js';
import { mailedToken, RESET_SUBJECT, VERIFY_SUBJECT } from './helpers/mail.js';
import { type ServerProcess, spawnServer } from './helpers/server-process.js';
import { type SmtpInbox, startSmtpInbox } from './helpers/smtp-inbox.js';
import { dumpAllRows, type OpenSql, openSql } from './helpers/sql.js';
import { TEST_ORIGIN } from './helpers/test-server.js';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

let database: TestDatabase;
let inbox: SmtpInbox;
let server: ServerProcess;
let sql: OpenSql;

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = await startSmtpInbox();
  // The real entry point (src/main.ts) with its real logger, at the production log level.
  server = await spawnServer({
    DATABASE_URL: database.url,
    SMTP_URL: inbox.url,
    APP_ORIGIN: TEST_ORIGIN,
    AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    LOG_LEVEL: 'info',
  });
  sql = await openSql(database);
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  await sql.close();
  await inbox.close();
  await database.drop();
});

describe('secrets never leak', () => {
  it('no plain password or token reaches the database or the logs after a full account journey', async () => {
    const email = uniqueEmail('secret');
    const passwords = [
      GOOD_PASSWORD,
      'second secret password 2',
      'third secret password 3',
      'a wrong guess 123',
    ];
    const [first = '', second = '', third = '', wrong = ''] = passwords;
    const refreshTokens: string[] = [];
    const accessTokens: string[] = [];
    const keepTokens = (browser: ReturnType<typeof browserAt>) => {
      const cookie = browser.cookies.get(REFRESH_COOKIE);
      if (cookie) refreshTokens.push(cookie);
      if (browser.accessToken) accessTokens.push(browser.accessToken);
    };

    const laptop = browserAt(server.url, { userAgent: 'laptop' });
    laptop.accessToken = (
      await laptop.api.auth.register.mutate({ email, name: 'Secretive', password: first })
    ).accessToken;
    keepTokens(laptop);
    const verifyToken = await mailedToken(inbox, email, VERIFY_SUBJECT);
    expect(await laptop.api.auth.verifyEmail.mutate({ token: verifyToken })).toEqual({ ok: true });

    const phone = browserAt(server.url, { userAgent: 'phone' });
    expect(await outcome(phone.api.auth.login.mutate({ email, password: wrong }))).toBe('UNAUTHORIZED');
    phone.accessToken = sessionOf(await phone.api.auth.login.mutate({ email, password: first })).accessToken;
    keepTokens(phone);
    for (let i = 0; i < 2; i++) {
      laptop.accessToken = (await laptop.api.auth.refresh.mutate()).accessToken;
      keepTokens(laptop);
    }
    // Replaying a rotated token (logged as a warning) revokes that session.
    const thief = browserAt(server.url);
    thief.cookies.set(REFRESH_COOKIE, refreshTokens[0] ?? '');
    expect(await outcome(thief.api.auth.refresh.mutate())).toBe('UNAUTHORIZED');

    expect(
      await phone.api.account.changePassword.mutate({ currentPassword: first, newPassword: second }),
    ).toEqual({
      ok: true,
    });
    await browserAt(server.url).api.auth.requestPasswordReset.mutate({ email });
    const resetToken = await mailedToken(inbox, email, RESET_SUBJECT);
    expect(
      await outcome(
        browserAt(server.url).api.auth.resetPassword.mutate({ token: resetToken, password: 'password123' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await browserAt(server.url).api.auth.resetPassword.mutate({ token: resetToken, password: third }),
    ).toEqual({
      ok: true,
    });
    const tablet = browserAt(server.url, { userAgent: 'tablet' });
    tablet.accessToken = sessionOf(
      await tablet.api.auth.login.mutate({ email, password: third }),
    ).accessToken;
    keepTokens(tablet);
    const rotatedAway = tablet.cookies.get(REFRESH_COOKIE) ?? '';
    tablet.accessToken = (await tablet.api.auth.refresh.mutate()).accessToken;
    keepTokens(tablet);
    expect(await outcome(tablet.api.auth.me.query())).toBe('OK');
    const liveRefresh = tablet.cookies.get(REFRESH_COOKIE) ?? '';

    const secrets = [...passwords, ...refreshTokens, ...accessTokens, verifyToken, resetToken];
    expect(new Set(refreshTokens).size).toBe(refreshTokens.length);
    expect(refreshTokens.length).toBeGreaterThanOrEqual(5);

    // The database: every column of every table.
    const rows = await dumpAllRows(sql);
    expect(rows.length).toBeGreaterThan(5);
    // Control: what is stored instead (the hash) is found, so the scan looks in the right place.
    expect(rows.some((row) => row.table === 'sessions' && row.json.includes(sha256Hex(liveRefresh)))).toBe(
      true,
    );
    expect(
      rows.some((row) => row.table === 'rotated_refresh_tokens' && row.json.includes(sha256Hex(rotatedAway))),
    ).toBe(true);
    for (const secret of secrets) {
      const leaks = rows.filter((row) => row.json.includes(secret)).map((row) => row.table);
      expect(leaks, `a secret (${secret.slice(0, 6)}…) is stored in plain text`).toEqual([]);
    }

    // The logs, once the server has written the last request's line (the tablet's auth.me, the only one):
    // lines are written in order, so every earlier request's line is there too.
    await waitFor(() => server.logs.join('').includes('"url":"/api/trpc/auth.me'), {
      what: 'the last request (auth.me) to be logged',
    });
    const logs = server.logs.join('');
    expect(logs).toContain('auth.login');
    expect(logs).toContain('/api/trpc/auth.refresh');
    // Control: every request was logged (with its id), and the rotated-token replay was warned about.
    expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    expect(logs).toContain('a rotated refresh token was presented again');
    for (const secret of secrets) {
      expect(logs.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the logs`).toBe(false);
    }
    expect(logs).not.toMatch(/\$argon2id\$/);
  });
});

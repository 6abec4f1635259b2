import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newBrowser, outcome, signUp, trpcError, uniqueEmail } from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

const countUsers = async (email: string) =>
  (
    await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE lower(email) = lower(?)', [
      email,
    ])
  )[0]?.n;

/** Registers with the given input and returns the error; the input may be invalid on purpose. */
function registerRaw(input: Record<string, unknown>) {
  const browser = newBrowser(server);
  // biome-ignore lint/suspicious/noExplicitAny: deliberately sends input the schema refuses
  return trpcError(browser.api.auth.register.mutate(input as any));
}

describe('register validation', () => {
  const invalid: [string, string, Record<string, string>][] = [
    ['a malformed email', 'email', { email: 'not-an-email' }],
    ['an email longer than 255 characters', 'email', { email: `${'a'.repeat(250)}@example.com` }],
    ['an email with NUL', 'email', { email: 'nul\u0000@example.com' }],
    ['a 7-character password', 'password', { password: 'abc1234' }],
    ['a 129-character password', 'password', { password: 'x'.repeat(129) }],
    ['a password with NUL', 'password', { password: 'analytical\u0000engine' }],
    ['a password with an unpaired surrogate', 'password', { password: 'analytical \uD800 engine' }],
    ['an empty name', 'name', { name: '   ' }],
    ['a 256-character name', 'name', { name: 'n'.repeat(256) }],
    ['a name with NUL', 'name', { name: 'Ada\u0000' }],
  ];
  it.each(invalid)(
    'refuses %s with BAD_REQUEST under fieldErrors.%s and writes nothing',
    async (_, field, patch) => {
      const email = uniqueEmail('invalid');
      const error = await registerRaw({ email, name: 'Ada', password: GOOD_PASSWORD, ...patch });
      expect(error.data?.code).toBe('BAD_REQUEST');
      const fieldErrors = error.data?.zodError?.fieldErrors as Record<string, string[] | undefined>;
      expect(fieldErrors[field]?.length).toBeGreaterThan(0);
      expect(await countUsers(email)).toBe(0);
    },
  );

  it('refuses unknown keys (no mass assignment of userId, isVerified…) and writes nothing', async () => {
    const email = uniqueEmail('extra');
    for (const extra of [{ userId: '00000000-0000-4000-8000-000000000000' }, { isVerified: true }]) {
      const error = await registerRaw({ email, name: 'Ada', password: GOOD_PASSWORD, ...extra });
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(error.data?.zodError)).toContain(Object.keys(extra)[0]);
    }
    expect(await countUsers(email)).toBe(0);
  });

  it('trims and lower-cases the email', async () => {
    const local = uniqueEmail('mixed');
    const browser = newBrowser(server);
    const result = await browser.api.auth.register.mutate({
      email: `  ${local.toUpperCase()}  `,
      name: '  Ada  ',
      password: GOOD_PASSWORD,
    });
    expect(result.user.email).toBe(local);
    expect(result.user.name).toBe('Ada');
    const rows = await sql.query<{ email: string }>('SELECT email FROM users WHERE id = ?', [result.user.id]);
    expect(rows).toEqual([{ email: local }]);
    // And the account signs in with any casing of the address.
    const other = newBrowser(server);
    await expect(
      other.api.auth.login.mutate({ email: ` ${local.toUpperCase()}`, password: GOOD_PASSWORD }),
    ).resolves.toMatchObject({ user: { id: result.user.id } });
  });

  it('refuses an email that is already taken, in any case, with CONFLICT under fieldErrors.email', async () => {
    const { email } = await signUp(server);
    for (const variant of [email, email.toUpperCase(), ` ${email.replace(/^./, (c) => c.toUpperCase())} `]) {
      const error = await registerRaw({ email: variant, name: 'Eve', password: 'another long password 9' });
      expect(error.data?.code).toBe('CONFLICT');
      expect(error.message).toMatch(/already/i);
      expect(await countUsers(email)).toBe(1);
      expect(error.data?.zodError?.fieldErrors).toMatchObject({ email: [expect.stringMatching(/already/i)] });
    }
  });

  it('lets exactly one of several simultaneous sign-ups with one email through; the rest get CONFLICT', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      [email, email.toUpperCase(), email, ` ${email}`, email].map((variant) =>
        outcome(
          newBrowser(server).api.auth.register.mutate({
            email: variant,
            name: 'Racer',
            password: GOOD_PASSWORD,
          }),
        ),
      ),
    );
    expect(results.filter((result) => result === 'OK')).toHaveLength(1);
    expect(results.filter((result) => result === 'CONFLICT')).toHaveLength(4);
    expect(await countUsers(email)).toBe(1);
  });

  it('refuses a common password and says why', async () => {
    for (const password of ['password123', 'qwertyuiop', 'Password123']) {
      const email = uniqueEmail('common');
      const error = await registerRaw({ email, name: 'Ada', password });
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/common/i);
      expect(await countUsers(email)).toBe(0);
      expect(error.data?.zodError?.fieldErrors).toMatchObject({
        password: [expect.stringMatching(/common/i)],
      });
    }
  });

  it('refuses a password equal to the email and says why', async () => {
    const email = uniqueEmail('same');
    for (const password of [email, email.toUpperCase()]) {
      const error = await registerRaw({ email, name: 'Ada', password });
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/email/i);
      expect(await countUsers(email)).toBe(0);
      expect(error.data?.zodError?.fieldErrors).toMatchObject({
        password: [expect.stringMatching(/email/i)],
      });
    }
  });

  it('accepts an 8- and a 128-character password and never truncates it', async () => {
    const eight = await signUp(server, { password: 'k7#vQ2!z' });
    expect(eight.userId).toEqual(expect.any(String));

    const long = Array.from({ length: 128 }, (_, i) => 'Zq9!xW2@'[i % 8]).join('');
    expect(long).toHaveLength(128);
    const { email } = await signUp(server, { password: long });
    expect(await outcome(newBrowser(server).api.auth.login.mutate({ email, password: long }))).toBe('OK');
    for (const shorter of [long.slice(0, 127), long.slice(0, 72), long.slice(0, 64)]) {
      expect(await outcome(newBrowser(server).api.auth.login.mutate({ email, password: shorter }))).toBe(
        'UNAUTHORIZED',
      );
    }
  });

  it('stores the password as an Argon2id hash with m=19456, t=2, p=1', async () => {
    const { userId, password } = await signUp(server);
    const [row] = await sql.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [
      userId,
    ]);
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(row?.password_hash).not.toContain(password);
  });
});

import { describe, expect, it } from 'vitest';
import {
  GOOD_PASSWORD,
  newBrowser,
  OTHER_GOOD_PASSWORD,
  outcome,
  signUp,
  trpcError,
} from './helpers/accounts.js';
import type { Sql } from './helpers/sql.js';
import { type TestServer, useTestServerWithSql } from './helpers/test-server.js';

let server: TestServer;
let sql: Sql;
useTestServerWithSql({ TRUST_PROXY: 'true' }, (started) => {
  ({ server, sql } = started);
});

/** A valid address of exactly `length` characters (local part 64, domain labels ≤ 63). */
function emailOfLength(length: number, tag: string): string {
  const local = `${tag}-${'a'.repeat(64 - tag.length - 1)}`;
  const labels: string[] = [];
  let rest = length - local.length - 1 - '.com'.length;
  while (rest > 0) {
    const label = Math.min(63, rest - (labels.length ? 1 : 0));
    labels.push('b'.repeat(label));
    rest -= label + (labels.length > 1 ? 1 : 0);
  }
  return `${local}@${labels.join('.')}.com`;
}

describe('long emails (security finding 4)', () => {
  it('a 250-character email registers, signs in, fails a password, changes it and deletes the account', async () => {
    const email = emailOfLength(250, `long${process.pid}`);
    expect(email).toHaveLength(250);
    const { browser } = await signUp(server, { email });
    const other = newBrowser(server);
    expect(await outcome(other.api.auth.login.mutate({ email, password: 'wrong password here' }))).toBe(
      'UNAUTHORIZED',
    );
    expect(await outcome(other.api.auth.login.mutate({ email, password: GOOD_PASSWORD }))).toBe('OK');
    expect(
      await outcome(
        browser.api.account.changePassword.mutate({
          currentPassword: 'wrong password',
          newPassword: OTHER_GOOD_PASSWORD,
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await outcome(
        browser.api.account.changePassword.mutate({
          currentPassword: GOOD_PASSWORD,
          newPassword: OTHER_GOOD_PASSWORD,
        }),
      ),
    ).toBe('OK');
    expect(await outcome(browser.api.auth.requestPasswordReset.mutate({ email }))).toBe('OK');
    expect(await outcome(browser.api.account.delete.mutate({ password: OTHER_GOOD_PASSWORD }))).toBe('OK');
    expect(await sql.query('SELECT id FROM users WHERE email = ?', [email])).toHaveLength(0);
    const longest = await sql.query<{ length: number }>('SELECT max(length(key)) AS length FROM rate_limits');
    expect(Number(longest[0]?.length)).toBeLessThanOrEqual(255);
  });

  it('refuses an email over 254 characters with BAD_REQUEST naming the field', async () => {
    const email = emailOfLength(255, `over${process.pid}`);
    expect(email).toHaveLength(255);
    const error = await trpcError(
      newBrowser(server).api.auth.register.mutate({ email, name: 'Ada', password: GOOD_PASSWORD }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/at most 254 characters/);
  });
});

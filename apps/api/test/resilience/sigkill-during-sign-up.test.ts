import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, outcome, uniqueEmail, uniqueIp } from '../helpers/accounts.js';
import { browserAt } from '../helpers/browser.js';
import { spawnServer } from '../helpers/server-process.js';
import { type ServerProcessFixture, startServerProcessFixture } from '../helpers/server-process-fixture.js';

const SIGN_UPS = 30;

interface StoredAccount {
  email: string;
  password_hash: string;
  sessions: string;
  verify_tokens: string;
}

let server: ServerProcessFixture;
beforeAll(async () => {
  server = await startServerProcessFixture();
});
afterAll(() => server?.stop());

describe('SIGKILL during sign-up', () => {
  it('leaves every account either complete or absent, and a restarted server serves the complete ones', {
    timeout: 90_000,
  }, async () => {
    const emails = Array.from({ length: SIGN_UPS }, () => uniqueEmail('killed'));
    let firstAnswered: () => void = () => {};
    const oneAnswered = new Promise<void>((resolve) => {
      firstAnswered = resolve;
    });
    const outcomes = emails.map((email) =>
      server
        .browser()
        .api.auth.register.mutate({ email, name: 'Half Way', password: GOOD_PASSWORD })
        .then(
          () => {
            firstAnswered();
            return 'acknowledged';
          },
          () => 'lost',
        ),
    );
    // Killed as soon as one sign-up is through: the others are hashing passwords or mid-transaction.
    await Promise.race([oneAnswered, sleep(20_000)]);
    server.process.child.kill('SIGKILL');
    await server.process.exited;
    const results = await Promise.all(outcomes);
    expect(results).toContain('acknowledged');

    const stored = await server.sql.query<StoredAccount>(
      `SELECT u.email, u.password_hash,
         (SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS sessions,
         (SELECT count(*) FROM user_tokens t WHERE t.user_id = u.id AND t.purpose = 'verify_email') AS verify_tokens
       FROM users u WHERE u.email IN (?)`,
      [emails],
    );
    for (const account of stored) {
      expect(account.password_hash, account.email).toMatch(/^\$argon2id\$/);
      expect(Number(account.sessions), account.email).toBe(1);
      expect(Number(account.verify_tokens), account.email).toBe(1);
    }
    const storedEmails = new Set(stored.map((account) => account.email));
    const acknowledged = emails.filter((_, i) => results[i] === 'acknowledged');
    expect(acknowledged.filter((email) => !storedEmails.has(email))).toEqual([]);

    const restarted = await spawnServer(server.env);
    try {
      for (const email of emails) {
        const api = browserAt(restarted.url, { forwardedFor: uniqueIp() }).api;
        if (storedEmails.has(email)) {
          expect(await outcome(api.auth.login.mutate({ email, password: GOOD_PASSWORD })), email).toBe('OK');
        } else {
          // Nothing half-made is left to block the address.
          const again = api.auth.register.mutate({ email, name: 'Second Try', password: GOOD_PASSWORD });
          expect(await outcome(again), email).toBe('OK');
        }
      }
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
    console.info(`sigkill: ${storedEmails.size} of ${SIGN_UPS} sign-ups were stored, the rest were not`);
  });
});

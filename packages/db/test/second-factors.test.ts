import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasskeySchema, UserSchema, UserTotpSchema } from '../src/index.js';
import { createTestOrm, type TestOrm } from '../src/testing/index.js';
import { insertUser } from './queries/arrange.js';

// Issue 17's tables: every row goes with its user, and the keys that make a code, ticket, passkey or
// challenge findable exactly once hold.

const SECOND_FACTOR_TABLES = [
  'user_totp',
  'recovery_codes',
  'passkeys',
  'mfa_tickets',
  'webauthn_challenges',
];

let testOrm: TestOrm;
beforeAll(async () => {
  testOrm = await createTestOrm();
});
afterAll(() => testOrm.close());

const hex64 = () => randomBytes(32).toString('hex');
const sqlState = (statement: string, params: unknown[]) =>
  testOrm.pool.query(statement, params).then(
    () => undefined,
    (error: { code?: string; constraint?: string }) => `${error.code} ${error.constraint}`,
  );

async function insertEverySecondFactor(userId: string): Promise<{ credentialId: string; challenge: string }> {
  const credentialId = randomBytes(32).toString('base64url');
  const challenge = randomBytes(32).toString('base64url');
  const statements: [string, unknown[]][] = [
    [
      `insert into user_totp (user_id, secret_ciphertext, confirmed_at) values ($1, 'c2VjcmV0', now())`,
      [userId],
    ],
    [`insert into recovery_codes (user_id, code_hash) values ($1, $2)`, [userId, hex64()]],
    [
      `insert into passkeys (user_id, credential_id, public_key, name) values ($1, $2, 'cHVibGlj', 'Laptop')`,
      [userId, credentialId],
    ],
    [
      `insert into mfa_tickets (user_id, token_hash, client_hash, expires_at) values ($1, $2, $3, now() + interval '5 minutes')`,
      [userId, hex64(), hex64()],
    ],
    [
      `insert into webauthn_challenges (user_id, challenge, purpose, expires_at) values ($1, $2, 'register', now() + interval '5 minutes')`,
      [userId, challenge],
    ],
  ];
  for (const [statement, params] of statements) await testOrm.pool.query(statement, params);
  return { credentialId, challenge };
}

async function rowsOf(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SECOND_FACTOR_TABLES) {
    const { rows } = await testOrm.pool.query<{ n: number }>(
      `select count(*)::int as n from ${table} where user_id = $1`,
      [userId],
    );
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

describe('second factor tables', () => {
  it('go with their user, and leave another user’s rows alone', async () => {
    const gone = await insertUser(testOrm.pool);
    const kept = await insertUser(testOrm.pool);
    await insertEverySecondFactor(gone);
    await insertEverySecondFactor(kept);
    const one = Object.fromEntries(SECOND_FACTOR_TABLES.map((table) => [table, 1]));
    expect(await rowsOf(gone)).toEqual(one);

    await testOrm.pool.query('delete from users where id = $1', [gone]);
    expect(await rowsOf(gone)).toEqual(Object.fromEntries(SECOND_FACTOR_TABLES.map((table) => [table, 0])));
    expect(await rowsOf(kept)).toEqual(one);
  });

  it('keep codes unique per user, and credential ids, tickets and challenges unique everywhere', async () => {
    const owner = await insertUser(testOrm.pool);
    const other = await insertUser(testOrm.pool);
    const { credentialId, challenge } = await insertEverySecondFactor(owner);
    const code = hex64();
    const ticket = hex64();
    await testOrm.pool.query('insert into recovery_codes (user_id, code_hash) values ($1, $2), ($3, $2)', [
      owner,
      code,
      other,
    ]);
    await testOrm.pool.query(
      `insert into mfa_tickets (user_id, token_hash, client_hash, expires_at) values ($1, $2, $2, now())`,
      [owner, ticket],
    );

    expect(
      await sqlState('insert into recovery_codes (user_id, code_hash) values ($1, $2)', [owner, code]),
    ).toBe('23505 recovery_codes_user_code_unique');
    expect(
      await sqlState(
        `insert into passkeys (user_id, credential_id, public_key, name) values ($1, $2, 'x', 'Phone')`,
        [other, credentialId],
      ),
    ).toBe('23505 passkeys_credential_id_unique');
    expect(
      await sqlState(
        `insert into mfa_tickets (user_id, token_hash, client_hash, expires_at) values ($1, $2, $2, now())`,
        [other, ticket],
      ),
    ).toBe('23505 mfa_tickets_token_hash_unique');
    expect(
      await sqlState(
        `insert into webauthn_challenges (challenge, purpose, expires_at) values ($1, 'sign-in', now())`,
        [challenge],
      ),
    ).toBe('23505 webauthn_challenges_challenge_unique');
    expect(
      await sqlState(`insert into user_totp (user_id, secret_ciphertext) values ($1, 'x')`, [owner]),
    ).toBe('23505 user_totp_pkey');
    expect(
      await sqlState(
        `insert into webauthn_challenges (challenge, purpose, expires_at) values ($1, 'login', now())`,
        [hex64()],
      ),
    ).toMatch(/^23514 /);
  });

  it('read back through the ORM with bigints as numbers and transports as an array', async () => {
    const userId = await insertUser(testOrm.pool);
    const em = testOrm.orm.em.fork();
    const user = em.getReference(UserSchema, userId);
    em.create(UserTotpSchema, { user, secretCiphertext: 'c2VjcmV0', lastUsedStep: 59_000_000 });
    em.create(PasskeySchema, {
      user,
      credentialId: randomBytes(16).toString('base64url'),
      publicKey: 'cHVibGlj',
      name: 'Laptop',
      counter: 2 ** 40,
      transports: ['internal', 'hybrid'],
    });
    await em.flush();

    const fresh = testOrm.orm.em.fork();
    const totp = await fresh.findOneOrFail(UserTotpSchema, { user: userId });
    expect(totp).toMatchObject({ lastUsedStep: 59_000_000, confirmedAt: null });
    const passkey = await fresh.findOneOrFail(PasskeySchema, { user: userId });
    expect(passkey).toMatchObject({ counter: 2 ** 40, transports: ['internal', 'hybrid'], backedUp: false });
  });
});

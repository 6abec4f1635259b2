import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { maintenanceQueries } from '../../src/queries/maintenance-queries.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertSession, insertUser } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let maintenance: ReturnType<typeof maintenanceQueries>;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  maintenance = maintenanceQueries(pool);
});
afterAll(() => testOrm.close());

beforeEach(async () => {
  await pool.query('delete from sessions');
  await pool.query('delete from user_tokens');
  await pool.query('delete from rate_limits');
  await pool.query('delete from deleted_tasks');
  await pool.query('delete from reminder_jobs');
  await pool.query('delete from daily_digests');
});

const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (deltaMs: number) => new Date(NOW.getTime() + deltaMs);

async function insertToken(userId: string, expiresAt: Date): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into user_tokens (user_id, purpose, token_hash, expires_at) values ($1, 'verify_email', $2, $3) returning id`,
    [userId, randomBytes(32).toString('hex'), expiresAt],
  );
  return (result.rows[0] as { id: string }).id;
}

async function insertLimit(expire: number | null): Promise<string> {
  const key = `login:${randomBytes(6).toString('hex')}`;
  await pool.query('insert into rate_limits (key, points, expire) values ($1, 1, $2)', [key, expire]);
  return key;
}

const remaining = async (table: string, column: string) =>
  (await pool.query<Record<string, string>>(`select ${column} from ${table} order by ${column}`)).rows.map(
    (row) => String(row[column]),
  );

describe('deleteExpired', () => {
  it('deletes sessions that expired at or before now, of every user, and counts them', async () => {
    const a = await insertUser(pool);
    const b = await insertUser(pool);
    await insertSession(pool, a, { expiresAt: at(-24 * 60 * 60 * 1000) });
    await insertSession(pool, b, { expiresAt: at(-1) });
    await insertSession(pool, a, { expiresAt: at(0) });
    const live = [
      await insertSession(pool, a, { expiresAt: at(1) }),
      await insertSession(pool, b, { expiresAt: at(60_000) }),
    ];
    const result = await maintenance.deleteExpired(NOW);
    expect(result.sessions).toBe(3);
    expect(await remaining('sessions', 'id')).toEqual([...live].sort());
  });

  it('deletes user tokens that expired at or before now, and counts them', async () => {
    const user = await insertUser(pool);
    await insertToken(user, at(-1000));
    await insertToken(user, at(0));
    const live = await insertToken(user, at(1));
    const result = await maintenance.deleteExpired(NOW);
    expect(result.tokens).toBe(2);
    expect(await remaining('user_tokens', 'id')).toEqual([live]);
  });

  it('deletes rate-limit rows whose expire (epoch milliseconds) is before now; keeps later and never-expiring ones', async () => {
    await insertLimit(NOW.getTime() - 60_000);
    await insertLimit(NOW.getTime() - 1);
    const kept = [
      await insertLimit(NOW.getTime() + 1),
      await insertLimit(NOW.getTime() + 60_000),
      await insertLimit(null),
    ];
    const result = await maintenance.deleteExpired(NOW);
    expect(result.limits).toBe(2);
    expect(await remaining('rate_limits', 'key')).toEqual([...kept].sort());
  });

  it('counts each kind separately and is zero when nothing has expired', async () => {
    const user = await insertUser(pool);
    await insertSession(pool, user, { expiresAt: at(-1) });
    await insertToken(user, at(-1));
    await insertToken(user, at(-2));
    for (let i = 0; i < 3; i += 1) await insertLimit(NOW.getTime() - 1 - i);
    expect(await maintenance.deleteExpired(NOW)).toEqual({
      sessions: 1,
      tokens: 2,
      limits: 3,
      deletedTasks: 0,
      changes: 0,
      reminderHistory: 0,
      signInSteps: 0,
    });
    expect(await maintenance.deleteExpired(NOW)).toEqual({
      sessions: 0,
      tokens: 0,
      limits: 0,
      deletedTasks: 0,
      changes: 0,
      reminderHistory: 0,
      signInSteps: 0,
    });
  });

  it('removes deleted tasks once they are a day old (past Undo), and only those', async () => {
    const user = await insertUser(pool);
    const keep = [randomUUID(), randomUUID()];
    const old = [randomUUID(), randomUUID()];
    const tombstone = (id: string, deletedAt: Date) =>
      pool.query(`insert into deleted_tasks (id, user_id, task, deleted_at) values ($1, $2, '{}', $3)`, [
        id,
        user,
        deletedAt,
      ]);
    await tombstone(keep[0] ?? '', at(-1));
    await tombstone(keep[1] ?? '', at(-DAY + 1));
    await tombstone(old[0] ?? '', at(-DAY));
    await tombstone(old[1] ?? '', at(-3 * DAY));
    expect((await maintenance.deleteExpired(NOW)).deletedTasks).toBe(2);
    expect(await remaining('deleted_tasks', 'id')).toEqual([...keep].sort());
  });

  it('removes reminders settled and digests claimed over 30 days ago, never a reminder still to send', async () => {
    const user = await insertUser(pool);
    const task = await pool.query<{ id: string }>(
      `insert into tasks (user_id, title) values ($1, 'Water plants') returning id`,
      [user],
    );
    const job = (index: number, fireAt: Date, status: string) =>
      pool.query(
        'insert into reminder_jobs (user_id, task_id, reminder_index, fire_at, status) values ($1, $2, $3, $4, $5)',
        [user, task.rows[0]?.id, index, fireAt, status],
      );
    await job(0, at(-31 * DAY), 'sent');
    await job(1, at(-31 * DAY), 'failed');
    await job(2, at(-31 * DAY), 'pending');
    await job(3, at(-29 * DAY), 'late');
    const digest = (localDate: string, claimedAt: Date) =>
      pool.query(
        `insert into daily_digests (user_id, local_date, status, claimed_at) values ($1, $2, 'sent', $3)`,
        [user, localDate, claimedAt],
      );
    await digest('2026-04-30', at(-32 * DAY));
    await digest('2026-05-31', at(-1 * DAY));
    expect((await maintenance.deleteExpired(NOW)).reminderHistory).toBe(3);
    const jobs = await pool.query('select reminder_index from reminder_jobs order by reminder_index');
    expect(jobs.rows).toEqual([{ reminder_index: 2 }, { reminder_index: 3 }]);
    const digests = await pool.query(`select to_char(local_date, 'YYYY-MM-DD') as day from daily_digests`);
    expect(digests.rows).toEqual([{ day: '2026-05-31' }]);
  });

  it('keeps the users whose sessions and tokens it deletes', async () => {
    const user = await insertUser(pool);
    await insertSession(pool, user, { expiresAt: at(-1) });
    await insertToken(user, at(-1));
    await maintenance.deleteExpired(NOW);
    expect((await pool.query('select 1 from users where id = $1', [user])).rowCount).toBe(1);
  });

  it('removes second-factor tickets and WebAuthn challenges once expired, and only those', async () => {
    const user = await insertUser(pool);
    const ticket = (hash: string, expiresAt: Date) =>
      pool.query(
        `insert into mfa_tickets (token_hash, user_id, client_hash, expires_at) values ($1, $2, 'c', $3)`,
        [hash, user, expiresAt],
      );
    const challenge = (value: string, expiresAt: Date) =>
      pool.query(
        `insert into webauthn_challenges (challenge, user_id, purpose, expires_at) values ($1, $2, 'sign-in', $3)`,
        [value, user, expiresAt],
      );
    await ticket('old', at(-1));
    await ticket('live', at(60_000));
    await challenge('old', at(-1));
    await challenge('live', at(60_000));
    expect((await maintenance.deleteExpired(NOW)).signInSteps).toBe(2);
    expect(await remaining('mfa_tickets', 'token_hash')).toEqual(['live']);
    expect(await remaining('webauthn_challenges', 'challenge')).toEqual(['live']);
  });
});

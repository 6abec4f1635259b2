import { createQueries } from '@taskapp/db/queries';
import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredRows } from '../src/ops/index.js';

let db: TestOrm;
beforeAll(async () => {
  db = await createTestOrm();
});
afterAll(() => db.close());

const deleteExpired = () => deleteExpiredRows(createQueries(db.pool));
const deleteExpiredSessions = async () => (await deleteExpired()).sessions;

const execute = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);

async function newUser(label: string): Promise<string> {
  const [row] = await execute<{ id: string }>(
    "INSERT INTO users (email, name, password_hash) VALUES (?, 'Cleanup', 'x') RETURNING id",
    [`${label}-${Math.random().toString(36).slice(2)}@example.com`],
  );
  if (!row) throw new Error('no user');
  return row.id;
}

/** Inserts a session expiring `offset` from now (a PostgreSQL interval) and returns its id. */
async function newSession(userId: string, offset: string): Promise<string> {
  const [row] = await execute<{ id: string }>(
    `INSERT INTO sessions (user_id, token_hash, expires_at)
     VALUES (?, md5(random()::text) || md5(random()::text), now() + ?::interval) RETURNING id`,
    [userId, offset],
  );
  if (!row) throw new Error('no session');
  return row.id;
}

const sessionIds = async (userId: string) =>
  (await execute<{ id: string }>('SELECT id FROM sessions WHERE user_id = ? ORDER BY id', [userId])).map(
    (row) => row.id,
  );

describe('expired session cleanup', () => {
  it('deletes only sessions past their expiry', async () => {
    const userId = await newUser('sessions');
    const expired = [await newSession(userId, '-1 day'), await newSession(userId, '-1 second')];
    const live = [await newSession(userId, '1 minute'), await newSession(userId, '30 days')];
    await execute(
      `INSERT INTO rotated_refresh_tokens (token_hash, session_id) VALUES (md5(random()::text), ?), (md5(random()::text), ?)`,
      [expired[0], live[0]],
    );

    expect(await deleteExpiredSessions()).toBe(2);
    expect(await sessionIds(userId)).toEqual([...live].sort());
    // Rotated-token rows go with their session, and only with it.
    const rotated = await execute<{ session_id: string }>('SELECT session_id FROM rotated_refresh_tokens');
    expect(rotated.map((row) => row.session_id)).toEqual([live[0]]);
    expect(await deleteExpiredSessions()).toBe(0);
  });

  it('also removes expired mailed tokens and rate-limit counters, and nothing live', async () => {
    const userId = await newUser('rows');
    const expired = await newSession(userId, '-1 hour');
    const live = await newSession(userId, '1 hour');
    await execute(
      `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at) VALUES
       (?, 'verify_email', md5('old'), now() - interval '1 minute'),
       (?, 'reset_password', md5('new'), now() + interval '1 hour')`,
      [userId, userId],
    );
    await execute('INSERT INTO rate_limits (key, points, expire) VALUES (?, 3, ?), (?, 3, ?)', [
      'cleanup:old',
      Date.now() - 1_000,
      'cleanup:new',
      Date.now() + 60_000,
    ]);

    const removed = await deleteExpired();
    expect(removed).toEqual({
      sessions: 1,
      tokens: 1,
      limits: 1,
      deletedTasks: 0,
      changes: 0,
      reminderHistory: 0,
      signInSteps: 0,
    });
    expect(await sessionIds(userId)).toEqual([live]);
    expect(await sessionIds(userId)).not.toContain(expired);
    expect(await execute('SELECT purpose FROM user_tokens WHERE user_id = ?', [userId])).toEqual([
      { purpose: 'reset_password' },
    ]);
    expect(await execute("SELECT key FROM rate_limits WHERE key LIKE 'cleanup:%'")).toEqual([
      { key: 'cleanup:new' },
    ]);
  });

  it('the cleanup DELETE uses sessions_expires_at_idx', async () => {
    const plan = await db.orm.em.fork().transactional(async (em) => {
      await em.execute('SET LOCAL enable_seqscan = off');
      return em.execute<{ 'QUERY PLAN': string }[]>('EXPLAIN DELETE FROM sessions WHERE expires_at <= now()');
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('sessions_expires_at_idx');
  });

  it('the planner picks sessions_expires_at_idx on its own once the table is large and mostly live', async () => {
    const userId = await newUser('bulk');
    await execute(
      `INSERT INTO sessions (user_id, token_hash, expires_at)
       SELECT ?, md5(g::text || 'bulk'), now() + (g || ' minutes')::interval FROM generate_series(1, 5000) g`,
      [userId],
    );
    await execute(
      `INSERT INTO sessions (user_id, token_hash, expires_at)
       SELECT ?, md5(g::text || 'old'), now() - (g || ' minutes')::interval FROM generate_series(1, 20) g`,
      [userId],
    );
    await execute('ANALYZE sessions');
    const plan = await execute<{ 'QUERY PLAN': string }>(
      'EXPLAIN DELETE FROM sessions WHERE expires_at <= now()',
    );
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index.*sessions_expires_at_idx/);
    expect(await deleteExpiredSessions()).toBe(20);
    expect((await sessionIds(userId)).length).toBe(5000);
  });
});

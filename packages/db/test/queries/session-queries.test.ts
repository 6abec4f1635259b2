import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionQueries } from '../../src/queries/session-queries.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertSession, insertUser } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let sessions: ReturnType<typeof sessionQueries>;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  sessions = sessionQueries(pool);
});
afterAll(() => testOrm.close());

const HOUR = 60 * 60 * 1000;
const LAST_USED = new Date('2026-01-02T03:04:05.678Z');
const inAnHour = () => new Date(Date.now() + HOUR);

async function lastUsedAt(sessionId: string): Promise<Date> {
  const result = await pool.query<{ last_used_at: Date }>('select last_used_at from sessions where id = $1', [
    sessionId,
  ]);
  return (result.rows[0] as { last_used_at: Date }).last_used_at;
}

describe('findLive', () => {
  it('returns last_used_at of the owner’s live session', async () => {
    const owner = await insertUser(pool);
    const session = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect((await sessions.findLive(owner, session))?.lastUsedAt).toEqual(LAST_USED);
  });

  it('returns undefined once the session has expired', async () => {
    const owner = await insertUser(pool);
    const expired = await insertSession(pool, owner, {
      expiresAt: new Date(Date.now() - 1000),
      lastUsedAt: LAST_USED,
    });
    expect(await sessions.findLive(owner, expired)).toBeUndefined();
  });

  it('returns undefined when the session’s user is inactive', async () => {
    const inactive = await insertUser(pool, { isActive: false });
    const session = await insertSession(pool, inactive, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect(await sessions.findLive(inactive, session)).toBeUndefined();
  });

  it('returns undefined for another user’s session', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const theirs = await insertSession(pool, other, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect(await sessions.findLive(owner, theirs)).toBeUndefined();
    expect((await sessions.findLive(other, theirs))?.lastUsedAt).toEqual(LAST_USED);
  });

  it('returns undefined for an unknown session', async () => {
    expect(await sessions.findLive(await insertUser(pool), randomUUID())).toBeUndefined();
  });
});

describe('touch', () => {
  it('sets last_used_at of the owner’s session to the database’s now', async () => {
    const owner = await insertUser(pool);
    const session = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    const before = Date.now();
    await sessions.touch(owner, session);
    const touched = (await lastUsedAt(session)).getTime();
    // The database clock, so allow a little skew against this process's clock.
    expect(touched).toBeGreaterThan(before - 5_000);
    expect(touched).toBeLessThan(Date.now() + 5_000);
  });

  it('leaves another user’s session, and the owner’s other sessions, untouched', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const theirs = await insertSession(pool, other, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    const mine = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    const myOther = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    await sessions.touch(owner, theirs);
    expect(await lastUsedAt(theirs)).toEqual(LAST_USED);
    await sessions.touch(owner, mine);
    expect(await lastUsedAt(mine)).not.toEqual(LAST_USED);
    expect(await lastUsedAt(myOther)).toEqual(LAST_USED);
    expect(await lastUsedAt(theirs)).toEqual(LAST_USED);
  });
});

describe('deleteBeyondNewest', () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  async function sessionIdsOf(userId: string): Promise<string[]> {
    const result = await pool.query<{ id: string }>('select id from sessions where user_id = $1', [userId]);
    return result.rows.map((row) => row.id).sort();
  }

  it('keeps the new session and the most recently used others up to the limit, deleting the rest', async () => {
    const owner = await insertUser(pool);
    // Used 1..5 minutes ago; the new session is arranged as the least recently used to show it is kept anyway.
    const used = [];
    for (const minutes of [1, 2, 3, 4, 5]) {
      used.push(await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(minutes) }));
    }
    const fresh = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(60) });
    expect(await sessions.deleteBeyondNewest(owner, fresh, 3)).toBe(3);
    expect(await sessionIdsOf(owner)).toEqual([fresh, used[0], used[1]].sort());
  });

  it('deletes nothing at or under the limit', async () => {
    const owner = await insertUser(pool);
    const ids = [
      await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(2) }),
      await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(1) }),
    ];
    expect(await sessions.deleteBeyondNewest(owner, ids[1] as string, 2)).toBe(0);
    expect(await sessions.deleteBeyondNewest(owner, ids[1] as string, 50)).toBe(0);
    expect(await sessionIdsOf(owner)).toEqual([...ids].sort());
  });

  it('counts only live sessions and deletes the owner’s expired ones', async () => {
    const owner = await insertUser(pool);
    const expired = await insertSession(pool, owner, { expiresAt: minutesAgo(1), lastUsedAt: minutesAgo(2) });
    const live = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(30) });
    const fresh = await insertSession(pool, owner, { expiresAt: inAnHour() });
    expect(await sessions.deleteBeyondNewest(owner, fresh, 2)).toBe(1);
    expect(await sessionIdsOf(owner)).toEqual([live, fresh].sort());
    expect(await sessionIdsOf(owner)).not.toContain(expired);
  });

  it('breaks ties in last use by the later sign-in', async () => {
    const owner = await insertUser(pool);
    const older = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    const newer = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    await pool.query(`update sessions set created_at = now() - interval '1 day' where id = $1`, [older]);
    const fresh = await insertSession(pool, owner, { expiresAt: inAnHour() });
    expect(await sessions.deleteBeyondNewest(owner, fresh, 2)).toBe(1);
    expect(await sessionIdsOf(owner)).toEqual([newer, fresh].sort());
  });

  it('leaves other users’ sessions alone', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const theirs = [
      await insertSession(pool, other, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(10) }),
      await insertSession(pool, other, { expiresAt: minutesAgo(1), lastUsedAt: minutesAgo(20) }),
    ];
    await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: minutesAgo(5) });
    const fresh = await insertSession(pool, owner, { expiresAt: inAnHour() });
    expect(await sessions.deleteBeyondNewest(owner, fresh, 1)).toBe(1);
    expect(await sessionIdsOf(owner)).toEqual([fresh]);
    expect(await sessionIdsOf(other)).toEqual([...theirs].sort());
  });

  it('reads the owner’s sessions through an index that starts with user_id', async () => {
    const owner = await insertUser(pool);
    const fresh = await insertSession(pool, owner, { expiresAt: inAnHour() });
    const client = await pool.connect();
    try {
      await client.query('begin');
      // A tiny table would be read whole anyway; this asks whether an index serves the statement.
      await client.query('set local enable_seqscan = off');
      const plans: string[] = [];
      const explain = {
        async query(statement: { text: string; values: unknown[] }) {
          const result = await client.query<{ 'QUERY PLAN': string }>({
            text: `explain ${statement.text}`,
            values: statement.values,
          });
          plans.push(result.rows.map((row) => row['QUERY PLAN']).join('\n'));
          return { rows: [], rowCount: 0 };
        },
      };
      await sessionQueries(explain).deleteBeyondNewest(owner, fresh, 50);
      await client.query('rollback');
      expect(plans).toHaveLength(1);
      expect(plans[0]).toContain('sessions_user_id_idx');
      expect(plans[0]).not.toMatch(/Seq Scan/);
    } finally {
      client.release();
    }
  });
});

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

describe('lastUsedAtOfLive', () => {
  it('returns last_used_at of the owner’s live session', async () => {
    const owner = await insertUser(pool);
    const session = await insertSession(pool, owner, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect(await sessions.lastUsedAtOfLive(owner, session)).toEqual(LAST_USED);
  });

  it('returns undefined once the session has expired', async () => {
    const owner = await insertUser(pool);
    const expired = await insertSession(pool, owner, {
      expiresAt: new Date(Date.now() - 1000),
      lastUsedAt: LAST_USED,
    });
    expect(await sessions.lastUsedAtOfLive(owner, expired)).toBeUndefined();
  });

  it('returns undefined when the session’s user is inactive', async () => {
    const inactive = await insertUser(pool, { isActive: false });
    const session = await insertSession(pool, inactive, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect(await sessions.lastUsedAtOfLive(inactive, session)).toBeUndefined();
  });

  it('returns undefined for another user’s session', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const theirs = await insertSession(pool, other, { expiresAt: inAnHour(), lastUsedAt: LAST_USED });
    expect(await sessions.lastUsedAtOfLive(owner, theirs)).toBeUndefined();
    expect(await sessions.lastUsedAtOfLive(other, theirs)).toEqual(LAST_USED);
  });

  it('returns undefined for an unknown session', async () => {
    expect(await sessions.lastUsedAtOfLive(await insertUser(pool), randomUUID())).toBeUndefined();
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

import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireAdvisoryLock,
  advisoryTransactionLock,
  releaseAdvisoryLock,
  tryAdvisoryLock,
} from '../../src/queries/advisory-locks.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

// Two connections of their own, so each holds its locks in its own session.
let database: TestDatabase;
let first: pg.Client;
let second: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  first = new pg.Client({ connectionString: database.url });
  second = new pg.Client({ connectionString: database.url });
  await first.connect();
  await second.connect();
});
afterAll(async () => {
  await first.end();
  await second.end();
  await database.drop();
});
afterEach(async () => {
  await first.query('select pg_advisory_unlock_all()');
  await second.query('select pg_advisory_unlock_all()');
});

let nextKey = 7_000_000 + Math.floor(Math.random() * 1_000_000);
const freshKey = () => nextKey++;

/** Whether a promise is still pending after the event loop (and a round trip) had a chance to settle it. */
async function isPending(promise: Promise<unknown>, waitMs = 200): Promise<boolean> {
  const marker = Symbol('pending');
  const winner = await Promise.race([
    promise,
    new Promise((resolve) => setTimeout(() => resolve(marker), waitMs)),
  ]);
  return winner === marker;
}

describe('advisory locks', () => {
  it('tryAdvisoryLock fails while another connection holds the lock, and succeeds after release', async () => {
    const key = freshKey();
    expect(await tryAdvisoryLock(first, key)).toBe(true);
    expect(await tryAdvisoryLock(second, key)).toBe(false);
    await releaseAdvisoryLock(first, key);
    expect(await tryAdvisoryLock(second, key)).toBe(true);
    expect(await tryAdvisoryLock(first, key)).toBe(false);
  });

  it('locks with different keys do not block each other', async () => {
    const key = freshKey();
    expect(await tryAdvisoryLock(first, key)).toBe(true);
    expect(await tryAdvisoryLock(second, freshKey())).toBe(true);
  });

  it('acquireAdvisoryLock waits until the holder releases the lock', async () => {
    const key = freshKey();
    await acquireAdvisoryLock(first, key);
    const waiting = acquireAdvisoryLock(second, key);
    expect(await isPending(waiting)).toBe(true);
    await releaseAdvisoryLock(first, key);
    await waiting;
    expect(await tryAdvisoryLock(first, key)).toBe(false);
  });

  it('a closed connection frees the locks it held', async () => {
    const key = freshKey();
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    expect(await tryAdvisoryLock(holder, key)).toBe(true);
    expect(await tryAdvisoryLock(first, key)).toBe(false);
    await holder.end();
    // The server frees them when it notices the session ended; poll briefly.
    let taken = false;
    for (let i = 0; i < 50 && !taken; i += 1) {
      taken = await tryAdvisoryLock(first, key);
      if (!taken) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(taken).toBe(true);
  });

  it('advisoryTransactionLock holds the lock until COMMIT', async () => {
    const key = freshKey();
    await first.query('begin');
    try {
      await advisoryTransactionLock(first, key);
      expect(await tryAdvisoryLock(second, key)).toBe(false);
      await first.query('select 1');
      expect(await tryAdvisoryLock(second, key)).toBe(false);
    } finally {
      await first.query('commit');
    }
    expect(await tryAdvisoryLock(second, key)).toBe(true);
  });

  it('advisoryTransactionLock is released at ROLLBACK too', async () => {
    const key = freshKey();
    await first.query('begin');
    await advisoryTransactionLock(first, key);
    expect(await tryAdvisoryLock(second, key)).toBe(false);
    await first.query('rollback');
    expect(await tryAdvisoryLock(second, key)).toBe(true);
  });

  it('advisoryTransactionLock waits for a session lock held elsewhere', async () => {
    const key = freshKey();
    expect(await tryAdvisoryLock(first, key)).toBe(true);
    await second.query('begin');
    try {
      const waiting = advisoryTransactionLock(second, key);
      expect(await isPending(waiting)).toBe(true);
      await releaseAdvisoryLock(first, key);
      await waiting;
      expect(await tryAdvisoryLock(first, key)).toBe(false);
    } finally {
      await second.query('commit');
    }
    expect(await tryAdvisoryLock(first, key)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  committedWalPosition,
  parseLsn,
  primaryWalPosition,
  replayedWalPosition,
} from '../../src/queries/replication-queries.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';

// On a real standby these run in apps/api's `pnpm test:replica`; here, on a primary.
let testOrm: TestOrm;

beforeAll(async () => {
  testOrm = await createTestOrm();
});
afterAll(() => testOrm.close());

describe('parseLsn', () => {
  it('reads both halves as hexadecimal, the high one worth 2^32', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/3000028')).toBe(0x3000028n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('FFFFFFFF/FFFFFFFF')).toBe(2n ** 64n - 1n);
  });

  it('orders positions as PostgreSQL does', () => {
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '0/', 'x/1', '1/2/3', '123456789/0']) {
      expect(() => parseLsn(text), text).toThrow('not a WAL position');
    }
  });
});

describe('WAL positions on a primary', () => {
  it('the insert position moves past a commit, and is never behind the flushed one', async () => {
    const before = await committedWalPosition(testOrm.pool);
    // Any committed write: a temporary table's catalog rows are WAL-logged.
    await testOrm.pool.query('create temporary table "wal_probe" (x int); drop table "wal_probe"');
    const after = await primaryWalPosition(testOrm.pool);
    expect(after.inserted).toBeGreaterThan(before);
    expect(after.inserted).toBeGreaterThanOrEqual(after.flushed);
  });

  it('a primary has replayed nothing: it is not a standby', async () => {
    expect(await replayedWalPosition(testOrm.pool)).toBeNull();
  });
});

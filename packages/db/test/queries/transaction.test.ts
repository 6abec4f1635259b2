import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/queries/transaction.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await pool.query('create table "notes" ("text" text not null)');
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const noteCount = async () => Number((await pool.query('select count(*) from "notes"')).rows[0].count);

describe('inTransaction on a pool', () => {
  it('commits every statement of the work together', async () => {
    await inTransaction(pool, async (tx) => {
      await tx.query({ text: `insert into "notes" values ('one')`, values: [] });
      await tx.query({ text: `insert into "notes" values ('two')`, values: [] });
    });
    expect(await noteCount()).toBe(2);
  });

  it('rolls every statement back when the work fails, and gives the connection back', async () => {
    const before = await noteCount();
    await expect(
      inTransaction(pool, async (tx) => {
        await tx.query({ text: `insert into "notes" values ('three')`, values: [] });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await noteCount()).toBe(before);
    expect(pool.idleCount + pool.waitingCount).toBe(pool.totalCount);
  });

  it('opens the transaction with the settings it is given (read only, a local statement timeout)', async () => {
    const begin = 'begin read only; set local statement_timeout = 1234';
    const timeout = await inTransaction(
      pool,
      async (tx) => (await tx.query({ text: 'show statement_timeout', values: [] })).rows[0],
      begin,
    );
    expect(timeout).toEqual({ statement_timeout: '1234ms' });
    await expect(
      inTransaction(
        pool,
        (tx) => tx.query({ text: `insert into "notes" values ('four')`, values: [] }),
        begin,
      ),
    ).rejects.toThrow(/read-only transaction/);
    // Local settings end with the transaction: the connection goes back to the pool as it was.
    expect((await pool.query('show statement_timeout')).rows[0]).not.toEqual({ statement_timeout: '1234ms' });
  });
});

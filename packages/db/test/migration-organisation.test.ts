import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyBetween } from '../src/queries/order-keys.js';
import { createTestOrm, type TestOrm } from '../src/testing/index.js';

let testOrm: TestOrm;

beforeAll(async () => {
  testOrm = await createTestOrm();
});
afterAll(() => testOrm.close());

const BEFORE_ORGANISATION = 'Migration20261129094500_task_limit';

describe('migration organisation on existing rows', () => {
  it("keeps every task in its owner's Inbox, in a manual order that is the newest-first order people saw", async () => {
    const { orm } = testOrm;
    const sql = <Row>(text: string, params: unknown[] = []) =>
      orm.em.getConnection().execute<Row[]>(text, params);
    await orm.migrator.down({ to: BEFORE_ORGANISATION });
    const owners: string[] = [];
    for (const email of ['first@example.test', 'second@example.test']) {
      const [user] = await sql<{ id: string }>(
        "insert into users (email, name, password_hash) values (?, 'Old', 'x') returning id",
        [email],
      );
      owners.push(user?.id as string);
    }
    // 70 tasks for the first owner (past one base-62 digit), 3 for the second, created a minute apart.
    for (const [owner, count] of [
      [owners[0], 70],
      [owners[1], 3],
    ] as const) {
      await sql(
        `insert into tasks (user_id, title, created_at)
         select ?, 'Task ' || n, timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute'
         from generate_series(1, ?) as n`,
        [owner, count],
      );
    }

    await orm.migrator.up();

    for (const [owner, count] of [
      [owners[0], 70],
      [owners[1], 3],
    ] as const) {
      const rows = await sql<{ title: string; position: string; project_id: null; parent_id: null }>(
        `select title, position, project_id, parent_id from tasks where user_id = ?
         order by position collate "C", id`,
        [owner],
      );
      expect(rows.map((row) => row.title)).toEqual(
        Array.from({ length: count }, (_, i) => `Task ${count - i}`),
      );
      expect(rows.every((row) => row.project_id === null && row.parent_id === null)).toBe(true);
      // The keys are valid fractional-indexing keys: a move between two neighbours works.
      const [a, b] = [rows[0]?.position as string, rows[1]?.position as string];
      const between = keyBetween(a, b);
      expect(a < between && between < b).toBe(true);
    }
  });
});

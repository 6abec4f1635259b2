import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrm, type TestOrm } from '../src/testing/index.js';

let testOrm: TestOrm;

beforeAll(async () => {
  testOrm = await createTestOrm();
});
afterAll(() => testOrm.close());

const BEFORE_ALL_DAY = 'Migration20261127130039_task_list_indexes';

describe('migration all_day_and_settings on existing rows', () => {
  it('leaves every existing task timed with its due date unchanged (no zone was stored to tell a local midnight)', async () => {
    const { orm } = testOrm;
    const sql = <Row>(text: string, params: unknown[] = []) =>
      orm.em.getConnection().execute<Row[]>(text, params);
    await orm.migrator.down({ to: BEFORE_ALL_DAY });
    const [user] = await sql<{ id: string }>(
      "insert into users (email, name, password_hash) values ('old@example.test', 'Old', 'x') returning id",
    );
    const dues = ['2026-03-01T00:00:00.000Z', '2026-03-01T23:00:00.000Z', '2026-03-02T09:30:00.000Z', null];
    for (const due of dues) {
      await sql('insert into tasks (user_id, title, due_date) values (?, ?, ?)', [
        user?.id,
        `Due ${due}`,
        due,
      ]);
    }

    await orm.migrator.up();

    const rows = await sql<{ due: string | null; all_day: boolean }>(
      `select to_char(due_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due, all_day
       from tasks order by due_date nulls last`,
    );
    expect(rows).toEqual(dues.map((due) => ({ due, all_day: false })));
    expect(await sql('select * from user_settings')).toEqual([]);
  });
});

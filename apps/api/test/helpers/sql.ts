import { type MikroORM, openOrm } from '@taskapp/db';
import type { TestDatabase } from '@taskapp/db/testing';

/**
 * Direct SQL on a test database, for arranging rows and checking what was stored independently of the
 * code under test. `?` marks a parameter.
 */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

/** The query/run pair over an ORM's connection. */
export function sqlOn(orm: MikroORM): Sql {
  const connection = () => orm.em.getConnection();
  return {
    query: <T>(sql: string, params: unknown[] = []) => connection().execute<T[]>(sql, params, 'all'),
    run: async (sql, params = []) =>
      (await connection().execute<{ affectedRows: number }>(sql, params, 'run')).affectedRows,
  };
}

export type OpenSql = Sql & { orm: MikroORM; close(): Promise<void> };

/** SQL on another process's database (a server started by the test), with a small pool of its own. */
export async function openSql(database: Pick<TestDatabase, 'settings'>): Promise<OpenSql> {
  const orm = await openOrm({ ...database.settings, poolMax: 2 });
  return { ...sqlOn(orm), orm, close: () => orm.close() };
}

/** Every row of every table in the public schema as JSON text, for "this secret is stored nowhere" checks. */
export async function dumpAllRows(sql: Sql): Promise<{ table: string; json: string }[]> {
  const tables = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const rows: { table: string; json: string }[] = [];
  for (const { table_name: table } of tables) {
    const found = await sql.query<{ json: string }>(`SELECT row_to_json(t)::text AS json FROM "${table}" t`);
    for (const row of found) rows.push({ table, json: row.json });
  }
  return rows;
}

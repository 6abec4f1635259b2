import type { Sql } from '@taskapp/db';
import type pg from 'pg';

/**
 * The db package's lean queries (listTasks, taskStats) take a `Sql` function: the baseline hands them
 * plain pg, so it runs exactly the statements and bind parameters the API sends.
 */
export function poolRunner(pool: pg.Pool): Sql {
  return async <Row>(text: string, values: readonly unknown[] = []) =>
    (await pool.query(text, [...values])).rows as Row[];
}

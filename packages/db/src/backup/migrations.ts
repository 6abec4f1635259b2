import type { Query } from './tables.js';

// MIGRATIONS_TABLE of config.ts (a test checks they agree). Not imported from there: config.ts loads
// MikroORM, which a backup does not need, and the backup process should stay small.
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** The name of the newest migration applied to the database. */
export async function latestAppliedMigration(query: Query): Promise<string> {
  const [exists] = await query(`SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS present`);
  const rows = exists?.present
    ? await query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id DESC LIMIT 1`)
    : [];
  const name = rows[0]?.name;
  if (typeof name !== 'string') {
    throw new Error('The database has no migrations applied: run pnpm db:migrate before backing it up.');
  }
  return name.replace(/\.[jt]s$/, '');
}

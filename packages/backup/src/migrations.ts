import type { Queryable } from '@taskapp/db/connection';
import { latestMigrationName } from '@taskapp/db/queries';

/** The name of the newest migration applied to the database, as the migrations list names it. */
export async function latestAppliedMigration(db: Queryable): Promise<string> {
  const name = await latestMigrationName(db);
  if (name === undefined) {
    throw new Error('The database has no migrations applied: run pnpm db:migrate before backing it up.');
  }
  return name.replace(/\.[jt]s$/, '');
}

import type { TestProject } from 'vitest/node';
import { databaseEnvSchema } from '../database-env.js';
import { type RunningPostgres, startThrowawayPostgres } from '../embedded.js';
import { databaseSettings, migrateToLatest, openOrm } from '../orm.js';
import { createDatabase, dropDatabasesStartingWith } from '../queries/admin-queries.js';

export interface TestDatabaseServer {
  /** Any database on the server; used to create and drop the per-file databases. */
  serverUrl: string;
  /** A migrated database that every test file's database is cloned from. */
  template: string;
  /** Prefix of the databases this run creates, so teardown can find them all. */
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    taskappTestDatabase: TestDatabaseServer;
  }
}

/**
 * Vitest global setup: a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL when set, otherwise a
 * throwaway embedded one) with a freshly migrated template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const embedded: RunningPostgres | undefined = externalUrl ? undefined : await startThrowawayPostgres();
  const serverUrl = externalUrl ?? embedded?.url ?? '';
  const prefix = `taskapp_t${process.pid.toString(36)}${Date.now().toString(36)}_`;
  const template = `${prefix}template`;

  const templateUrl = await createDatabase(serverUrl, template);
  const env = databaseEnvSchema.parse({});
  const orm = await openOrm({ ...databaseSettings(env, templateUrl), poolMax: 2 });
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close();
  }

  project.provide('taskappTestDatabase', { serverUrl, template, prefix });
  return async () => {
    await dropDatabasesStartingWith(serverUrl, prefix).catch((error: unknown) => {
      console.warn(`Could not drop the test databases: ${String(error)}`);
    });
    await embedded?.stop();
  };
}

import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import type { DatabaseSettings } from '../config.js';
import { databaseEnvSchema } from '../database-env.js';
import { databaseSettings, openOrm } from '../orm.js';
import { dropDatabase, withAdminClient } from './admin-client.js';

export interface TestDatabase {
  name: string;
  url: string;
  settings: DatabaseSettings;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A new, migrated, empty database of its own, cloned from the run's template (milliseconds). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, prefix } = inject('taskappTestDatabase');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const settings = { ...databaseSettings(databaseEnvSchema.parse({}), url.toString()), poolMax: 4 };
  return {
    name,
    url: url.toString(),
    settings,
    drop: () => dropDatabase(serverUrl, name).then(() => undefined),
  };
}

export interface TestOrm {
  orm: MikroORM;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A test database with an ORM connected to it; call close() in afterAll. */
export async function createTestOrm(): Promise<TestOrm> {
  const database = await createTestDatabase();
  const orm = await openOrm(database.settings);
  return {
    orm,
    database,
    async close() {
      await orm.close();
      await database.drop();
    },
  };
}

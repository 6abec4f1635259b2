import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseSettings } from '../config.js';
import { databaseEnvSchema } from '../database-env.js';
import { databaseSettings, openOrm } from '../orm.js';
import { createPool } from '../pg.js';
import { createDatabase, dropDatabase } from '../queries/admin-queries.js';

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
  const url = await createDatabase(serverUrl, name, { template });
  const settings = { ...databaseSettings(databaseEnvSchema.parse({}), url), poolMax: 4 };
  return { name, url, settings, drop: () => dropDatabase(serverUrl, name) };
}

export interface TestOrm {
  orm: MikroORM;
  /** The app's own pool on the same database, as the API holds it beside the ORM. */
  pool: pg.Pool;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The one way tests open a database: a test database with the ORM and a pool on it; call close() in afterAll. */
export async function createTestOrm(): Promise<TestOrm> {
  const database = await createTestDatabase();
  const orm = await openOrm(database.settings);
  const pool = createPool(database.settings);
  return {
    orm,
    pool,
    database,
    async close() {
      await pool.end();
      await orm.close();
      await database.drop();
    },
  };
}

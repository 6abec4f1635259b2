import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createOrmConfig, type DatabaseSettings } from './config.js';
import type { DatabaseEnv } from './database-env.js';
import { MIGRATION_LOCK_KEY } from './lock-keys.js';

export function databaseSettings(env: DatabaseEnv, url: string): DatabaseSettings {
  return {
    url,
    poolMax: env.DATABASE_POOL_MAX,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

export function openOrm(settings: DatabaseSettings): Promise<MikroORM> {
  return MikroORM.init(createOrmConfig(settings));
}

/**
 * Applies pending migrations. Several instances starting at once take turns on an advisory lock,
 * so each migration runs exactly once.
 */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** True when the entities describe a schema that the migrations do not create (read from the live database). */
export function hasSchemaDrift(orm: MikroORM): Promise<boolean> {
  return orm.migrator.checkMigrationNeeded();
}

/** Whether the database answers a trivial query within the time given. */
export async function isDatabaseReachable(em: EntityManager, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = em
    .getConnection()
    .execute('SELECT 1')
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

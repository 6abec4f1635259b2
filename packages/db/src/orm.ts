import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig, type DatabaseSettings } from './config.js';
import type { DatabaseEnv } from './database-env.js';
import { MIGRATION_LOCK_KEY } from './names.js';
import { withClient } from './pg.js';
import { acquireAdvisoryLock, releaseAdvisoryLock } from './queries/advisory-locks.js';

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
export function migrateToLatest(orm: MikroORM): Promise<string[]> {
  return withClient(orm.config.get('clientUrl'), async (lock) => {
    await acquireAdvisoryLock(lock, MIGRATION_LOCK_KEY);
    try {
      const applied = await orm.migrator.up();
      return applied.map((migration) => migration.name);
    } finally {
      await releaseAdvisoryLock(lock, MIGRATION_LOCK_KEY).catch(() => undefined);
    }
  });
}

/**
 * Opens the ORM on the database, applies pending migrations, runs `work`, and closes the ORM whatever
 * happens: the shape of every command that needs a migrated database.
 */
export async function withMigratedOrm<T>(
  settings: DatabaseSettings,
  work: (orm: MikroORM) => Promise<T>,
): Promise<T> {
  const orm = await openOrm(settings);
  try {
    await migrateToLatest(orm);
    return await work(orm);
  } finally {
    await orm.close();
  }
}

/** True when the entities describe a schema that the migrations do not create (read from the live database). */
export function hasSchemaDrift(orm: MikroORM): Promise<boolean> {
  return orm.migrator.checkMigrationNeeded();
}

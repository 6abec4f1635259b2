import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';
import { MIGRATIONS_TABLE } from './names.js';

export interface DatabaseSettings {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/** The folder migrations are created in. Resolves to src/ under tsx and vitest, dist/ when built. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export function createOrmConfig(settings: DatabaseSettings): Options {
  return defineConfig({
    entities,
    clientUrl: settings.url,
    pool: { min: 0, max: settings.poolMax },
    driverOptions: {
      connection: {
        // MikroORM reads only host, port, user, password and database from the URL; handing pg the
        // whole URL keeps sslmode and friends, so a Neon URL with sslmode=require uses TLS.
        connectionString: settings.url,
        connectionTimeoutMillis: settings.connectTimeoutMs,
        statement_timeout: settings.statementTimeoutMs,
        application_name: 'taskapp',
      },
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: {
      tableName: MIGRATIONS_TABLE,
      path: migrationsFolder,
      pathTs: migrationsFolder,
      // Listed statically so migrations load the same way from source, tests and the built bundle.
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    // Migrations are imported statically (above); this keeps any remaining dynamic import native under tsx/vitest.
    dynamicImportProvider: (id: string) => import(id),
  });
}

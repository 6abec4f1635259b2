// The part of @taskapp/db that loads no MikroORM: the environment, where the database is (DATABASE_URL
// or the embedded server), plain pg connections and the fixed names. For processes that must stay small:
// `pnpm db:backup` streams any amount of data in about 170 MB, and loading MikroORM adds some 70 MB to that.
export { type DatabaseEnv, databaseEnvSchema, parseEnv } from './database-env.js';
export { findRepoRoot, type ProvidedDatabase, provideDatabase, resolveDataDir } from './local-database.js';
export { BACKUP_LOCK_KEY, MIGRATION_LOCK_KEY, MIGRATIONS_TABLE } from './names.js';
export { databaseName, databaseUrl, type Queryable, withClient } from './pg.js';

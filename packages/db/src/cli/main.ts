import { parseArgs } from 'node:util';
import { type DatabaseEnv, databaseEnvSchema, parseEnv } from '../database-env.js';
import { provideDatabase } from '../local-database.js';
import { databaseName, databaseUrl } from '../pg.js';
import { createDatabaseIfMissing } from '../queries/admin-queries.js';

const USAGE = `Usage: taskapp-db <command>
  migrate                     apply pending migrations
  status                      list applied and pending migrations
  migration:create [--name N] [--blank]
                              write a migration for the difference between the entities and the schema
  migration:check             exit 1 when the entities and the migrated schema differ
  create-database             create the database named in DATABASE_URL if it does not exist
  with-database -- <command>  run a command with DATABASE_URL pointing at a migrated database`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const env = parseEnv(databaseEnvSchema, process.env);
  const { runWithDatabase } = await import('./with-database.js');
  if (command === 'with-database') return runWithDatabase(env, rest[0] === '--' ? rest.slice(1) : rest);
  if (command === 'create-database') return createConfiguredDatabase(env);
  if (!command || !['migrate', 'status', 'migration:create', 'migration:check'].includes(command)) {
    console.error(USAGE);
    return command ? 2 : 0;
  }

  const { databaseSettings, hasSchemaDrift, migrateToLatest, openOrm } = await import('../orm.js');
  const { writeMigrationsIndex } = await import('./migrations-index.js');
  const database = await provideDatabase(env);
  const orm = await openOrm(databaseSettings(env, database.url));
  try {
    if (command === 'migrate') {
      const applied = await migrateToLatest(orm);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The schema is up to date.');
    } else if (command === 'status') {
      const executed = await orm.migrator.getExecutedMigrations();
      const pending = await orm.migrator.getPendingMigrations();
      for (const migration of executed)
        console.log(`applied  ${migration.name}  ${migration.executed_at.toISOString()}`);
      for (const migration of pending) console.log(`pending  ${migration.name}`);
      console.log(`${executed.length} applied, ${pending.length} pending`);
    } else if (command === 'migration:create') {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, blank: { type: 'boolean', default: false } },
      });
      await migrateToLatest(orm);
      const result = await orm.migrator.createMigration(undefined, values.blank, false, values.name);
      if (!result.fileName) {
        console.log('No changes: the entities match the schema.');
      } else {
        await writeMigrationsIndex();
        console.log(`Created src/migrations/${result.fileName}; review it, then run pnpm db:migrate.`);
      }
    } else if (command === 'migration:check') {
      await migrateToLatest(orm);
      if (await hasSchemaDrift(orm)) {
        console.error('The entities and the migrations differ: run pnpm db:migration:create.');
        return 1;
      }
      console.log('No drift: the migrations create exactly what the entities describe.');
    }
    return 0;
  } finally {
    await orm.close();
    await database.stop();
  }
}

async function createConfiguredDatabase(env: DatabaseEnv): Promise<number> {
  if (!env.DATABASE_URL) {
    console.log('DATABASE_URL is not set: the embedded database is created on demand.');
    return 0;
  }
  const name = databaseName(env.DATABASE_URL);
  await createDatabaseIfMissing(databaseUrl(env.DATABASE_URL, 'postgres'), name);
  console.log(`Database ${name} is ready on ${new URL(env.DATABASE_URL).host}.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

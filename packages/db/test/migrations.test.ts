import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseEnvSchema,
  databaseSettings,
  hasSchemaDrift,
  type MikroORM,
  migrateToLatest,
  openOrm,
  parseEnv,
} from '../src/index.js';
import { createTestOrm, type TestOrm } from '../src/testing/index.js';

let testOrm: TestOrm;
let orm: MikroORM;

beforeAll(async () => {
  testOrm = await createTestOrm();
  orm = testOrm.orm;
});
afterAll(() => testOrm.close());

describe('migrations', () => {
  it('have all been applied to the template', async () => {
    expect(await orm.migrator.getPendingMigrations()).toEqual([]);
    expect((await orm.migrator.getExecutedMigrations()).length).toBeGreaterThan(0);
  });

  it('create exactly what the entities describe (migration:check reports no drift)', async () => {
    expect(await hasSchemaDrift(orm)).toBe(false);
  });

  it('report drift when the database loses something the entities declare', async () => {
    const client = new pg.Client({ connectionString: testOrm.database.url });
    await client.connect();
    try {
      await client.query('DROP INDEX tasks_user_id_status_idx');
      expect(await hasSchemaDrift(orm)).toBe(true);
      await client.query('CREATE INDEX tasks_user_id_status_idx ON tasks (user_id, status)');
      expect(await hasSchemaDrift(orm)).toBe(false);
    } finally {
      await client.end();
    }
  });

  it('roll all the way down and back up', async () => {
    await orm.migrator.down({ to: 0 });
    const rows = await orm.em
      .getConnection()
      .execute<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('users', 'tasks', 'sessions')",
      );
    expect(rows[0]?.n).toBe(0);
    await orm.migrator.up();
    expect(await hasSchemaDrift(orm)).toBe(false);
  });

  it('are applied once when several instances start at the same moment', async () => {
    await orm.migrator.down({ to: 0 });
    const settings = databaseSettings(parseEnv(databaseEnvSchema, {}), testOrm.database.url);
    const instances = await Promise.all([openOrm(settings), openOrm(settings), openOrm(settings)]);
    try {
      // Each instance either applies everything or waits on the advisory lock and finds nothing to do.
      const applied = await Promise.all(instances.map((instance) => migrateToLatest(instance)));
      const total = (await orm.migrator.getExecutedMigrations()).length;
      expect(applied.map((names) => names.length).sort()).toEqual([0, 0, total]);
      expect(await hasSchemaDrift(orm)).toBe(false);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});

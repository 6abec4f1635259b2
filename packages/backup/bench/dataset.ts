import { databaseUrl, migrateToLatest, openOrm, withClient } from '@taskapp/db';
import { createDatabase, dropDatabase } from '@taskapp/db/queries';
import { generateScaleData, SCALE, type ScaleSize } from '../../db/test-scale/generate.js';

/** The size: 10,000 users with ~100 tasks each and one with 100,000 (1,100,000 tasks). */
export const BENCH_SIZE: ScaleSize = SCALE;

// The size generated is kept as the database's comment, not in a table: every table would be backed up.
const describe = ({ users, tasksPerUser, heavyTasks }: ScaleSize) =>
  `taskapp bench:backup dataset ${JSON.stringify({ users, tasksPerUser, heavyTasks })}`;

async function comment(serverUrl: string, name: string): Promise<string | null> {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    );
    return rows[0]?.comment ?? null;
  });
}

/**
 * The database `name` on the server holding the generated dataset, generated only when missing or of
 * another size (under a minute here). Returns its URL and its number of tasks.
 */
export async function ensureDataset(
  serverUrl: string,
  name: string,
  size: ScaleSize,
  log: (line: string) => void,
): Promise<{ url: string; tasks: number }> {
  const url = databaseUrl(serverUrl, name);
  if ((await comment(serverUrl, name)) === describe(size)) {
    log(`dataset ${name}: reusing the generated data`);
  } else {
    log(`dataset ${name}: generating ${describe(size)}`);
    await dropDatabase(serverUrl, name);
    await createDatabase(serverUrl, name);
    const orm = await openOrm({ url, poolMax: 2, connectTimeoutMs: 5_000, statementTimeoutMs: 0 });
    try {
      await migrateToLatest(orm);
    } finally {
      await orm.close();
    }
    await generateScaleData(url, log, size);
    // Marks the data as complete: an interrupted generation is redone next time.
    await withClient(serverUrl, (client) =>
      client.query(`comment on database "${name}" is '${describe(size).replace(/'/g, "''")}'`),
    );
  }
  const tasks = await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from tasks');
    return rows[0]?.n ?? 0;
  });
  return { url, tasks };
}

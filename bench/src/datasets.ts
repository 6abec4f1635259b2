import path from 'node:path';
import {
  databaseUrl,
  findRepoRoot,
  migrateToLatest,
  openOrm,
  startEmbeddedPostgres,
  withClient,
} from '@taskapp/db';
import { createDatabase, dropDatabase } from '@taskapp/db/queries';
import type pg from 'pg';
import {
  generateScaleData,
  ORGANISATION,
  orderKeySql,
  SCALE,
  type ScaleSize,
} from '../../packages/db/test-scale/generate.js';

export interface Dataset {
  name: string;
  url: string;
  size: ScaleSize;
  tasks: number;
}

/** The dataset: 10,000 users with ~100 tasks each plus one user with 100,000. */
export const LARGE: ScaleSize = SCALE;
/** The same shape at 10,000 tasks: the typical user's list should cost the same on both. */
export const SMALL: ScaleSize = { users: 90, tasksPerUser: 100, heavyTasks: 1_000 };

/** Titles of the tasks the write workloads create; removed before every run so datasets stay as generated. */
export const BENCH_TITLE_PREFIX = 'Bench write';

export interface DatabaseServer {
  /** A URL on the server; databases are reached by swapping its path. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** DATABASE_URL's server when set, else an embedded PostgreSQL kept under DATA_DIR (default .data/bench). */
export async function provideServer(): Promise<DatabaseServer> {
  const given = process.env.DATABASE_URL;
  const urlFor = (base: string) => (database: string) => databaseUrl(base, database);
  if (given) return { urlFor: urlFor(given), stop: async () => {} };
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(findRepoRoot(), '.data', 'bench'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') });
  return { urlFor: urlFor(server.url), stop: () => server.stop() };
}

// The organisation's shape is part of it: a dataset generated before projects and labels is redone.
const describe = ({ users, tasksPerUser, heavyTasks }: ScaleSize) =>
  JSON.stringify({
    users,
    tasksPerUser,
    heavyTasks,
    projects: ORGANISATION.projects,
    labels: ORGANISATION.labels,
  });

/** Benchmark fixtures only: one statement on a connection of its own. */
async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

async function generatedSize(url: string): Promise<string | null> {
  try {
    const rows = await query<{ size: string }>(url, 'select size from bench_dataset');
    return rows[0]?.size ?? null;
  } catch {
    return null;
  }
}

async function recreate(server: DatabaseServer, name: string, size: ScaleSize, log: (line: string) => void) {
  const admin = server.urlFor('postgres');
  await dropDatabase(admin, name);
  await createDatabase(admin, name);
  const url = server.urlFor(name);
  const orm = await openOrm({ url, poolMax: 2, connectTimeoutMs: 5_000, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close();
  }
  await generateScaleData(url, log, size);
  // Marks the database as complete: an interrupted generation is redone next time.
  await query(url, 'create table bench_dataset (size text not null)');
  await query(url, 'insert into bench_dataset (size) values ($1)', [describe(size)]);
}

/**
 * The database `name` holding a generated dataset of `size`, generated only when missing or different
 * (about 1–2 minutes for the large one). Tasks left by an earlier run's write workloads are removed.
 */
export async function ensureDataset(
  server: DatabaseServer,
  name: string,
  size: ScaleSize,
  log: (line: string) => void,
): Promise<Dataset> {
  const url = server.urlFor(name);
  const existing = await generatedSize(url).catch(() => null);
  if (existing === describe(size)) {
    log(`dataset ${name}: reusing the generated data`);
    await query(url, `delete from tasks where title like $1`, [`${BENCH_TITLE_PREFIX}%`]);
  } else {
    log(`dataset ${name}: generating ${describe(size)}`);
    await recreate(server, name, size, log);
  }
  const [row] = await query<{ n: number }>(url, 'select count(*)::int as n from tasks');
  return { name, url, size, tasks: row?.n ?? 0 };
}

const REPEATING_TITLE = `${BENCH_TITLE_PREFIX} repeating`;

/**
 * For each user, `perUser` open tasks in their Inbox that repeat daily from their due date (today 09:00
 * UTC), after the generated ones in manual order, created long ago so no list's first page shows them.
 * Their next occurrences carry the same title, so removeRepeatingTasks (and the run's own clean-up of
 * bench writes) takes those too. Returns the ids by user.
 */
export async function addRepeatingTasks(
  url: string,
  userIds: string[],
  perUser: number,
): Promise<Map<string, string[]>> {
  const made = await query<{ user_id: string; ids: string[] }>(
    url,
    `with made as (
       insert into tasks (user_id, title, status, priority, due_date, all_day, created_at, updated_at, position,
                          recurrence_rule, recurrence_from)
       select user_id, '${REPEATING_TITLE} ' || k, 'pending', 'medium', date_trunc('day', now()) + interval '9 hours',
              false, now() - interval '800 days', now() - interval '800 days', ${orderKeySql('1000 + k')},
              'FREQ=DAILY', 'due'
       from unnest($1::uuid[]) user_id, generate_series(1, $2::int) k
       returning id, user_id)
     select user_id, array_agg(id) as ids from made group by user_id`,
    [userIds, perUser],
  );
  return new Map(made.map((row) => [row.user_id, row.ids]));
}

export async function removeRepeatingTasks(url: string): Promise<void> {
  await query(url, 'delete from tasks where title like $1', [`${REPEATING_TITLE}%`]);
}

export async function postgresVersion(url: string): Promise<string> {
  const [row] = await query<{ server_version: string }>(url, 'show server_version');
  return row?.server_version ?? 'unknown';
}

export { query as sql };

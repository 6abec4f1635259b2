import { createHash } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL's md5(text)::uuid, computed here: the generated users' ids are known to the test. */
const md5Uuid = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** How much to generate: `users` ordinary users with about `tasksPerUser` tasks each, and one heavy user. */
export interface ScaleSize {
  users: number;
  tasksPerUser: number;
  heavyTasks: number;
}

export const SCALE = {
  users: 10_000,
  tasksPerUser: 100,
  heavyTasks: 100_000,
  userId: (n: number) => md5Uuid(`scale-user-${n}`),
  heavyUserId: md5Uuid('scale-user-heavy'),
};

const VERBS = [
  'Buy',
  'Call',
  'Email',
  'Review',
  'Plan',
  'Fix',
  'Write',
  'Read',
  'Pay',
  'Book',
  'Clean',
  'Send',
];
const NOUNS = [
  'invoice',
  'report',
  'rent',
  'groceries',
  'dentist',
  'slides',
  'budget',
  'car',
  'flight',
  'newsletter',
  'backup',
  'garden',
  'taxes',
  'birthday gift',
  'meeting notes',
];
const sqlArray = (words: string[]) =>
  `array[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(', ')}]`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`set statement_timeout = 0`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  await client.query(`set work_mem = '64MB'`);
  return client;
}

/** The definitions of the tasks table's indexes, as PostgreSQL prints them. */
export async function taskIndexDefinitions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ indexdef: string }>(
    `select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'tasks' order by indexname`,
  );
  return rows.map((row) => row.indexdef);
}

/**
 * Fills the (empty, migrated) database in SQL: by default 10,000 users with ~100 tasks each and one user
 * with 100,000, interleaved on disk as if everyone had been adding tasks for two years. The tasks indexes
 * (primary key included) are dropped for the load and re-created from their own definitions, two at a
 * time, which is much faster than maintaining them row by row; then VACUUM ANALYZE, as autovacuum would.
 */
export async function generateScaleData(
  url: string,
  log: (line: string) => void,
  size: ScaleSize = SCALE,
): Promise<void> {
  const started = Date.now();
  const client = await connect(url);
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const at = Date.now();
    await work();
    log(`  ${label}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  };
  try {
    // Every generated user_id exists; skipping the per-row foreign-key trigger saves a third of the load.
    // Needs a superuser (the embedded server's is); without one the load is only slower.
    await client.query(`set session_replication_role = replica`).catch(() => log('  (foreign keys checked)'));
    await timed('users', () =>
      client.query(
        `insert into users (id, email, name, password_hash, created_at, updated_at)
         select md5('scale-user-' || n)::uuid, 'scale-' || n || '@example.com', 'User ' || n, 'x',
                now() - interval '800 days', now() - interval '800 days'
         from generate_series(1, ${size.users}) n
         union all
         select md5('scale-user-heavy')::uuid, 'heavy@example.com', 'Heavy user', 'x',
                now() - interval '800 days', now() - interval '800 days'`,
      ),
    );

    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes
       where schemaname = current_schema() and tablename = 'tasks' and indexname <> 'tasks_pkey'`,
    );
    await client.query(`alter table tasks drop constraint tasks_pkey`);
    for (const { indexname } of indexes) await client.query(`drop index "${indexname}"`);

    const total = size.users * size.tasksPerUser + size.heavyTasks;
    const heavyEvery = Math.round(total / size.heavyTasks);
    // Every 11th row (by default) belongs to the heavy user, the others to a random one of the 10,000. Status 50/20/30 %
    // pending/in progress/completed, priority 25/50/25 % low/medium/high, 30 % without a due date (the
    // rest from a month before to a month after creation), created over the last two years.
    await timed(`${total.toLocaleString('en')} tasks`, () =>
      client.query(
        `insert into tasks (id, user_id, title, description, status, priority, due_date, completed_at, created_at, updated_at)
         select gen_random_uuid(), user_id, title, description, status, priority,
                case when r_due < 0.3 then null else created_at + (r_due * 70 - 31) * interval '1 day' end,
                case when status = 'completed' then updated_at end,
                created_at, updated_at
         from (
           select case when i % ${heavyEvery} = 0 then heavy.id else users.ids[1 + floor(random() * ${size.users})::int] end as user_id,
                  (${sqlArray(VERBS)})[1 + floor(random() * ${VERBS.length})::int] || ' ' ||
                    (${sqlArray(NOUNS)})[1 + floor(random() * ${NOUNS.length})::int] ||
                    case when random() < 0.3 then ' #' || (i % 1000) else '' end as title,
                  case when random() < 0.5 then null
                       else 'About the ' || (${sqlArray(NOUNS)})[1 + floor(random() * ${NOUNS.length})::int] end as description,
                  case when r_status < 0.5 then 'pending' when r_status < 0.7 then 'in_progress' else 'completed' end as status,
                  case when r_priority < 0.25 then 'low' when r_priority < 0.75 then 'medium' else 'high' end as priority,
                  r_due,
                  created_at,
                  created_at + random() * (now() - created_at) as updated_at
           from (
             select i, random() as r_status, random() as r_priority, random() as r_due,
                    now() - random() * interval '730 days' as created_at
             from generate_series(1, ${total}) i
           ) raw,
           (select array_agg(md5('scale-user-' || n)::uuid order by n) as ids
            from generate_series(1, ${size.users}) n) users,
           (select md5('scale-user-heavy')::uuid as id) heavy
         ) generated`,
      ),
    );
    await client.query(`set session_replication_role = default`).catch(() => undefined);

    // Two index builds at a time (one per core); the biggest first so both connections finish together.
    const queue = [
      `create unique index tasks_pkey on tasks (id)`,
      ...indexes
        .map((index) => index.indexdef)
        .sort((a, b) => Number(b.includes('gin')) - Number(a.includes('gin'))),
    ];
    const second = await connect(url);
    try {
      await timed('indexes', () =>
        Promise.all(
          [client, second].map(async (connection) => {
            await connection.query(`set max_parallel_maintenance_workers = 0`);
            for (let sql = queue.shift(); sql; sql = queue.shift()) await connection.query(sql);
          }),
        ),
      );
    } finally {
      await second.end();
    }
    await client.query(`alter table tasks add constraint tasks_pkey primary key using index tasks_pkey`);
    await timed('vacuum analyze', () => client.query('vacuum (analyze) tasks, users'));
    log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

import { createHash } from 'node:crypto';
import { COLORS } from '@taskapp/shared';
import pg from 'pg';

/** PostgreSQL's md5(text)::uuid, computed here: the generated users' ids are known to the test. */
const md5Uuid = (text: string) => md5UuidOf(createHash('md5').update(text).digest('hex'));

/**
 * An id the API accepts for `text` (zod checks the version and variant): md5 with the digits of a
 * version 4 UUID, the same in SQL (`idSql`) and here.
 */
const organisedId = (text: string) => {
  const hex = createHash('md5').update(text).digest('hex');
  return md5UuidOf(`${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`);
};
const md5UuidOf = (hex: string) => hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const idSql = (text: string) =>
  `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

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

/**
 * How people organise them: every ordinary user has `typical` projects and labels, the heavy user `heavy`.
 * Tasks come in groups of ten in one place (a project, or the Inbox for two places in every
 * `projects + 2`): the first of a group is a parent with two subtasks, and the second has one subtask of
 * its own (30 % subtasks, two levels). About 40 % of tasks carry a label, 15 % a second one.
 */
export const ORGANISATION = {
  projects: { typical: 5, heavy: 40 },
  labels: { typical: 6, heavy: 40 },
  id: (userId: string, kind: 'project' | 'label' | 'task', n: number) =>
    organisedId(`${userId}-${kind}-${n}`),
};

const BASE_62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A fractional-indexing key for the n-th row (n < 62^4): "d" and four base-62 digits, as the migration numbers. */
export const orderKeySql = (n: string) =>
  `'d' || ${[3, 2, 1, 0].map((digit) => `substr('${BASE_62}', ((${n}) / ${62 ** digit} % 62)::int + 1, 1)`).join(' || ')}`;

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

/** The tables the generator fills, and whose indexes it drops for the load and re-creates. */
const BULK_TABLES = ['tasks', 'task_labels'];

/** The definitions of the bulk-loaded tables' indexes and foreign keys, as PostgreSQL prints them. */
export async function taskIndexDefinitions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ definition: string }>(
    `select indexdef as definition from pg_indexes
     where schemaname = current_schema() and tablename = any($1::text[])
     union all
     select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
     where contype = 'f' and (conrelid = any($1::text[]::regclass[]) or confrelid = any($1::text[]::regclass[]))
     order by 1`,
    [BULK_TABLES],
  );
  return rows.map((row) => row.definition);
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

    const owners = `(select md5('scale-user-' || n)::uuid as id, false as heavy from generate_series(1, ${size.users}) n
                     union all select md5('scale-user-heavy')::uuid, true) owners`;
    const perOwner = (counts: { typical: number; heavy: number }) =>
      `case when owners.heavy then ${counts.heavy} else ${counts.typical} end`;
    await timed('projects and labels', async () => {
      await client.query(
        `insert into projects (id, user_id, name, color, position, created_at, updated_at)
         select ${idSql("owners.id::text || '-project-' || n")}, owners.id, 'Project ' || n,
                (${sqlArray([...COLORS])})[1 + n % ${COLORS.length}], ${orderKeySql('n')},
                now() - interval '800 days', now() - interval '800 days'
         from ${owners}, generate_series(0, ${perOwner(ORGANISATION.projects)} - 1) n`,
      );
      await client.query(
        `insert into labels (id, user_id, name, color, created_at, updated_at)
         select ${idSql("owners.id::text || '-label-' || n")}, owners.id, 'Label ' || n,
                (${sqlArray([...COLORS])})[1 + n % ${COLORS.length}],
                now() - interval '800 days', now() - interval '800 days'
         from ${owners}, generate_series(0, ${perOwner(ORGANISATION.labels)} - 1) n`,
      );
    });

    // Foreign keys that point at tasks hang on its primary key: dropped with it, added back after.
    const { rows: references } = await client.query<{ table: string; name: string; definition: string }>(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where contype = 'f' and confrelid = 'tasks'::regclass`,
    );
    for (const { table, name } of references)
      await client.query(`alter table ${table} drop constraint "${name}"`);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes
       where schemaname = current_schema() and tablename = any($1::text[]) and indexname not like '%\\_pkey'`,
      [BULK_TABLES],
    );
    await client.query(`alter table tasks drop constraint tasks_pkey`);
    for (const { indexname } of indexes) await client.query(`drop index "${indexname}"`);

    const total = size.users * size.tasksPerUser + size.heavyTasks;
    const heavyEvery = Math.round(total / size.heavyTasks);
    const { projects } = ORGANISATION;
    // Every 11th row (by default) belongs to the heavy user, the others go round the 10,000 in turn (`j`),
    // each user's tasks numbered 1, 2, … (`n`: their id, place and order follow from it). Status 50/20/30 %
    // pending/in progress/completed, priority 25/50/25 % low/medium/high, 30 % without a due date (the
    // rest from a month before to a month after creation), created over the last two years.
    await timed(`${total.toLocaleString('en')} tasks`, () =>
      client.query(
        `insert into tasks (id, user_id, title, description, status, priority, due_date, completed_at, created_at, updated_at,
                            project_id, parent_id, position)
         select ${idSql("user_id::text || '-task-' || n")}, user_id, title, description, status, priority,
                case when r_due < 0.3 then null else created_at + (r_due * 70 - 31) * interval '1 day' end,
                case when status = 'completed' then updated_at end,
                created_at, updated_at,
                case when place < places - 2 then ${idSql("user_id::text || '-project-' || place")} end,
                case when slot in (1, 2, 3) then ${idSql("user_id::text || '-task-' || (n - slot + case when slot = 3 then 1 else 0 end)")} end,
                ${orderKeySql('n')}
         from (
           select *, (n - 1) % 10 as slot, ((n - 1) / 10) % places as place
           from (
             select case when heavy_row then heavy.id else users.ids[1 + j % ${size.users}] end as user_id,
                    case when heavy_row then i / ${heavyEvery} else j / ${size.users} + 1 end as n,
                    case when heavy_row then ${projects.heavy + 2} else ${projects.typical + 2} end as places,
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
               select i, i % ${heavyEvery} = 0 as heavy_row, i - i / ${heavyEvery} - 1 as j,
                      random() as r_status, random() as r_priority, random() as r_due,
                      now() - random() * interval '730 days' as created_at
               from generate_series(1, ${total}) i
             ) raw,
             (select array_agg(md5('scale-user-' || n)::uuid order by n) as ids
              from generate_series(1, ${size.users}) n) users,
             (select md5('scale-user-heavy')::uuid as id) heavy
           ) owned
         ) generated`,
      ),
    );
    // About 40 % of tasks carry one of their owner's labels, 15 % a second one too.
    await timed('task labels', () =>
      client.query(
        `insert into task_labels (task_id, label_id, user_id)
         select id, ${idSql("user_id::text || '-label-' || label")}, user_id
         from (
           select id, user_id, floor(r / 0.4 * labels)::int as first, r < 0.15 as two, labels
           from (select id, user_id, random() as r,
                        case when user_id = md5('scale-user-heavy')::uuid then ${ORGANISATION.labels.heavy}
                             else ${ORGANISATION.labels.typical} end as labels
                 from tasks) drawn
           where r < 0.4
         ) labelled,
         lateral (select first as label union all select (first + 1) % labels where two) chosen`,
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
    await timed('foreign keys to tasks', async () => {
      for (const { table, name, definition } of references)
        await client.query(`alter table ${table} add constraint "${name}" ${definition}`);
    });
    await timed('vacuum analyze', () =>
      client.query('vacuum (analyze) tasks, task_labels, projects, labels, users'),
    );
    log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Queryable } from '../src/pg.js';
import { reminderJobQueries } from '../src/queries/reminder-jobs.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

// The reminder worker's claim on a schedule of 200,000 jobs (20 users × 10,000 tasks), nearly all of them long sent: it must find
// the few due ones through the partial index on pending jobs, never by reading the table.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const USERS = 20;
const JOBS = 200_000;
const PENDING = 2_000;
const NOW = new Date('2027-01-04T10:00:00.000Z');

let database: TestDatabase;
let client: pg.Client;

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const users = await client.query<{ id: string }>(
    `insert into users (email, name, password_hash)
     select 'scale' || u || '@example.test', 'Scale', 'not-a-hash' from generate_series(1, $1) as u
     returning id`,
    [USERS],
  );
  // One task per job, one reminder each, a second apart, the last 600 after NOW: the triggers schedule
  // them all as pending; all but the last PENDING are then sent.
  await client.query(
    `insert into tasks (user_id, title, reminders)
     select ($1::uuid[])[1 + n % cardinality($1::uuid[])], 'Task ' || n,
       jsonb_build_array(jsonb_build_object('at',
         to_char(($2::timestamptz + make_interval(secs => n - $3 + 600)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
     from generate_series(1, $3) as n`,
    [users.rows.map((row) => row.id), NOW, JOBS],
  );
  await client.query(
    `update reminder_jobs set status = 'sent', sent_at = fire_at
     where fire_at <= $1::timestamptz + make_interval(secs => 600 - $2)`,
    [NOW, PENDING],
  );
  await client.query('vacuum analyze reminder_jobs');
}, 600_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

it('claims through the partial index on pending jobs, never reading the whole schedule', async () => {
  const counts = await client.query(
    `select count(*)::int as all, count(*) filter (where status = 'pending')::int as pending from reminder_jobs`,
  );
  expect(counts.rows[0]).toEqual({ all: JOBS, pending: PENDING });

  let plan: PlanNode | undefined;
  const explaining: Queryable = {
    async query({ text, values }) {
      const result = await client.query(`explain (format json) ${text}`, values);
      plan = (result.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]?.Plan;
      return { rows: [], rowCount: 0 };
    },
  };
  await reminderJobQueries(explaining).claimDue(NOW, 100);
  const all = nodes(plan as PlanNode);
  const onJobs = all.filter((node) => node['Relation Name'] === 'reminder_jobs');
  expect(onJobs.some((node) => node['Index Name'] === 'reminder_jobs_pending_fire_at_idx')).toBe(true);
  expect(onJobs.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);

  const started = performance.now();
  const { claimed } = await reminderJobQueries(client).claimDue(NOW, 100);
  console.log(`claimed ${claimed.length} of ${JOBS} jobs in ${(performance.now() - started).toFixed(1)} ms`);
  expect(claimed).toHaveLength(100);
});

import { sql } from '../datasets.js';
import type { SubscriberKeys } from './push-keys.js';

/** The burst's own people: removed (with their tasks, jobs and subscriptions) before and after a run. */
const EMAIL_PATTERN = 'reminder-burst-%@example.com';
export const BURST_RECIPIENT = /^reminder-burst-\d+@example\.com$/;
export const BURST_TITLE_PREFIX = 'Reminder burst';

export interface BurstData {
  /** The reminders' task ids, one reminder each. */
  taskIds: string[];
  /** Seconds the one INSERT of the tasks took (the triggers write reminder_jobs in it). */
  insertSeconds: number;
}

/**
 * `users` verified people with email and push reminders on, each with one push subscription at
 * `${pushBaseUrl}/<user id>`: no tasks yet.
 */
export async function createBurstUsers(
  databaseUrl: string,
  users: number,
  pushBaseUrl: string,
  keys: SubscriberKeys,
): Promise<void> {
  await sql(
    databaseUrl,
    `insert into users (email, name, password_hash, is_verified)
     select 'reminder-burst-' || n || '@example.com', 'Reminder burst ' || n, 'x', true
     from generate_series(1, $1::int) n`,
    [users],
  );
  await sql(
    databaseUrl,
    `insert into user_settings (user_id, time_zone, email_reminders, push_reminders)
     select id, 'UTC', true, true from users where email like $1`,
    [EMAIL_PATTERN],
  );
  await sql(
    databaseUrl,
    `insert into push_subscriptions (user_id, endpoint, p256dh, auth)
     select id, $2 || '/' || id, $3, $4 from users where email like $1`,
    [EMAIL_PATTERN, pushBaseUrl, keys.p256dh, keys.auth],
  );
}

/**
 * `tasksPerUser` open tasks for every burst user, all due at `dueAt` with a reminder at the due time, in
 * one statement as a bulk import would write them: the schedule's triggers queue one job per task.
 */
export async function createBurstTasks(
  databaseUrl: string,
  tasksPerUser: number,
  dueAt: Date,
): Promise<BurstData> {
  const started = performance.now();
  const rows = await sql<{ id: string }>(
    databaseUrl,
    `insert into tasks (user_id, title, status, priority, due_date, reminders)
     select u.id, $2 || ' ' || n, 'pending', 'medium', $3, '[{"minutesBefore": 0}]'::jsonb
     from users u, generate_series(1, $4::int) n
     where u.email like $1
     returning id`,
    [EMAIL_PATTERN, BURST_TITLE_PREFIX, dueAt, tasksPerUser],
  );
  return { taskIds: rows.map((row) => row.id), insertSeconds: (performance.now() - started) / 1000 };
}

export type JobStatusCounts = Record<string, number>;

/** How the burst's jobs stand: pending, sending, sent, late, failed, dropped. */
export async function jobStatusCounts(databaseUrl: string, dueAt: Date): Promise<JobStatusCounts> {
  const rows = await sql<{ status: string; n: number }>(
    databaseUrl,
    `select j.status, count(*)::int as n from reminder_jobs j join users u on u.id = j.user_id
     where u.email like $1 and j.fire_at = $2 group by j.status`,
    [EMAIL_PATTERN, dueAt],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Removes the burst's people; their tasks, settings, subscriptions, jobs and change log go with them. */
export async function removeBurstData(databaseUrl: string): Promise<void> {
  await sql(databaseUrl, 'delete from users where email like $1', [EMAIL_PATTERN]);
  // What autovacuum would do, now: the next workload should not find 100,000 dead rows in its scans.
  await sql(databaseUrl, 'vacuum analyze tasks, reminder_jobs, changes, push_subscriptions, users');
}

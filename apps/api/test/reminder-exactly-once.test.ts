import { waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import { signUp } from './helpers/accounts.js';
import { type PushBrowser, type PushEndpoint, startPushEndpoint } from './helpers/push-endpoint.js';
import { type OpenSql, openSql } from './helpers/sql.js';
import { testEnv } from './helpers/test-env.js';
import { startTestServer, TEST_ORIGIN, type TestServer } from './helpers/test-server.js';

// Issue 15: two API instances on one database both run the reminder worker (every second here); one of
// them is shut down and started again while reminders are going out. Every reminder reaches the inbox
// once and every subscribed browser once: none twice, none missing.

const METRICS_TOKEN = 'reminder-metrics-token-for-tests';
const USERS = 6;
const TASKS_PER_USER = 25;
/** Each task has an `{ at }` reminder and a `{ minutesBefore: 0 }` one. */
const REMINDERS = USERS * TASKS_PER_USER * 2;

let first: TestServer;
let second: RunningServer;
let sql: OpenSql;
let push: PushEndpoint;

const secondEnv = () =>
  testEnv({
    DATABASE_URL: first.database.url,
    SMTP_URL: first.inbox.url,
    APP_ORIGIN: TEST_ORIGIN,
    TRUST_PROXY: 'true',
    REMINDER_POLL_MS: '1000',
    METRICS_TOKEN,
  });

beforeAll(async () => {
  push = await startPushEndpoint();
  first = await startTestServer({ TRUST_PROXY: 'true', REMINDER_POLL_MS: '1000', METRICS_TOKEN });
  const env = secondEnv();
  second = await startServer(env, createLogger(env));
  sql = await openSql(first.database);
});

afterAll(async () => {
  await sql?.close();
  await second?.close();
  await first?.stop();
  await push?.close();
});

/** Reminder jobs this instance's worker settled as sent or late, from its /metrics. */
async function settledBy(server: RunningServer): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  let total = 0;
  for (const match of text.matchAll(/^taskapp_reminders_total\{outcome="(sent|late)"\} (\d+)/gm)) {
    total += Number(match[2]);
  }
  return total;
}

describe('reminders across two instances and a restart', () => {
  it('delivers every reminder exactly once by mail and by push', async () => {
    const users: { email: string; userId: string; browsers: PushBrowser[] }[] = [];
    for (let i = 0; i < USERS; i++) {
      const { browser, email, userId } = await signUp(first);
      const browsers = [push.newBrowser(), ...(i % 2 ? [push.newBrowser()] : [])];
      for (const device of browsers) {
        await browser.api.push.subscribe.mutate({ endpoint: device.endpoint, keys: device.keys });
      }
      users.push({ email, userId, browsers });
    }
    // A PostgreSQL array literal: the SQL helper would spread a JavaScript array into a list.
    const userIds = `{${users.map((user) => user.userId).join(',')}}`;
    await sql.run('update users set is_verified = true where id = any(?::uuid[])', [userIds]);
    const expectedPushes = users.reduce((sum, user) => sum + user.browsers.length, 0) * TASKS_PER_USER * 2;

    // Due over the next few seconds: both reminders of a task 2.5 s to 9 s from now, in one statement.
    await sql.run(
      `insert into tasks (user_id, title, due_date, reminders)
       select u.id, 'Reminder ' || u.n || '-' || g, f.due,
              jsonb_build_array(jsonb_build_object('at', f.early), jsonb_build_object('minutesBefore', 0))
       from unnest(?::uuid[]) with ordinality as u(id, n)
         cross join generate_series(1, ?) g
         cross join lateral (select
           clock_timestamp() + interval '2500 milliseconds' + (g * 97 % 5000) * interval '1 millisecond' as early,
           clock_timestamp() + interval '4000 milliseconds' + (g * 131 % 5000) * interval '1 millisecond' as due) f`,
      [userIds, TASKS_PER_USER],
    );
    const [scheduled] = await sql.query<{ n: number }>(
      `select count(*)::int as n from reminder_jobs where status = 'pending'`,
    );
    expect(scheduled?.n).toBe(REMINDERS);

    // Restart the second instance once a third of the mails are out.
    await waitFor(() => first.inbox.mails.length >= REMINDERS / 3, {
      what: 'a third of the reminders',
      timeoutMs: 20_000,
    });
    const [unsettled] = await sql.query<{ n: number }>(
      `select count(*)::int as n from reminder_jobs where status in ('pending', 'sending')`,
    );
    // The restart happens while reminders are still to be sent (the test means nothing otherwise).
    expect(unsettled?.n).toBeGreaterThan(0);
    const bySecondReadBeforeRestart = await settledBy(second);
    await second.close();
    const env = secondEnv();
    second = await startServer(env, createLogger(env));

    await waitFor(
      async () => {
        const [row] = await sql.query<{ n: number }>(
          `select count(*)::int as n from reminder_jobs where status in ('sent', 'late')`,
        );
        return row?.n === REMINDERS;
      },
      { what: 'every reminder settled', timeoutMs: 30_000 },
    );

    const jobs = await sql.query<{ status: string; attempts: number; n: number }>(
      'select status, attempts, count(*)::int as n from reminder_jobs group by status, attempts',
    );
    expect(jobs).toEqual([{ status: 'sent', attempts: 1, n: REMINDERS }]);

    // Mail: two per task (its two reminders), to its owner, no other.
    const mailsByTask = new Map<string, number>();
    for (const mail of first.inbox.mails.filter((mail) => mail.subject.startsWith('Reminder:'))) {
      mailsByTask.set(`${mail.to} ${mail.subject}`, (mailsByTask.get(`${mail.to} ${mail.subject}`) ?? 0) + 1);
    }
    expect(mailsByTask.size).toBe(USERS * TASKS_PER_USER);
    expect([...mailsByTask.values()].every((count) => count === 2)).toBe(true);
    for (const [index, user] of users.entries()) {
      for (let task = 1; task <= TASKS_PER_USER; task++) {
        expect(
          mailsByTask.get(`${user.email} Reminder: Reminder ${index + 1}-${task}`),
          `${index + 1}-${task}`,
        ).toBe(2);
      }
    }

    // Push: each reminder (its tag names the job) once on every browser of its owner.
    expect(push.received).toHaveLength(expectedPushes);
    const jobIds = new Set(
      (await sql.query<{ id: string }>('select id from reminder_jobs')).map((row) => row.id),
    );
    for (const user of users) {
      for (const browser of user.browsers) {
        const tags = browser.delivered.map((received) => received.payload.tag);
        expect(tags).toHaveLength(TASKS_PER_USER * 2);
        expect(new Set(tags).size).toBe(tags.length);
        for (const tag of tags) expect(jobIds.has(tag.replace(/^reminder-/, ''))).toBe(true);
      }
    }

    // Both instances did some of the work. The second one's first life may settle a last batch after its
    // /metrics was read (close lets the pass in flight finish): its share is what the others did not do.
    const byFirst = await settledBy(first);
    const bySecondAfterRestart = await settledBy(second);
    const bySecondBeforeRestart = REMINDERS - byFirst - bySecondAfterRestart;
    expect(bySecondBeforeRestart).toBeGreaterThanOrEqual(bySecondReadBeforeRestart);
    expect(byFirst).toBeGreaterThan(0);
    expect(bySecondBeforeRestart + bySecondAfterRestart).toBeGreaterThan(0);
  });
});

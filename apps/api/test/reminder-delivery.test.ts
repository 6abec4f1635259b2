import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestOrm, type TestOrm, waitFor } from '@taskapp/db/testing';
import type { Reminder } from '@taskapp/shared';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from '../src/mail/index.js';
import {
  createPushService,
  deliverDueReminders,
  type ReminderDeliveryDeps,
  sendDueDigests,
  startReminderWorker,
} from '../src/reminders/index.js';
import type { AppDependencies } from '../src/trpc/context.js';
import { mailsTo } from './helpers/mail.js';
import { type PushBrowser, type PushEndpoint, startPushEndpoint } from './helpers/push-endpoint.js';
import { type SmtpInbox, startSmtpInbox } from './helpers/smtp-inbox.js';
import { type Sql, sqlOn } from './helpers/sql.js';
import { expectCode } from './helpers/task-fixtures.js';
import { callerFor, testDependencies } from './helpers/test-deps.js';
import { testEnv } from './helpers/test-env.js';

// Issue 15's reminder delivery, one worker pass at a time on a fake clock: a real SMTP inbox, a local Web
// Push service that decrypts what it receives, and the real database's schedule.

let db: TestOrm;
let sql: Sql;
let inbox: SmtpInbox;
let pushService: PushEndpoint;
let deps: AppDependencies;
let delivery: ReminderDeliveryDeps;

beforeAll(async () => {
  db = await createTestOrm();
  sql = sqlOn(db.orm);
  inbox = await startSmtpInbox();
  pushService = await startPushEndpoint();
  deps = testDependencies(db, inbox.url);
  delivery = {
    queries: deps.queries,
    mailer: deps.mailer,
    push: deps.push,
    appOrigin: deps.env.APP_ORIGIN,
    logger: deps.logger,
  };
});

afterAll(async () => {
  await pushService.close();
  await inbox.close();
  await db.close();
});

// A pass claims every user's due jobs: each test starts from an empty schedule.
beforeEach(async () => {
  await sql.run('delete from reminder_jobs');
});

const MINUTE_MS = 60_000;
// Reminders already past when written are not scheduled: the fake clock runs ahead of the real one.
const T = new Date('2027-02-01T08:00:00.000Z');
const at = (minutes: number, from = T) => new Date(from.getTime() + minutes * MINUTE_MS);
const pass = (now: Date, through: ReminderDeliveryDeps = delivery) => deliverDueReminders(through, () => now);

interface Account {
  userId: string;
  email: string;
  readonly api: ReturnType<typeof callerFor>;
}

let sequence = 0;

async function newAccount(
  options: { verified?: boolean; settings?: Parameters<Account['api']['account']['updateSettings']>[0] } = {},
): Promise<Account> {
  sequence += 1;
  const email = `reminders-${sequence}-${randomUUID().slice(0, 8)}@example.com`;
  const [row] = await sql.query<{ id: string }>(
    "insert into users (email, name, password_hash, is_verified) values (?, 'Test', 'x', ?) returning id",
    [email, options.verified ?? true],
  );
  const userId = row?.id as string;
  const session = { userId, sessionId: randomUUID() };
  const account = {
    userId,
    email,
    get api() {
      return callerFor(deps, session);
    },
  };
  if (options.settings) await account.api.account.updateSettings(options.settings);
  return account;
}

async function subscribeBrowser(account: Account, hideTitles?: boolean): Promise<PushBrowser> {
  const browser = pushService.newBrowser();
  await account.api.push.subscribe({ endpoint: browser.endpoint, keys: browser.keys, hideTitles });
  return browser;
}

async function remind(
  account: Account,
  reminders: Reminder[],
  fields: { title?: string; dueDate?: Date; allDay?: boolean } = {},
): Promise<string> {
  const task = await account.api.task.create({
    title: fields.title ?? 'Call the plumber',
    ...fields,
    reminders,
  });
  return task.id;
}

const mailsOf = (account: Account) => mailsTo(inbox, account.email, /^Reminder:/);
const jobStatuses = async (taskId: string) =>
  (
    await sql.query<{ status: string; attempts: number }>(
      'select status, attempts from reminder_jobs where task_id = ? order by reminder_index, fire_at',
      [taskId],
    )
  ).map((row) => `${row.status}/${row.attempts}`);
const subscriptionCount = async (userId: string) =>
  (
    await sql.query<{ n: number }>('select count(*)::int as n from push_subscriptions where user_id = ?', [
      userId,
    ])
  )[0]?.n;

describe('reminders delivered by a worker pass', () => {
  it('sends { at } and { minutesBefore } reminders once, by mail and to every subscribed browser', async () => {
    const me = await newAccount({ settings: { timeZone: 'Europe/Berlin' } });
    const phone = await subscribeBrowser(me);
    const laptop = await subscribeBrowser(me);
    const taskId = await remind(me, [{ at: T }, { minutesBefore: 30 }], { dueDate: at(6 * 60) });
    const link = `${deps.env.APP_ORIGIN}/?task=${taskId}`;

    expect(await pass(at(-0.5))).toMatchObject({ sent: 0 });
    expect(mailsOf(me)).toEqual([]);
    // The bell's answer says when to ask again: the earliest reminder still to go out.
    expect(await me.api.reminder.recent()).toEqual({ reminders: [], nextAt: T });

    expect(await pass(T)).toMatchObject({ sent: 1, late: 0, retrying: 0, failed: 0, dropped: 0 });
    const [mail] = mailsOf(me);
    expect(mailsOf(me)).toHaveLength(1);
    expect(mail?.subject).toBe('Reminder: Call the plumber');
    // Due 14:00 UTC is 15:00 in Berlin, in winter.
    expect(mail?.text).toContain('Due Mon 1 Feb, 15:00');
    expect(mail?.text).not.toMatch(/late/i);
    expect(mail?.link).toBe(link);
    expect(mail?.html).toContain(`href="${link}"`);
    for (const browser of [phone, laptop]) {
      expect(browser.delivered).toHaveLength(1);
      expect(browser.delivered[0]).toMatchObject({
        vapidKey: deps.push.publicKey,
        vapid: { aud: new URL(browser.endpoint).origin, sub: expect.stringMatching(/^mailto:/) },
        urgency: 'high',
        payload: {
          kind: 'reminder',
          title: 'Call the plumber',
          body: 'Due Mon 1 Feb, 15:00',
          url: `/?task=${taskId}`,
          taskId,
          tag: expect.stringMatching(/^reminder-/),
        },
      });
    }

    // Nothing goes twice: later passes before the next reminder send nothing.
    expect(await pass(at(0.5))).toMatchObject({ sent: 0 });
    expect((await me.api.reminder.recent()).nextAt).toEqual(at(5.5 * 60));
    expect(await pass(at(5 * 60))).toMatchObject({ sent: 0 });
    expect(mailsOf(me)).toHaveLength(1);

    expect(await pass(at(5.5 * 60))).toMatchObject({ sent: 1 });
    expect(mailsOf(me)).toHaveLength(2);
    expect(phone.delivered).toHaveLength(2);
    expect(laptop.delivered).toHaveLength(2);
    expect(new Set(phone.delivered.map((push) => push.payload.tag)).size).toBe(2);

    const { reminders, nextAt } = await me.api.reminder.recent();
    expect(nextAt).toBeNull();
    expect(reminders).toEqual([
      expect.objectContaining({ taskId, title: 'Call the plumber', fireAt: at(5.5 * 60), late: false }),
      expect.objectContaining({ taskId, title: 'Call the plumber', fireAt: T, sentAt: T, late: false }),
    ]);
    expect(await jobStatuses(taskId)).toEqual(['sent/1', 'sent/1']);
  });

  it('tells the bell to ask again soon while a reminder is being sent', async () => {
    const me = await newAccount();
    const taskId = await remind(me, [{ at: T }], { dueDate: at(60) });
    // Claimed by a worker that has not finished yet: not in the recent list, not pending either.
    await sql.query("update reminder_jobs set status = 'sending', claimed_at = ? where task_id = ?", [
      T,
      taskId,
    ]);
    expect(await me.api.reminder.recent()).toEqual({ reminders: [], nextAt: T });
    // No worker will finish it: left claimed, later passes in this file would count it as theirs.
    await sql.query('delete from reminder_jobs where task_id = ?', [taskId]);
  });

  it('fires an all-day task’s reminders from 09:00 on its day in the settings’ time zone', async () => {
    const me = await newAccount({ settings: { timeZone: 'Europe/Berlin' } });
    const browser = await subscribeBrowser(me);
    // 3 February, all day: 09:00 in Berlin is 08:00 UTC; a day before is 08:00 UTC on the 2nd.
    const taskId = await remind(me, [{ minutesBefore: 0 }, { minutesBefore: 1440 }], {
      title: 'Passport renewal',
      dueDate: new Date('2027-02-03T00:00:00Z'),
      allDay: true,
    });
    expect(await pass(new Date('2027-02-02T07:59:00Z'))).toMatchObject({ sent: 0 });
    expect(await pass(new Date('2027-02-02T08:00:00Z'))).toMatchObject({ sent: 1 });
    expect(await pass(new Date('2027-02-03T07:59:00Z'))).toMatchObject({ sent: 0 });
    expect(await pass(new Date('2027-02-03T08:00:00Z'))).toMatchObject({ sent: 1 });
    expect(mailsOf(me).map((mail) => mail.text.split('\n')[1])).toEqual(['Due Wed 3 Feb', 'Due Wed 3 Feb']);
    expect(browser.delivered.map((push) => push.payload)).toMatchObject([
      { title: 'Passport renewal', body: 'Due Wed 3 Feb', taskId },
      { title: 'Passport renewal', body: 'Due Wed 3 Feb', taskId },
    ]);
  });

  it('sends nothing for a completed or a deleted task', async () => {
    const me = await newAccount();
    const browser = await subscribeBrowser(me);
    const done = await remind(me, [{ at: T }], { title: 'Done already' });
    const gone = await remind(me, [{ at: T }], { title: 'Deleted' });
    const open = await remind(me, [{ at: T }], { title: 'Still open' });
    await me.api.task.update({ id: done, status: 'completed' });
    await me.api.task.delete({ id: gone });
    expect(await pass(T)).toMatchObject({ sent: 1 });
    expect(mailsOf(me).map((mail) => mail.subject)).toEqual(['Reminder: Still open']);
    expect(browser.delivered.map((push) => push.payload.taskId)).toEqual([open]);
  });

  it('mails only a verified address, and still pushes to an unverified account’s browsers', async () => {
    const unverified = await newAccount({ verified: false });
    const browser = await subscribeBrowser(unverified);
    const taskId = await remind(unverified, [{ at: T }]);
    expect(await pass(T)).toMatchObject({ sent: 1 });
    expect(mailsTo(inbox, unverified.email)).toEqual([]);
    expect(browser.delivered.map((push) => push.payload.taskId)).toEqual([taskId]);
    expect((await unverified.api.reminder.recent()).reminders.map((row) => row.taskId)).toEqual([taskId]);
  });

  it('follows the email and push switches of the settings', async () => {
    const noMail = await newAccount({ settings: { emailReminders: false } });
    const noPush = await newAccount({ settings: { pushReminders: false } });
    const neither = await newAccount({ settings: { emailReminders: false, pushReminders: false } });
    const noMailBrowser = await subscribeBrowser(noMail);
    const noPushBrowser = await subscribeBrowser(noPush);
    const neitherBrowser = await subscribeBrowser(neither);
    for (const account of [noMail, noPush, neither]) await remind(account, [{ at: T }]);
    expect(await pass(T)).toMatchObject({ sent: 3 });
    expect(mailsOf(noMail)).toEqual([]);
    expect(noMailBrowser.delivered).toHaveLength(1);
    expect(mailsOf(noPush)).toHaveLength(1);
    expect(noPushBrowser.delivered).toEqual([]);
    expect(mailsOf(neither)).toEqual([]);
    expect(neitherBrowser.delivered).toEqual([]);
    // Still on the bell list.
    expect((await neither.api.reminder.recent()).reminders).toHaveLength(1);
  });

  it('forgets a browser whose push service answers 404 or 410, and still delivers to the others', async () => {
    const me = await newAccount({ settings: { emailReminders: false } });
    const expired = await subscribeBrowser(me);
    const uninstalled = await subscribeBrowser(me);
    const alive = await subscribeBrowser(me);
    expired.answer(410);
    uninstalled.answer(404);
    await remind(me, [{ at: T }, { at: at(10) }]);
    expect(await pass(T)).toMatchObject({ sent: 1, retrying: 0 });
    expect(await subscriptionCount(me.userId)).toBe(1);
    expect(await pass(at(10))).toMatchObject({ sent: 1 });
    expect(alive.delivered).toHaveLength(2);
    const postedTo = (browser: PushBrowser) =>
      pushService.received.filter((push) => push.endpoint === browser.endpoint).length;
    expect(postedTo(expired)).toBe(1);
    expect(postedTo(uninstalled)).toBe(1);
  });

  it('settles a reminder whose only browser is gone without retrying it', async () => {
    const me = await newAccount({ settings: { emailReminders: false } });
    (await subscribeBrowser(me)).answer(410);
    const taskId = await remind(me, [{ at: T }]);
    expect(await pass(T)).toMatchObject({ sent: 1, retrying: 0 });
    expect(await jobStatuses(taskId)).toEqual(['sent/1']);
    expect(await subscriptionCount(me.userId)).toBe(0);
  });

  it('retries a push the service refuses after 1, 5 and 30 minutes, then gives up: four attempts at most', async () => {
    const me = await newAccount({ settings: { emailReminders: false } });
    const browser = await subscribeBrowser(me);
    browser.answer(500);
    const taskId = await remind(me, [{ at: T }]);
    const attempts = () => pushService.received.filter((push) => push.endpoint === browser.endpoint).length;
    const schedule: [number, string][] = [
      [0, 'retrying'],
      [0.99, 'none'],
      [1, 'retrying'],
      [5.99, 'none'],
      [6, 'retrying'],
      [35.99, 'none'],
      [36, 'failed'],
      [50, 'none'],
      [120, 'none'],
    ];
    const seen: string[] = [];
    for (const [minutes] of schedule) {
      const counts = await pass(at(minutes));
      seen.push(counts.failed ? 'failed' : counts.retrying ? 'retrying' : 'none');
    }
    expect(seen).toEqual(schedule.map(([, outcome]) => outcome));
    expect(attempts()).toBe(4);
    expect(await jobStatuses(taskId)).toEqual(['failed/4']);
    expect(await subscriptionCount(me.userId)).toBe(1);
    expect((await me.api.reminder.recent()).reminders).toEqual([]);
  });

  it('retries a mail the SMTP server refuses with backoff, and sends it when the server takes it again', async () => {
    const flaky = await startRefusingSmtp(2);
    try {
      const through = {
        ...delivery,
        mailer: createMailer(testEnv({ SMTP_URL: flaky.url }), delivery.logger),
      };
      const me = await newAccount({ settings: { pushReminders: false } });
      const taskId = await remind(me, [{ at: T }]);
      expect(await pass(T, through)).toMatchObject({ retrying: 1 });
      expect(await pass(at(0.5), through)).toMatchObject({ retrying: 0, sent: 0 });
      expect(await pass(at(1), through)).toMatchObject({ retrying: 1 });
      expect(await pass(at(6), through)).toMatchObject({ late: 1 });
      expect(flaky.attempts()).toBe(3);
      expect(flaky.delivered.filter((to) => to === me.email)).toHaveLength(1);
      expect(await jobStatuses(taskId)).toEqual(['late/3']);
    } finally {
      await flaky.close();
    }
  });

  it('gives up on a mail after four refusals', async () => {
    const refusing = await startRefusingSmtp(Number.POSITIVE_INFINITY);
    try {
      const through = {
        ...delivery,
        mailer: createMailer(testEnv({ SMTP_URL: refusing.url }), delivery.logger),
      };
      const me = await newAccount({ settings: { pushReminders: false } });
      const taskId = await remind(me, [{ at: T }]);
      for (const minutes of [0, 1, 6, 36, 66, 200]) await pass(at(minutes), through);
      expect(refusing.attempts()).toBe(4);
      expect(await jobStatuses(taskId)).toEqual(['failed/4']);
    } finally {
      await refusing.close();
    }
  });

  it('counts a reminder delivered when the mail went out though a push failed (no channel repeats)', async () => {
    const me = await newAccount();
    const broken = await subscribeBrowser(me);
    broken.answer(500);
    const taskId = await remind(me, [{ at: T }]);
    expect(await pass(T)).toMatchObject({ sent: 1, retrying: 0 });
    expect(await pass(at(1))).toMatchObject({ sent: 0, retrying: 0 });
    expect(mailsOf(me)).toHaveLength(1);
    expect(await jobStatuses(taskId)).toEqual(['sent/1']);
  });

  it('sends a reminder found late (within the hour) once, saying so, and drops one older than an hour', async () => {
    const me = await newAccount();
    const browser = await subscribeBrowser(me);
    const late = await remind(me, [{ at: T }], { title: 'Late one' });
    expect(await pass(at(5))).toMatchObject({ sent: 0, late: 1 });
    expect(await pass(at(6))).toMatchObject({ late: 0 });
    const [mail] = mailsOf(me);
    expect(mailsOf(me)).toHaveLength(1);
    expect(mail?.text).toContain('This reminder is late');
    expect(browser.delivered).toHaveLength(1);
    expect(await jobStatuses(late)).toEqual(['late/1']);
    expect((await me.api.reminder.recent()).reminders).toMatchObject([{ taskId: late, late: true }]);

    const tooOld = await remind(me, [{ at: at(120) }], { title: 'Too old' });
    expect(await pass(at(120 + 61))).toMatchObject({ dropped: 1, sent: 0, late: 0 });
    expect(mailsOf(me)).toHaveLength(1);
    expect(browser.delivered).toHaveLength(1);
    expect(await jobStatuses(tooOld)).toEqual(['dropped/0']);
    expect((await me.api.reminder.recent()).reminders).toHaveLength(1);
  });

  it('leaves the title out of the push for a browser that hides titles, and only for it', async () => {
    const me = await newAccount();
    const lockScreen = await subscribeBrowser(me, true);
    const desk = await subscribeBrowser(me, false);
    const taskId = await remind(me, [{ at: T }], { title: 'Surprise party for Ada', dueDate: at(60) });
    await pass(T);
    const [hidden] = lockScreen.delivered;
    expect(hidden?.payload).toEqual({
      kind: 'reminder',
      title: 'Taskapp reminder',
      body: 'You have a task reminder. Open Taskapp to see it.',
      url: `/?task=${taskId}`,
      taskId,
      tag: expect.any(String),
    });
    expect(JSON.stringify(hidden?.payload)).not.toMatch(/Surprise|Ada/);
    expect(desk.delivered[0]?.payload.title).toBe('Surprise party for Ada');
    // A browser subscribing again changes its choice.
    await me.api.push.subscribe({ endpoint: lockScreen.endpoint, keys: lockScreen.keys, hideTitles: false });
    await remind(me, [{ at: at(5) }], { title: 'Surprise party for Ada' });
    await pass(at(5));
    expect(lockScreen.delivered[1]?.payload.title).toBe('Surprise party for Ada');
  });
});

describe('the worker', () => {
  it('lets a send in flight finish and settle when stopped, and starts no pass after', async () => {
    const slow = await startHeldSmtp();
    const worker = startReminderWorker(
      { ...delivery, mailer: createMailer(testEnv({ SMTP_URL: slow.url }), delivery.logger) },
      { pollMs: 60_000, now: () => T },
    );
    // The pass a worker makes at start, before anything is due: the next one is the test's.
    await worker.tick();
    try {
      const me = await newAccount({ settings: { pushReminders: false } });
      const taskId = await remind(me, [{ at: T }]);
      const firstPass = worker.tick();
      await waitFor(() => slow.held() === 1, { what: 'the reminder mail on the wire' });
      expect(await jobStatuses(taskId)).toEqual(['sending/1']);
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      const later = await remind(me, [{ at: T }], { title: 'After the stop' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stopped).toBe(false);
      slow.release();
      await stopping;
      expect((await firstPass)?.reminders).toMatchObject({ sent: 1 });
      expect(await jobStatuses(taskId)).toEqual(['sent/1']);
      expect(await worker.tick()).toBeNull();
      expect(await jobStatuses(later)).toEqual(['pending/0']);
      expect(slow.delivered).toEqual([me.email]);
    } finally {
      await worker.stop();
      slow.release();
      await slow.close();
    }
  });
  it('claims no further batch once stopped, leaving the rest for another instance', async () => {
    const slow = await startHeldSmtp();
    const worker = startReminderWorker(
      { ...delivery, mailer: createMailer(testEnv({ SMTP_URL: slow.url }), delivery.logger) },
      { pollMs: 60_000, now: () => T },
    );
    // The pass a worker makes at start, before anything is due: the next one is the test's.
    await worker.tick();
    try {
      const me = await newAccount({ settings: { pushReminders: false } });
      // One more than a pass claims at once (500), all due now.
      await sql.run(
        `insert into tasks (user_id, title, reminders)
         select ?, 'Batch ' || g, jsonb_build_array(jsonb_build_object('at', ?::timestamptz))
         from generate_series(1, 501) g`,
        [me.userId, T.toISOString()],
      );
      const firstPass = worker.tick();
      await waitFor(() => slow.held() > 0, { what: 'the first mails on the wire' });
      const stopping = worker.stop();
      slow.release();
      await stopping;
      expect((await firstPass)?.reminders).toMatchObject({ sent: 500 });
      const statuses = await sql.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from reminder_jobs where user_id = ? group by status order by status',
        [me.userId],
      );
      expect(statuses).toEqual([
        { status: 'pending', n: 1 },
        { status: 'sent', n: 500 },
      ]);
      expect(slow.delivered).toHaveLength(500);
    } finally {
      await worker.stop();
      slow.release();
      await slow.close();
    }
  });
});

describe('push subscriptions through the API', () => {
  const validKeys = () => pushService.newBrowser().keys;

  it('answers the VAPID public key the messages are signed with', async () => {
    const me = await newAccount();
    expect(await me.api.push.publicKey()).toEqual({ publicKey: deps.push.publicKey });
    expect(deps.push.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it('refuses keys that cannot encrypt a message', async () => {
    const me = await newAccount();
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`;
    const good = validKeys();
    const offCurve = Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url');
    for (const keys of [
      { ...good, p256dh: offCurve },
      { ...good, p256dh: randomBytes(33).toString('base64url') },
      { ...good, auth: randomBytes(8).toString('base64url') },
      { ...good, auth: 'not base64url!' },
      { ...good, p256dh: '' },
    ]) {
      await expectCode(me.api.push.subscribe({ endpoint, keys }), 'BAD_REQUEST');
    }
    expect(await subscriptionCount(me.userId)).toBe(0);
    await me.api.push.subscribe({ endpoint, keys: good });
    expect(await subscriptionCount(me.userId)).toBe(1);
  });

  it('refuses an endpoint outside PUSH_ENDPOINT_HOSTS, and everything when push is off', async () => {
    const me = await newAccount();
    const session = { userId: me.userId, sessionId: randomUUID() };
    const limited = callerFor(
      { ...deps, push: createPushService(testEnv({ PUSH_ENDPOINT_HOSTS: 'push.example.test' })) },
      session,
    );
    const keys = validKeys();
    for (const endpoint of [
      'https://evil.example.com/push/1',
      'https://push.example.test.evil.example.com/1',
      'http://push.example.test/insecure',
      'http://127.0.0.1:5432/',
    ]) {
      await expectCode(limited.push.subscribe({ endpoint, keys }), 'BAD_REQUEST');
    }
    await limited.push.subscribe({ endpoint: 'https://eu.push.example.test/abc', keys });
    expect(await subscriptionCount(me.userId)).toBe(1);

    const off = callerFor(
      {
        ...deps,
        push: createPushService(testEnv({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' })),
      },
      session,
    );
    expect(await off.push.publicKey()).toEqual({ publicKey: null });
    await expectCode(
      off.push.subscribe({ endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`, keys }),
      'BAD_REQUEST',
    );
    expect(await subscriptionCount(me.userId)).toBe(1);
  });

  it('never lets one user unsubscribe another’s browser or see another’s reminders', async () => {
    const owner = await newAccount();
    const intruder = await newAccount();
    const ownersBrowser = await subscribeBrowser(owner);
    expect(await intruder.api.push.unsubscribe({ endpoint: ownersBrowser.endpoint })).toEqual({
      endpoint: ownersBrowser.endpoint,
    });
    expect(await subscriptionCount(owner.userId)).toBe(1);
    const taskId = await remind(owner, [{ at: T }], { title: 'Owner’s secret' });
    await remind(intruder, [{ at: T }], { title: 'Intruder’s own' });
    await pass(T);
    expect(ownersBrowser.delivered.map((push) => push.payload.taskId)).toEqual([taskId]);
    const seen = (await intruder.api.reminder.recent()).reminders;
    expect(seen.map((row) => row.title)).toEqual(['Intruder’s own']);
    expect((await owner.api.reminder.recent({ limit: 1 })).reminders.map((row) => row.taskId)).toEqual([
      taskId,
    ]);
    await owner.api.push.unsubscribe({ endpoint: ownersBrowser.endpoint });
    expect(await subscriptionCount(owner.userId)).toBe(0);
  });
});

describe('the daily digest on a fake clock', () => {
  const digests = () => ({
    queries: deps.queries,
    mailer: deps.mailer,
    appOrigin: deps.env.APP_ORIGIN,
    logger: deps.logger,
  });
  const sendAt = (iso: string) => sendDueDigests(digests(), () => new Date(iso));
  const DIGEST_SUBJECT = /^Your tasks for/;

  beforeEach(async () => {
    await sql.run('update user_settings set daily_digest_at = null');
  });

  it('goes out at 08:00 in Berlin across the spring change (07:00, 06:00, 06:00 UTC), listing overdue and today’s tasks', async () => {
    const me = await newAccount({ settings: { timeZone: 'Europe/Berlin', dailyDigestAt: '08:00' } });
    const quiet = await newAccount({ settings: { timeZone: 'Europe/Berlin', dailyDigestAt: '08:00' } });
    const create = (title: string, dueDate: string, extra: { allDay?: boolean; status?: 'completed' } = {}) =>
      me.api.task.create({ title, dueDate: new Date(dueDate), ...extra });
    const overdue = await create('Overdue invoice', '2026-03-27T16:00:00Z');
    await create('Finished long ago', '2026-03-26T10:00:00Z', { status: 'completed' });
    const today = await create('Dentist', '2026-03-28T14:00:00Z');
    await create('Weekend shopping', '2026-03-28T00:00:00Z', { allDay: true });
    await create('Sunday brunch', '2026-03-29T10:00:00Z');
    await create('Monday standup', '2026-03-30T07:30:00Z');

    expect(await sendAt('2026-03-28T06:59:00Z')).toBe(0);
    expect(await sendAt('2026-03-28T07:00:00Z')).toBe(1);
    expect(await sendAt('2026-03-28T07:05:00Z')).toBe(0);
    const [saturday] = mailsTo(inbox, me.email, DIGEST_SUBJECT);
    expect(saturday?.subject).toBe('Your tasks for Saturday 28 March: 1 overdue, 2 today');
    expect(saturday?.text).toContain('Overdue (1)\n- Overdue invoice (17:00)');
    expect(saturday?.text).toContain(`${deps.env.APP_ORIGIN}/?task=${overdue.id}`);
    expect(saturday?.text).toContain('Today (2)');
    expect(saturday?.text).toContain('- Dentist (15:00)');
    expect(saturday?.text).toContain(`${deps.env.APP_ORIGIN}/?task=${today.id}`);
    expect(saturday?.text).toContain('- Weekend shopping\n');
    expect(saturday?.text).not.toMatch(/Finished long ago|Sunday brunch|Monday standup/);

    // The clocks go forward that night: 08:00 is 06:00 UTC from Sunday on.
    expect(await sendAt('2026-03-29T05:59:00Z')).toBe(0);
    expect(await sendAt('2026-03-29T06:00:00Z')).toBe(1);
    expect(await sendAt('2026-03-30T05:59:00Z')).toBe(0);
    expect(await sendAt('2026-03-30T06:00:00Z')).toBe(1);
    expect(await sendAt('2026-03-30T08:00:00Z')).toBe(0);
    const subjects = mailsTo(inbox, me.email, DIGEST_SUBJECT).map((mail) => mail.subject);
    expect(subjects).toEqual([
      'Your tasks for Saturday 28 March: 1 overdue, 2 today',
      'Your tasks for Sunday 29 March: 3 overdue, 1 today',
      'Your tasks for Monday 30 March: 4 overdue, 1 today',
    ]);
    const monday = mailsTo(inbox, me.email, DIGEST_SUBJECT)[2];
    expect(monday?.text).toContain('- Monday standup (09:30)');

    // Nothing to list: no mail, and the day counts as done.
    expect(mailsTo(inbox, quiet.email)).toEqual([]);
    const quietDays = await sql.query<{ day: string; status: string }>(
      `select to_char(local_date, 'YYYY-MM-DD') as day, status from daily_digests where user_id = ? order by local_date`,
      [quiet.userId],
    );
    expect(quietDays).toEqual([
      { day: '2026-03-28', status: 'sent' },
      { day: '2026-03-29', status: 'sent' },
      { day: '2026-03-30', status: 'sent' },
    ]);
  });

  it('lists its own day’s tasks when it goes out after midnight, within the grace window', async () => {
    const me = await newAccount({ settings: { timeZone: 'America/New_York', dailyDigestAt: '23:30' } });
    // Saturday 10 January 20:00 and Sunday 11 January 10:00 in New York.
    await me.api.task.create({ title: 'Saturday evening call', dueDate: new Date('2026-01-11T01:00:00Z') });
    await me.api.task.create({ title: 'Sunday errand', dueDate: new Date('2026-01-11T15:00:00Z') });
    // 23:30 on Saturday was 04:30 UTC; the servers were down until 00:30 on Sunday.
    expect(await sendAt('2026-01-11T05:30:00Z')).toBe(1);
    const [mail] = mailsTo(inbox, me.email, DIGEST_SUBJECT);
    expect(mail?.subject).toBe('Your tasks for Saturday 10 January: 1 today');
    expect(mail?.text).toContain('- Saturday evening call (20:00)');
    expect(mail?.text).not.toContain('Sunday errand');
  });

  it('is not sent to an unverified address', async () => {
    const unverified = await newAccount({ verified: false, settings: { dailyDigestAt: '07:00' } });
    await unverified.api.task.create({ title: 'Overdue', dueDate: new Date('2026-04-01T10:00:00Z') });
    expect(await sendAt('2026-04-02T07:00:00Z')).toBe(0);
    expect(mailsTo(inbox, unverified.email)).toEqual([]);
  });
});

/** A real SMTP server that holds every message until released. */
async function startHeldSmtp() {
  let held = 0;
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const delivered: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        held += 1;
        void gate.then(() => {
          delivered.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    held: () => held,
    delivered,
    release: () => release(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface RefusingSmtp {
  url: string;
  /** Messages offered (each a delivery attempt). */
  attempts(): number;
  /** Recipients of the messages taken. */
  delivered: string[];
  close(): Promise<void>;
}

/** A real SMTP server that answers 451 (try again later) to the first `refusals` messages, then takes them. */
async function startRefusingSmtp(refusals: number): Promise<RefusingSmtp> {
  let offered = 0;
  const delivered: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        offered += 1;
        if (offered <= refusals) {
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        delivered.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    attempts: () => offered,
    delivered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

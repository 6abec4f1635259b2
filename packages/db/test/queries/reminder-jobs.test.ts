import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClaimedReminder, reminderJobQueries } from '../../src/queries/reminder-jobs.js';
import { taskWriteQueries } from '../../src/queries/task-writes.js';
import { useOwnerAndOther } from './owner-and-other.js';

// Issue 15's reminder schedule: what the triggers keep in reminder_jobs for every kind of task write, and
// the worker's claim, settle and retry statements.

const db = useOwnerAndOther();
let jobs: ReturnType<typeof reminderJobQueries>;

beforeAll(() => {
  jobs = reminderJobQueries(db.pool);
});

const MINUTE_MS = 60_000;
const NOW = new Date('2027-01-04T10:00:00.000Z');
const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * MINUTE_MS);

type StoredReminder = { at: string } | { minutesBefore: number };

interface TaskWithReminders {
  dueDate?: Date | string | null;
  allDay?: boolean;
  status?: 'pending' | 'in_progress' | 'completed';
  reminders: StoredReminder[];
}

async function insertTask(userId: string, task: TaskWithReminders): Promise<string> {
  const result = await db.pool.query<{ id: string }>(
    `insert into tasks (user_id, title, status, due_date, all_day, completed_at, reminders)
     values ($1, 'Call the plumber', $2::varchar, $3, $4, case when $2::varchar = 'completed' then now() end, $5::jsonb) returning id`,
    [
      userId,
      task.status ?? 'pending',
      task.dueDate ?? null,
      task.allDay ?? false,
      JSON.stringify(task.reminders),
    ],
  );
  return (result.rows[0] as { id: string }).id;
}

async function setTimeZone(userId: string, timeZone: string): Promise<void> {
  await db.pool.query(
    `insert into user_settings (user_id, time_zone) values ($1, $2)
     on conflict (user_id) do update set time_zone = excluded.time_zone`,
    [userId, timeZone],
  );
}

interface StoredJob {
  index: number;
  fireAt: string;
  status: string;
}

async function jobsOf(taskId: string): Promise<StoredJob[]> {
  const result = await db.pool.query<StoredJob>(
    `select reminder_index as "index", to_char(fire_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as "fireAt", status
     from reminder_jobs where task_id = $1 order by reminder_index, fire_at`,
    [taskId],
  );
  return result.rows;
}

const pending = (index: number, fireAt: string): StoredJob => ({ index, fireAt, status: 'pending' });

async function setStatus(taskId: string, status: string): Promise<void> {
  await db.pool.query('update reminder_jobs set status = $2 where task_id = $1', [taskId, status]);
}

describe('the schedule the triggers keep', () => {
  it('fires { at } at that instant, with or without a due date', async () => {
    const withDue = await insertTask(db.owner, {
      dueDate: '2027-01-05T12:00:00Z',
      reminders: [{ at: '2027-01-05T08:30:00.000Z' }],
    });
    const withoutDue = await insertTask(db.owner, { reminders: [{ at: '2027-01-06T07:15:00.000Z' }] });
    expect(await jobsOf(withDue)).toEqual([pending(0, '2027-01-05T08:30Z')]);
    expect(await jobsOf(withoutDue)).toEqual([pending(0, '2027-01-06T07:15Z')]);
  });

  it('fires { minutesBefore } that long before a timed due date, and not at all without one', async () => {
    const timed = await insertTask(db.owner, {
      dueDate: '2027-01-05T12:00:00Z',
      reminders: [{ minutesBefore: 0 }, { minutesBefore: 90 }, { minutesBefore: 1440 }],
    });
    const undated = await insertTask(db.owner, { reminders: [{ minutesBefore: 10 }] });
    expect(await jobsOf(timed)).toEqual([
      pending(0, '2027-01-05T12:00Z'),
      pending(1, '2027-01-05T10:30Z'),
      pending(2, '2027-01-04T12:00Z'),
    ]);
    expect(await jobsOf(undated)).toEqual([]);
  });

  it('counts all-day reminders from 09:00 on the day in UTC for a user without settings', async () => {
    const id = await insertTask(db.owner, {
      dueDate: '2027-03-28T00:00:00Z',
      allDay: true,
      reminders: [{ minutesBefore: 0 }, { minutesBefore: 60 }],
    });
    expect(await jobsOf(id)).toEqual([pending(0, '2027-03-28T09:00Z'), pending(1, '2027-03-28T08:00Z')]);
  });

  it.each([
    // Berlin: CET (UTC+1) before 28 March 2027, CEST (UTC+2) from that day on.
    ['Europe/Berlin', '2027-03-27', '2027-03-27T08:00Z', '2027-03-26T08:00Z'],
    ['Europe/Berlin', '2027-03-28', '2027-03-28T07:00Z', '2027-03-27T08:00Z'],
    // New York: EST (UTC-5) before 14 March 2027, EDT (UTC-4) from that day on.
    ['America/New_York', '2027-03-13', '2027-03-13T14:00Z', '2027-03-12T14:00Z'],
    ['America/New_York', '2027-03-14', '2027-03-14T13:00Z', '2027-03-13T14:00Z'],
    // And back in autumn: 09:00 EDT the day before the change to EST.
    ['America/New_York', '2027-11-07', '2027-11-07T14:00Z', '2027-11-06T13:00Z'],
  ])('counts all-day reminders from 09:00 local in %s on %s', async (zone, day, atNine, dayBefore) => {
    await setTimeZone(db.owner, zone);
    const id = await insertTask(db.owner, {
      dueDate: `${day}T00:00:00Z`,
      allDay: true,
      // A day before is 09:00 the day before on the wall clock, also across a clock change.
      reminders: [{ minutesBefore: 0 }, { minutesBefore: 1440 }],
    });
    expect(await jobsOf(id)).toEqual([pending(0, atNine), pending(1, dayBefore)]);
  });

  it('schedules nothing for a completed task, and drops the pending jobs of one completed', async () => {
    const done = await insertTask(db.owner, {
      status: 'completed',
      reminders: [{ at: '2027-01-05T08:30:00.000Z' }],
    });
    const open = await insertTask(db.owner, { reminders: [{ at: '2027-01-05T08:30:00.000Z' }] });
    await db.pool.query(`update tasks set status = 'completed', completed_at = now() where id = $1`, [open]);
    expect(await jobsOf(done)).toEqual([]);
    expect(await jobsOf(open)).toEqual([]);
  });

  it('schedules a reopened task again, keeping (not repeating) what was already sent', async () => {
    const id = await insertTask(db.owner, {
      reminders: [{ at: '2027-01-05T08:30:00.000Z' }, { at: '2027-01-06T08:30:00.000Z' }],
    });
    await db.pool.query('update reminder_jobs set status = $2 where task_id = $1 and reminder_index = 0', [
      id,
      'sent',
    ]);
    await db.pool.query(`update tasks set status = 'completed', completed_at = now() where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([{ index: 0, fireAt: '2027-01-05T08:30Z', status: 'sent' }]);
    await db.pool.query(`update tasks set status = 'in_progress', completed_at = null where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([
      { index: 0, fireAt: '2027-01-05T08:30Z', status: 'sent' },
      pending(1, '2027-01-06T08:30Z'),
    ]);
  });

  it('replaces the pending job when the due date moves, and keeps one already sent', async () => {
    const id = await insertTask(db.owner, {
      dueDate: '2027-01-05T12:00:00Z',
      reminders: [{ minutesBefore: 60 }, { minutesBefore: 10 }],
    });
    await db.pool.query('update reminder_jobs set status = $2 where task_id = $1 and reminder_index = 0', [
      id,
      'sent',
    ]);
    await db.pool.query(`update tasks set due_date = '2027-01-07T12:00:00Z' where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([
      { index: 0, fireAt: '2027-01-05T11:00Z', status: 'sent' },
      pending(0, '2027-01-07T11:00Z'),
      pending(1, '2027-01-07T11:50Z'),
    ]);
    // Moved back: the sent one is the same reminder of the same occurrence, so it is not scheduled again.
    await db.pool.query(`update tasks set due_date = '2027-01-05T12:00:00Z' where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([
      { index: 0, fireAt: '2027-01-05T11:00Z', status: 'sent' },
      pending(1, '2027-01-05T11:50Z'),
    ]);
  });

  it('follows an all-day flag turned off and the due date cleared', async () => {
    const id = await insertTask(db.owner, {
      dueDate: '2027-01-05T00:00:00Z',
      allDay: true,
      reminders: [{ minutesBefore: 30 }],
    });
    expect(await jobsOf(id)).toEqual([pending(0, '2027-01-05T08:30Z')]);
    await db.pool.query(`update tasks set all_day = false, due_date = '2027-01-05T15:00:00Z' where id = $1`, [
      id,
    ]);
    expect(await jobsOf(id)).toEqual([pending(0, '2027-01-05T14:30Z')]);
    await db.pool.query('update tasks set due_date = null where id = $1', [id]);
    expect(await jobsOf(id)).toEqual([]);
  });

  it('replaces the jobs when the reminders are replaced, and leaves them when other fields change', async () => {
    const id = await insertTask(db.owner, {
      dueDate: '2027-01-05T12:00:00Z',
      reminders: [{ minutesBefore: 60 }, { minutesBefore: 10 }],
    });
    await db.pool.query(`update reminder_jobs set created_at = '2000-01-01' where task_id = $1`, [id]);
    await db.pool.query(
      `update tasks set title = 'Call the plumber again', priority = 'high' where id = $1`,
      [id],
    );
    const untouched = await db.pool.query(
      'select count(*)::int as n from reminder_jobs where task_id = $1 and created_at = $2',
      [id, '2000-01-01'],
    );
    expect(untouched.rows[0]).toEqual({ n: 2 });
    await db.pool.query(`update tasks set reminders = '[{"minutesBefore": 0}]' where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([pending(0, '2027-01-05T12:00Z')]);
    await db.pool.query(`update tasks set reminders = '[]' where id = $1`, [id]);
    expect(await jobsOf(id)).toEqual([]);
  });

  it('moves the pending all-day jobs when the time zone is first saved and when it changes', async () => {
    const allDay = await insertTask(db.owner, {
      dueDate: '2027-01-05T00:00:00Z',
      allDay: true,
      reminders: [{ minutesBefore: 0 }, { minutesBefore: 60 }],
    });
    const timed = await insertTask(db.owner, {
      dueDate: '2027-01-05T12:00:00Z',
      reminders: [{ minutesBefore: 0 }],
    });
    const othersAllDay = await insertTask(db.other, {
      dueDate: '2027-01-05T00:00:00Z',
      allDay: true,
      reminders: [{ minutesBefore: 0 }],
    });
    await db.pool.query('update reminder_jobs set status = $2 where task_id = $1 and reminder_index = 1', [
      allDay,
      'sent',
    ]);
    await setTimeZone(db.owner, 'Europe/Berlin');
    expect(await jobsOf(allDay)).toEqual([
      pending(0, '2027-01-05T08:00Z'),
      pending(1, '2027-01-05T07:00Z'),
      { index: 1, fireAt: '2027-01-05T08:00Z', status: 'sent' },
    ]);
    await setTimeZone(db.owner, 'America/New_York');
    expect(await jobsOf(allDay)).toEqual([
      pending(0, '2027-01-05T14:00Z'),
      { index: 1, fireAt: '2027-01-05T08:00Z', status: 'sent' },
      pending(1, '2027-01-05T13:00Z'),
    ]);
    expect(await jobsOf(timed)).toEqual([pending(0, '2027-01-05T12:00Z')]);
    expect(await jobsOf(othersAllDay)).toEqual([pending(0, '2027-01-05T09:00Z')]);
  });

  it('gives a recurring task’s next occurrence jobs of its own', async () => {
    const writes = taskWriteQueries(db.pool);
    const task = await writes.create(
      db.owner,
      {
        title: 'Water plants',
        dueDate: new Date('2027-01-05T00:00:00Z'),
        allDay: true,
        recurrence: { rule: 'FREQ=DAILY', from: 'due' },
        reminders: [{ minutesBefore: 0 }],
      },
      NOW,
    );
    await setStatus(task.id, 'sent');
    const result = await writes.update(db.owner, task.id, { status: 'completed' }, undefined, NOW);
    expect(result.kind).toBe('updated');
    const spawn = await db.pool.query<{ id: string }>(
      'select id from tasks where previous_occurrence_id = $1',
      [task.id],
    );
    const spawnId = spawn.rows[0]?.id as string;
    expect(await jobsOf(task.id)).toEqual([{ index: 0, fireAt: '2027-01-05T09:00Z', status: 'sent' }]);
    expect(await jobsOf(spawnId)).toEqual([pending(0, '2027-01-06T09:00Z')]);
  });

  it('schedules every row of a bulk update in one statement, and no one else’s', async () => {
    const ids: string[] = [];
    for (let day = 10; day < 20; day++) {
      ids.push(
        await insertTask(db.owner, {
          dueDate: `2027-01-${day}T12:00:00Z`,
          reminders: [{ minutesBefore: 5 }],
        }),
      );
    }
    const others = await insertTask(db.other, {
      dueDate: '2027-01-10T12:00:00Z',
      reminders: [{ minutesBefore: 5 }],
    });
    await db.pool.query(
      `update tasks set due_date = due_date + interval '1 hour' where user_id = $1 and id = any($2::uuid[])`,
      [db.owner, ids],
    );
    expect(await jobsOf(ids[0] as string)).toEqual([pending(0, '2027-01-10T12:55Z')]);
    expect(await jobsOf(ids[9] as string)).toEqual([pending(0, '2027-01-19T12:55Z')]);
    const count = await db.pool.query(
      'select count(*)::int as n from reminder_jobs where task_id = any($1::uuid[])',
      [ids],
    );
    expect(count.rows[0]).toEqual({ n: 10 });
    expect(await jobsOf(others)).toEqual([pending(0, '2027-01-10T11:55Z')]);
  });

  it('goes with its task when the task is deleted', async () => {
    const id = await insertTask(db.owner, { reminders: [{ at: '2027-01-05T08:30:00.000Z' }] });
    await db.pool.query('delete from tasks where id = $1', [id]);
    expect(await jobsOf(id)).toEqual([]);
  });
});

describe('the worker’s statements', () => {
  // claimDue takes any user's due jobs: each test starts from an empty schedule.
  beforeEach(async () => {
    await db.pool.query('delete from reminder_jobs');
  });

  const remindAt = (userId: string, fireAt: Date) =>
    insertTask(userId, { reminders: [{ at: fireAt.toISOString() }] });

  it('claims due jobs once, on time or late, with their task and owner, and not future ones', async () => {
    const onTime = await remindAt(db.owner, at(-0.5));
    const late = await remindAt(db.owner, at(-5));
    await remindAt(db.owner, at(1));
    await db.pool.query('insert into user_settings (user_id, push_reminders) values ($1, false)', [db.owner]);
    const first = await jobs.claimDue(NOW, 10);
    expect(first.dropped).toBe(0);
    expect(first.claimed.map(({ taskId, late, attempts }) => ({ taskId, late, attempts }))).toEqual([
      { taskId: late, late: true, attempts: 1 },
      { taskId: onTime, late: false, attempts: 1 },
    ]);
    const email = await db.pool.query<{ email: string }>('select email from users where id = $1', [db.owner]);
    expect(first.claimed[0]).toMatchObject({
      title: 'Call the plumber',
      userId: db.owner,
      email: email.rows[0]?.email,
      emailReminders: true,
      pushReminders: false,
      reminderIndex: 0,
      fireAt: at(-5),
    });
    expect(await jobs.claimDue(NOW, 10)).toEqual({ claimed: [], dropped: 0 });

    const [lateJob, onTimeJob] = first.claimed as [ClaimedReminder, ClaimedReminder];
    expect(await jobs.markSent(lateJob.id, NOW, lateJob.late)).toBe(true);
    expect(await jobs.markSent(onTimeJob.id, NOW, onTimeJob.late)).toBe(true);
    expect(await jobs.markSent(onTimeJob.id, NOW, onTimeJob.late)).toBe(false);
    expect((await jobsOf(late))[0]?.status).toBe('late');
    expect((await jobsOf(onTime))[0]?.status).toBe('sent');
  });

  it('drops jobs more than the grace window late instead of claiming them', async () => {
    const stale = await remindAt(db.owner, at(-61));
    const withinGrace = await remindAt(db.owner, at(-59));
    const result = await jobs.claimDue(NOW, 10);
    expect(result.dropped).toBe(1);
    expect(result.claimed.map((job) => job.taskId)).toEqual([withinGrace]);
    expect((await jobsOf(stale))[0]?.status).toBe('dropped');
  });

  it('respects the limit, oldest first', async () => {
    const oldest = await remindAt(db.owner, at(-3));
    const middle = await remindAt(db.owner, at(-2));
    const newest = await remindAt(db.owner, at(-1));
    expect((await jobs.claimDue(NOW, 2)).claimed.map((job) => job.taskId)).toEqual([oldest, middle]);
    expect((await jobs.claimDue(NOW, 2)).claimed.map((job) => job.taskId)).toEqual([newest]);
  });

  it('never lets two claimers take the same job', async () => {
    const taskIds = new Set<string>();
    for (let i = 0; i < 40; i++) taskIds.add(await remindAt(i % 2 ? db.owner : db.other, at(-1 - i / 100)));
    const first = new pg.Client({ connectionString: db.databaseUrl });
    const second = new pg.Client({ connectionString: db.databaseUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      // The first holds its rows in an open transaction; the second skips them rather than waiting.
      await first.query('begin');
      const byFirst = await reminderJobQueries(first).claimDue(NOW, 25);
      const bySecond = await reminderJobQueries(second).claimDue(NOW, 25);
      await first.query('commit');
      const firstIds = byFirst.claimed.map((job) => job.taskId);
      const secondIds = bySecond.claimed.map((job) => job.taskId);
      expect(firstIds).toHaveLength(25);
      expect(secondIds).toHaveLength(15);
      expect(new Set([...firstIds, ...secondIds])).toEqual(taskIds);

      // Racing for real: whoever wins a row, each is claimed exactly once.
      await db.pool.query(`update reminder_jobs set status = 'pending'`);
      const racing = await Promise.all([
        reminderJobQueries(first).claimDue(NOW, 7),
        reminderJobQueries(second).claimDue(NOW, 7),
        reminderJobQueries(first).claimDue(NOW, 7),
        reminderJobQueries(second).claimDue(NOW, 7),
        reminderJobQueries(db.pool).claimDue(NOW, 7),
        reminderJobQueries(db.pool).claimDue(NOW, 7),
      ]);
      const raced = racing.flatMap((result) => result.claimed.map((job) => job.id));
      expect(raced).toHaveLength(new Set(raced).size);
      expect(raced.length).toBe(40);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it('retries a failed job after 1, 5 and 30 minutes, then gives up', async () => {
    const id = await remindAt(db.owner, NOW);
    const claimAt = async (minutes: number) => (await jobs.claimDue(at(minutes), 10)).claimed;
    const failAt = async (minutes: number) => {
      const [job] = await claimAt(minutes);
      if (!job) throw new Error(`nothing to claim at +${minutes} min`);
      return { job, status: await jobs.markFailed(job.id, at(minutes), 'SMTP said 451') };
    };
    expect((await failAt(0)).status).toBe('pending');
    expect(await claimAt(0.9)).toEqual([]);
    expect((await failAt(1)).status).toBe('pending');
    expect(await claimAt(5.9)).toEqual([]);
    const third = await failAt(6);
    expect(third).toMatchObject({ status: 'pending', job: { attempts: 3, late: true } });
    expect(await claimAt(35.9)).toEqual([]);
    const fourth = await failAt(36);
    expect(fourth).toMatchObject({ status: 'failed', job: { attempts: 4 } });
    expect(await claimAt(120)).toEqual([]);
    const stored = await db.pool.query(
      'select status, attempts, last_error from reminder_jobs where task_id = $1',
      [id],
    );
    expect(stored.rows).toEqual([{ status: 'failed', attempts: 4, last_error: 'SMTP said 451' }]);
    expect(await jobs.markFailed(fourth.job.id, at(37), 'again')).toBeNull();
  });

  it('marks jobs left sending by a crashed worker failed, never to be sent again', async () => {
    const crashed = await remindAt(db.owner, at(-1));
    const [job] = (await jobs.claimDue(NOW, 10)).claimed;
    const busy = await remindAt(db.owner, at(5));
    await jobs.claimDue(at(6), 10);
    // Ten minutes after their claims: the first is stale, the second is still being sent.
    expect(await jobs.releaseStale(at(11))).toBe(1);
    expect((await jobsOf(crashed))[0]?.status).toBe('failed');
    expect((await jobsOf(busy))[0]?.status).toBe('sending');
    expect(await jobs.claimDue(at(12), 10)).toEqual({ claimed: [], dropped: 0 });
    expect(await jobs.markSent(job?.id as string, at(12), false)).toBe(false);
  });
});

describe('what the schedule leaves out and keeps (written against the real clock)', () => {
  const minutesFromReal = (minutes: number) => new Date(Date.now() + minutes * MINUTE_MS);

  it('does not schedule a reminder more than a minute past when written, and does schedule one just past', async () => {
    const longPast = await insertTask(db.owner, {
      reminders: [{ at: minutesFromReal(-5).toISOString() }],
    });
    const justPast = await insertTask(db.owner, {
      reminders: [{ at: minutesFromReal(-0.25).toISOString() }],
    });
    // An hour before a task due in ten minutes is fifty minutes ago; at the due time is still to come.
    const dueSoon = minutesFromReal(10);
    const relative = await insertTask(db.owner, {
      dueDate: dueSoon,
      reminders: [{ minutesBefore: 60 }, { minutesBefore: 0 }],
    });
    expect(await jobsOf(longPast)).toEqual([]);
    expect(await jobsOf(justPast)).toHaveLength(1);
    expect((await jobsOf(relative)).map((job) => job.index)).toEqual([1]);
  });

  it('keeps a pending job waiting late through edits of the title and status that leave it wanted', async () => {
    const fireAt = minutesFromReal(-10);
    const id = await insertTask(db.owner, { reminders: [{ at: fireAt.toISOString() }] });
    // The servers were down: the job was scheduled in time and is still pending ten minutes later.
    const inserted = await db.pool.query<{ id: string }>(
      'insert into reminder_jobs (user_id, task_id, reminder_index, fire_at) values ($1, $2, 0, $3) returning id',
      [db.owner, id, fireAt],
    );
    const jobId = inserted.rows[0]?.id;
    await db.pool.query(`update tasks set title = 'Call the plumber today' where id = $1`, [id]);
    await db.pool.query(`update tasks set status = 'in_progress' where id = $1`, [id]);
    const kept = await db.pool.query('select id, status from reminder_jobs where task_id = $1', [id]);
    expect(kept.rows).toEqual([{ id: jobId, status: 'pending' }]);
    // A reminder changed to another past instant is no longer wanted, and the new one is not scheduled.
    await db.pool.query('update tasks set reminders = $2::jsonb where id = $1', [
      id,
      JSON.stringify([{ at: minutesFromReal(-20).toISOString() }]),
    ]);
    expect(await jobsOf(id)).toEqual([]);
  });
});

describe('delivered reminders: batch settling, the bell list and pruning', () => {
  beforeEach(async () => {
    await db.pool.query('delete from reminder_jobs');
  });

  const remind = async (userId: string, title: string, fireAt: Date) => {
    const id = await insertTask(userId, { reminders: [{ at: fireAt.toISOString() }] });
    await db.pool.query('update tasks set title = $2 where id = $1', [id, title]);
    return id;
  };

  it('settles claimed jobs in one statement, only those still being sent', async () => {
    await remind(db.owner, 'First', at(-1));
    await remind(db.owner, 'Second', at(-2));
    const { claimed } = await jobs.claimDue(NOW, 10);
    const ids = claimed.map((job) => job.id);
    await db.pool.query(`update reminder_jobs set status = 'failed' where id = $1`, [ids[0]]);
    expect(await jobs.markSentMany(ids, at(1), true)).toBe(1);
    expect(await jobs.markSentMany(ids, at(2), true)).toBe(0);
    expect(await jobs.markSentMany([], at(2), false)).toBe(0);
    const stored = await db.pool.query(
      'select status, sent_at from reminder_jobs where id = any($1::uuid[]) order by status',
      [ids],
    );
    expect(stored.rows).toEqual([
      { status: 'failed', sent_at: null },
      { status: 'late', sent_at: at(1) },
    ]);
  });

  it('lists only the user’s sent and late reminders, newest first, up to the limit', async () => {
    const first = await remind(db.owner, 'Water plants', at(-3));
    const second = await remind(db.owner, 'Call mum', at(-2));
    const third = await remind(db.owner, 'Pay rent', at(-1));
    const pendingOne = await remind(db.owner, 'Not yet', at(30));
    const failing = await remind(db.owner, 'Broken', at(-1.5));
    const others = await remind(db.other, 'Someone else’s', at(-1));
    const { claimed } = await jobs.claimDue(NOW, 10);
    const jobOf = (taskId: string) => claimed.find((job) => job.taskId === taskId) as ClaimedReminder;
    await jobs.markSentMany([jobOf(first).id], at(1), false);
    await jobs.markSentMany([jobOf(third).id], at(3), true);
    await jobs.markSentMany([jobOf(second).id, jobOf(others).id], at(2), false);
    await jobs.markFailed(jobOf(failing).id, at(1), 'SMTP said 451');

    const recent = await jobs.recent(db.owner, 10);
    expect(recent).toEqual([
      { id: jobOf(third).id, taskId: third, title: 'Pay rent', fireAt: at(-1), sentAt: at(3), late: true },
      { id: jobOf(second).id, taskId: second, title: 'Call mum', fireAt: at(-2), sentAt: at(2), late: false },
      {
        id: jobOf(first).id,
        taskId: first,
        title: 'Water plants',
        fireAt: at(-3),
        sentAt: at(1),
        late: false,
      },
    ]);
    expect(recent.map((row) => row.taskId)).not.toContain(pendingOne);
    expect((await jobs.recent(db.owner, 2)).map((row) => row.taskId)).toEqual([third, second]);
    expect((await jobs.recent(db.other, 10)).map((row) => row.taskId)).toEqual([others]);
  });

  it('prunes settled jobs older than the cut-off and never pending or sending ones', async () => {
    const statuses = ['sent', 'late', 'dropped', 'failed', 'pending', 'sending'] as const;
    const old: Record<string, string> = {};
    for (const status of statuses) {
      const id = await remind(db.owner, status, at(-60 * 24 * 40));
      old[status] = id;
    }
    const recentSent = await remind(db.owner, 'recent', at(-60));
    // Old fire times can't be scheduled any more (they are past): arrange the rows directly.
    for (const [status, taskId] of Object.entries(old)) {
      await db.pool.query(
        'insert into reminder_jobs (user_id, task_id, reminder_index, fire_at, status) values ($1, $2, 0, $3, $4)',
        [db.owner, taskId, at(-60 * 24 * 40), status],
      );
    }
    await db.pool.query(`update reminder_jobs set status = 'sent' where task_id = $1`, [recentSent]);
    expect(await jobs.prune(at(-60 * 24 * 30))).toBe(4);
    const left = await db.pool.query<{ status: string }>(
      'select status from reminder_jobs where user_id = $1 order by status',
      [db.owner],
    );
    expect(left.rows.map((row) => row.status)).toEqual(['pending', 'sending', 'sent']);
  });
});

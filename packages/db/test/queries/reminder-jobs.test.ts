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
    ['Europe/Berlin', '2027-03-28', '2027-03-28T07:00Z', '2027-03-27T07:00Z'],
    // New York: EST (UTC-5) before 14 March 2027, EDT (UTC-4) from that day on.
    ['America/New_York', '2027-03-13', '2027-03-13T14:00Z', '2027-03-12T14:00Z'],
    ['America/New_York', '2027-03-14', '2027-03-14T13:00Z', '2027-03-13T13:00Z'],
  ])('counts all-day reminders from 09:00 local in %s on %s', async (zone, day, atNine, dayBefore) => {
    await setTimeZone(db.owner, zone);
    const id = await insertTask(db.owner, {
      dueDate: `${day}T00:00:00Z`,
      allDay: true,
      // A day before is 1,440 minutes before: across a clock change that is not 09:00 the day before.
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

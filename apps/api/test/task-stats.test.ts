import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCode,
  insertTasks,
  newUser,
  openTaskTestDb,
  type RawTask,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';

let t: TaskTestDb;

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const STATUSES = ['pending', 'in_progress', 'completed'] as const;
const PRIORITIES = ['low', 'medium', 'high'] as const;

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
const localDate = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

interface Fixture {
  status: (typeof STATUSES)[number];
  priority: (typeof PRIORITIES)[number];
  due: number | null;
}

/** The instants (to the minute) whose calendar date in the zone is the date of `now` there. */
function todayWindow(timeZone: string, now: number): { start: number; end: number } {
  const today = localDate(now, timeZone);
  let start = Math.floor(now / 60_000) * 60_000;
  while (localDate(start - 60_000, timeZone) === today) start -= 60_000;
  let end = start;
  while (localDate(end, timeZone) === today) end += 60_000;
  return { start, end };
}

function expectedStats(tasks: Fixture[], timeZone: string, now: number) {
  const open = tasks.filter((task) => task.status !== 'completed');
  const today = localDate(now, timeZone);
  const count = <T>(values: readonly T[], of: (task: Fixture) => T) =>
    Object.fromEntries(values.map((value) => [value, tasks.filter((task) => of(task) === value).length]));
  return {
    byStatus: count(STATUSES, (task) => task.status),
    byPriority: count(PRIORITIES, (task) => task.priority),
    overdue: open.filter((task) => task.due !== null && task.due < now).length,
    dueToday: open.filter((task) => task.due !== null && localDate(task.due, timeZone) === today).length,
  };
}

/** Stats as the API gives them, retried if a midnight in the zone passed while asking. */
async function statsAt(user: TestUser, tasks: Fixture[], timeZone: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = Date.now();
    const actual = await user.api.task.stats({ timeZone });
    const after = Date.now();
    const expected = expectedStats(tasks, timeZone, before);
    if (JSON.stringify(expected) === JSON.stringify(expectedStats(tasks, timeZone, after))) {
      return { actual, expected };
    }
  }
  throw new Error('the day kept changing');
}

describe('task.stats', () => {
  let user: TestUser;
  let tasks: Fixture[];

  beforeAll(async () => {
    user = await newUser(t, 'stats');
    const now = Date.now();
    tasks = [];
    // One task every hour from 50 hours ago to 50 hours ahead, 17 minutes off the hour so none is due
    // within a minute of "now"; every third one completed (never overdue or due today).
    for (let k = -50; k < 50; k++) {
      // Uneven: some hours have no task, some two, so each zone's "today" holds a different number.
      const copies = (k * 7 + 3) % 5 === 0 ? 0 : Math.abs(k) % 4 === 1 ? 2 : 1;
      for (let copy = 0; copy < copies; copy++)
        tasks.push({
          status: STATUSES[(k + 51) % 3] ?? 'pending',
          priority: PRIORITIES[(k + 50) % 3] ?? 'medium',
          due: now + k * HOUR + 17 * 60_000,
        });
    }
    for (let i = 0; i < 7; i++) tasks.push({ status: 'pending', priority: 'high', due: null });
    await insertTasks(
      t,
      user.userId,
      tasks.map(
        (task, i): RawTask => ({
          title: `Task ${i}`,
          status: task.status,
          priority: task.priority,
          dueDate: task.due === null ? null : new Date(task.due).toISOString(),
        }),
      ),
    );
  });

  it('counts by status and priority, and overdue open tasks', async () => {
    const { actual, expected } = await statsAt(user, tasks, 'UTC');
    expect(actual).toEqual(expected);
    expect(actual.byStatus.pending + actual.byStatus.in_progress + actual.byStatus.completed).toBe(
      tasks.length,
    );
    expect(actual.overdue).toBeGreaterThan(20);
  });

  it("counts 'due today' in the caller's zone: Kiritimati (UTC+14) and Pago Pago (UTC-11)", async () => {
    const kiritimati = await statsAt(user, tasks, 'Pacific/Kiritimati');
    const pagoPago = await statsAt(user, tasks, 'Pacific/Pago_Pago');
    expect(kiritimati.actual).toEqual(kiritimati.expected);
    expect(pagoPago.actual).toEqual(pagoPago.expected);
    // Everything but dueToday is the same whatever the zone.
    expect({ ...kiritimati.actual, dueToday: 0 }).toEqual({ ...pagoPago.actual, dueToday: 0 });
  });

  it('tells apart tasks due today in Kiritimati only, in Pago Pago only, and in both', async () => {
    // The two zones are 25 hours apart: their calendar dates differ, and their "today" windows overlap
    // for 23 hours. Tasks sit in the parts only one zone counts as today, and outside both.
    const zoned = await newUser(t, 'stats-zones');
    const now = Date.now();
    const kiritimati = todayWindow('Pacific/Kiritimati', now);
    const pagoPago = todayWindow('Pacific/Pago_Pago', now);
    const onlyK = [Math.max(kiritimati.start, pagoPago.end), kiritimati.end];
    const onlyP = [Math.max(pagoPago.start, kiritimati.end), pagoPago.end];
    const slices = [
      // [from, to] instants whose midpoint gets tasks, and how many
      { range: kiritimati.start < pagoPago.start ? [kiritimati.start, pagoPago.start] : onlyK, n: 3 },
      { range: pagoPago.start < kiritimati.start ? [pagoPago.start, kiritimati.start] : onlyP, n: 1 },
      { range: [Math.max(kiritimati.start, pagoPago.start), Math.min(kiritimati.end, pagoPago.end)], n: 2 },
      {
        range: [
          Math.min(kiritimati.start, pagoPago.start) - 3 * HOUR,
          Math.min(kiritimati.start, pagoPago.start) - HOUR,
        ],
        n: 1,
      },
      {
        range: [
          Math.max(kiritimati.end, pagoPago.end) + HOUR,
          Math.max(kiritimati.end, pagoPago.end) + 3 * HOUR,
        ],
        n: 1,
      },
    ];
    const fixtures: Fixture[] = slices.flatMap(({ range: [from = 0, to = 0], n }) =>
      Array.from({ length: n }, () => ({
        status: 'pending' as const,
        priority: 'low' as const,
        due: (from + to) / 2,
      })),
    );
    // The same instants, completed: never due today.
    fixtures.push(...fixtures.map((task) => ({ ...task, status: 'completed' as const })));
    await insertTasks(
      t,
      zoned.userId,
      fixtures.map((task) => ({
        status: task.status,
        priority: task.priority,
        dueDate: new Date(task.due ?? 0).toISOString(),
      })),
    );
    const k = await statsAt(zoned, fixtures, 'Pacific/Kiritimati');
    const p = await statsAt(zoned, fixtures, 'Pacific/Pago_Pago');
    const u = await statsAt(zoned, fixtures, 'UTC');
    expect(k.actual).toEqual(k.expected);
    expect(p.actual).toEqual(p.expected);
    expect(u.actual).toEqual(u.expected);
    // Whichever zone starts its day first, the first slice is Kiritimati's alone and the second Pago
    // Pago's alone: 3 + 2 and 1 + 2. (Between 10:00 and 11:00 UTC Pago Pago's day starts first.)
    expect(k.actual.dueToday).toBe(5);
    expect(p.actual.dueToday).toBe(3);
  });

  it.each([
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Pacific/Chatham',
    'Etc/GMT+12',
    'Etc/GMT-14',
  ])('counts due today in %s', async (timeZone) => {
    const { actual, expected } = await statsAt(user, tasks, timeZone);
    expect(actual).toEqual(expected);
  });

  it('answers for every time zone the runtime knows, and for common aliases', async () => {
    const zones = [
      ...Intl.supportedValuesOf('timeZone'),
      'US/Pacific',
      'Asia/Calcutta',
      'Europe/Kiev',
      'GMT',
      'UCT',
      'Zulu',
      'EST5EDT',
      'America/Buenos_Aires',
      'europe/berlin',
    ];
    const failed: string[] = [];
    for (const timeZone of zones) {
      try {
        const stats = await user.api.task.stats({ timeZone });
        if (stats.byStatus.pending + stats.byStatus.in_progress + stats.byStatus.completed !== tasks.length)
          failed.push(`${timeZone}: wrong totals`);
      } catch (error) {
        failed.push(`${timeZone}: ${(error as { code?: string }).code ?? String(error)}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('is all zeros for a user without tasks', async () => {
    const empty = await newUser(t, 'stats-empty');
    expect(await empty.api.task.stats({ timeZone: 'Pacific/Kiritimati' })).toEqual({
      byStatus: { pending: 0, in_progress: 0, completed: 0 },
      byPriority: { low: 0, medium: 0, high: 0 },
      overdue: 0,
      dueToday: 0,
    });
  });

  it.each([
    'Mars/Olympus',
    '',
    'Europe/Berlin; select 1',
    "UTC' or '1'='1",
    'localtime',
    'posixrules',
    '+05:00',
    'Not/A_Zone',
    'x'.repeat(65),
  ])('refuses the time zone %j with BAD_REQUEST', async (timeZone) => {
    await expectCode(user.api.task.stats({ timeZone }), 'BAD_REQUEST');
  });

  it('refuses unknown keys', async () => {
    await expectCode(user.api.task.stats({ timeZone: 'UTC', day: '2030-01-01' } as never), 'BAD_REQUEST');
  });
});

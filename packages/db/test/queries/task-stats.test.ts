import { TASK_PRIORITIES, TASK_STATUSES } from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskStatsQueries } from '../../src/queries/task-stats.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { dateIn, insertTask, insertUser, startOfDayIn, type TaskFields } from './arrange.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let stats: ReturnType<typeof taskStatsQueries>['stats'];

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  stats = taskStatsQueries(pool).stats;
});
afterAll(() => testOrm.close());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function arrange(userId: string, tasks: TaskFields[]): Promise<void> {
  for (const task of tasks) await insertTask(pool, userId, task);
}

describe('task stats', () => {
  it('count the owner’s tasks by status and by priority, and no other user’s', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const mine: TaskFields[] = [];
    // Uneven counts, so a column mixed up with another shows.
    for (let i = 0; i < 9; i += 1)
      mine.push({
        status: TASK_STATUSES[Math.min(Math.floor(i / 3.5), 2)],
        priority: TASK_PRIORITIES[i % 4 === 0 ? 2 : i % 2],
      });
    await arrange(owner, mine);
    await arrange(other, [
      { status: 'completed', priority: 'low' },
      { status: 'completed', priority: 'low' },
      { status: 'pending', priority: 'high' },
    ]);
    const count = <K extends keyof TaskFields>(key: K, value: TaskFields[K]) =>
      mine.filter((task) => task[key] === value).length;

    const result = await stats(owner, 'UTC');
    expect(result.byStatus).toEqual({
      pending: count('status', 'pending'),
      in_progress: count('status', 'in_progress'),
      completed: count('status', 'completed'),
    });
    expect(result.byPriority).toEqual({
      low: count('priority', 'low'),
      medium: count('priority', 'medium'),
      high: count('priority', 'high'),
    });
  });

  it('are all zero for an owner without tasks, even when others have some', async () => {
    const owner = await insertUser(pool);
    await arrange(await insertUser(pool), [{ status: 'pending', dueDate: new Date(Date.now() - DAY) }]);
    expect(await stats(owner, 'UTC')).toEqual({
      byStatus: { pending: 0, in_progress: 0, completed: 0 },
      byPriority: { low: 0, medium: 0, high: 0 },
      overdue: 0,
      dueToday: 0,
    });
  });

  it('count as overdue only open tasks whose due date has passed', async () => {
    const owner = await insertUser(pool);
    const other = await insertUser(pool);
    const past = new Date(Date.now() - 2 * DAY);
    const future = new Date(Date.now() + 2 * DAY);
    const tasks: TaskFields[] = [
      { status: 'pending', dueDate: past },
      { status: 'in_progress', dueDate: past },
      { status: 'pending', dueDate: new Date(Date.now() - 60_000) },
      { status: 'completed', dueDate: past },
      { status: 'pending', dueDate: future },
      { status: 'pending', dueDate: null },
    ];
    await arrange(owner, tasks);
    await arrange(other, tasks);
    expect((await stats(owner, 'UTC')).overdue).toBe(3);
  });
});

/** Open tasks around the zone's day: its first and last millisecond count, the neighbours do not. */
function aroundTheDay(start: Date, end: Date): { tasks: TaskFields[]; expected: number } {
  const tasks: TaskFields[] = [
    { title: 'first millisecond', status: 'pending', dueDate: start },
    { title: 'midday, in progress', status: 'in_progress', dueDate: new Date(start.getTime() + 12 * HOUR) },
    { title: 'last millisecond', status: 'pending', dueDate: new Date(end.getTime() - 1) },
    { title: 'yesterday', status: 'pending', dueDate: new Date(start.getTime() - 1) },
    { title: 'tomorrow', status: 'pending', dueDate: end },
    { title: 'done today', status: 'completed', dueDate: new Date(start.getTime() + HOUR) },
    { title: 'no due date', status: 'pending', dueDate: null },
  ];
  return { tasks, expected: 3 };
}

/** Runs `measure` until the zone's date is the same before and after it (a test at midnight retries). */
async function onOneDay<T>(timeZone: string, measure: (now: Date) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = new Date();
    const result = await measure(now);
    if (dateIn(timeZone, now) === dateIn(timeZone, new Date())) return result;
  }
  throw new Error(`the date in ${timeZone} kept changing`);
}

describe('dueToday', () => {
  // Far from UTC on either side (their "today" differs from UTC's for most of the day), a half-hour
  // offset, and a zone with daylight saving time.
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/New_York'];

  it.each(zones)('counts open tasks due between midnight and midnight in %s', async (timeZone) => {
    const result = await onOneDay(timeZone, async (now) => {
      const owner = await insertUser(pool);
      const other = await insertUser(pool);
      const start = startOfDayIn(timeZone, now);
      const end = startOfDayIn(timeZone, new Date(start.getTime() + 36 * HOUR));
      // The helper's own arithmetic, checked without PostgreSQL.
      expect(dateIn(timeZone, start)).toBe(dateIn(timeZone, now));
      expect(dateIn(timeZone, new Date(start.getTime() - 1))).not.toBe(dateIn(timeZone, now));
      expect(dateIn(timeZone, new Date(end.getTime() - 1))).toBe(dateIn(timeZone, now));
      expect(dateIn(timeZone, end)).not.toBe(dateIn(timeZone, now));

      const { tasks, expected } = aroundTheDay(start, end);
      // A task due today in UTC but not today in the zone.
      const utcStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const utcOnly = [utcStart, utcStart + DAY - 1].find((t) => t < start.getTime() || t >= end.getTime());
      expect(utcOnly).toBeDefined();
      tasks.push({ title: 'today in UTC only', status: 'pending', dueDate: new Date(utcOnly as number) });

      await arrange(owner, tasks);
      await arrange(other, tasks);
      return { counted: (await stats(owner, timeZone)).dueToday, expected };
    });
    expect(result.counted).toBe(result.expected);
  });

  it('depends on the zone given: the same tasks counted in UTC follow UTC’s day', async () => {
    const timeZone = 'Pacific/Kiritimati';
    const result = await onOneDay(timeZone, async (now) => {
      const owner = await insertUser(pool);
      const start = startOfDayIn(timeZone, now);
      const end = startOfDayIn(timeZone, new Date(start.getTime() + 36 * HOUR));
      const { tasks } = aroundTheDay(start, end);
      await arrange(owner, tasks);
      const utcStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const inUtcToday = tasks.filter((task) => {
        const due = task.dueDate ? new Date(task.dueDate).getTime() : null;
        return task.status !== 'completed' && due !== null && due >= utcStart && due < utcStart + DAY;
      }).length;
      return {
        zone: (await stats(owner, timeZone)).dueToday,
        utc: (await stats(owner, 'UTC')).dueToday,
        inUtcToday,
      };
    });
    expect(result.zone).toBe(3);
    expect(result.utc).toBe(result.inUtcToday);
  });
});

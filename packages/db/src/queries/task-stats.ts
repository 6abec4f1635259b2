import type { Queryable } from '../pg.js';
import { firstRow, sql } from './sql.js';
import { isDueToday, isOverdue } from './task-conditions.js';
import { settingsTimeZoneOf } from './task-due-date.js';

export interface TaskStats {
  byStatus: { pending: number; in_progress: number; completed: number };
  byPriority: { low: number; medium: number; high: number };
  /** Open tasks whose due date has passed (an all-day one's from the next day in the zone). */
  overdue: number;
  /** Open tasks due on today's date in the zone, timed or all-day. */
  dueToday: number;
}

interface StatsRow {
  pending: number;
  in_progress: number;
  completed: number;
  low: number;
  medium: number;
  high: number;
  overdue: number;
  due_today: number;
}

/**
 * Counts for the owner's tasks in one pass over their rows (found through an index on user_id). "Today"
 * is read in `timeZone`, or in the owner's settings zone when none is given.
 */
async function taskStats(
  db: Queryable,
  userId: string,
  timeZone: string | undefined,
  now: Date,
): Promise<TaskStats> {
  const clock = {
    now,
    timeZone: timeZone === undefined ? settingsTimeZoneOf(userId) : sql`${timeZone}::text`,
  };
  const row = await firstRow<StatsRow>(
    db,
    sql`select
       count(*) filter (where "status" = 'pending')::int as pending,
       count(*) filter (where "status" = 'in_progress')::int as in_progress,
       count(*) filter (where "status" = 'completed')::int as completed,
       count(*) filter (where "priority" = 'low')::int as low,
       count(*) filter (where "priority" = 'medium')::int as medium,
       count(*) filter (where "priority" = 'high')::int as high,
       count(*) filter (where ${isOverdue(clock)})::int as overdue,
       count(*) filter (where ${isDueToday(clock)})::int as due_today
     from "tasks"
     where "user_id" = ${userId}`,
  );
  const count = (name: keyof StatsRow) => row?.[name] ?? 0;
  return {
    byStatus: { pending: count('pending'), in_progress: count('in_progress'), completed: count('completed') },
    byPriority: { low: count('low'), medium: count('medium'), high: count('high') },
    overdue: count('overdue'),
    dueToday: count('due_today'),
  };
}

export function taskStatsQueries(db: Queryable) {
  return {
    stats: (userId: string, timeZone: string | undefined, now = new Date()) =>
      taskStats(db, userId, timeZone, now),
  };
}

import type { Queryable } from '../pg.js';
import { firstRow, sql } from './sql.js';
import { IS_OVERDUE } from './task-conditions.js';

export interface TaskStats {
  byStatus: { pending: number; in_progress: number; completed: number };
  byPriority: { low: number; medium: number; high: number };
  /** Open tasks whose due date has passed. */
  overdue: number;
  /** Open tasks due between midnight and midnight today in the caller's time zone. */
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

/** Counts for the owner's tasks in one pass over their rows (found through an index on user_id). */
async function taskStats(db: Queryable, userId: string, timeZone: string): Promise<TaskStats> {
  const row = await firstRow<StatsRow>(
    db,
    sql`with today as (
       select (date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone}) as starts,
              ((date_trunc('day', now() at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone}) as ends
     )
     select
       count(*) filter (where "status" = 'pending')::int as pending,
       count(*) filter (where "status" = 'in_progress')::int as in_progress,
       count(*) filter (where "status" = 'completed')::int as completed,
       count(*) filter (where "priority" = 'low')::int as low,
       count(*) filter (where "priority" = 'medium')::int as medium,
       count(*) filter (where "priority" = 'high')::int as high,
       count(*) filter (where ${IS_OVERDUE})::int as overdue,
       count(*) filter (where "status" <> 'completed' and "due_date" >= today.starts and "due_date" < today.ends)::int as due_today
     from "tasks", today
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
    stats: (userId: string, timeZone: string) => taskStats(db, userId, timeZone),
  };
}

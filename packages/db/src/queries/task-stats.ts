import type { Sql } from './pool-sql.js';

export interface TaskStats {
  byStatus: { pending: number; in_progress: number; completed: number };
  byPriority: { low: number; medium: number; high: number };
  /** Open tasks whose due date has passed. */
  overdue: number;
  /** Open tasks due between midnight and midnight today in the caller's time zone. */
  dueToday: number;
}

/** Counts for the owner's tasks in one pass over their rows (found through an index on user_id). */
export async function taskStats(sql: Sql, userId: string, timeZone: string): Promise<TaskStats> {
  const [row] = await sql<Record<string, number>>(
    `with today as (
       select (date_trunc('day', now() at time zone $1) at time zone $1) as starts,
              ((date_trunc('day', now() at time zone $1) + interval '1 day') at time zone $1) as ends
     )
     select
       count(*) filter (where "status" = 'pending')::int as pending,
       count(*) filter (where "status" = 'in_progress')::int as in_progress,
       count(*) filter (where "status" = 'completed')::int as completed,
       count(*) filter (where "priority" = 'low')::int as low,
       count(*) filter (where "priority" = 'medium')::int as medium,
       count(*) filter (where "priority" = 'high')::int as high,
       count(*) filter (where "status" <> 'completed' and "due_date" < now())::int as overdue,
       count(*) filter (where "status" <> 'completed' and "due_date" >= today.starts and "due_date" < today.ends)::int as due_today
     from "tasks", today
     where "user_id" = $2`,
    [timeZone, userId],
  );
  const count = (name: string) => row?.[name] ?? 0;
  return {
    byStatus: { pending: count('pending'), in_progress: count('in_progress'), completed: count('completed') },
    byPriority: { low: count('low'), medium: count('medium'), high: count('high') },
    overdue: count('overdue'),
    dueToday: count('due_today'),
  };
}

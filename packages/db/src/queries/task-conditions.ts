import { raw, type Sql, sql } from './sql.js';

/**
 * Where "today" is: the moment and the time zone (a bound name, or SQL reading the owner's settings) in
 * which due dates are compared.
 */
export interface Clock {
  now: Date;
  timeZone: Sql;
}

/**
 * A point in time two ways: `instant` for timed tasks, `day` for all-day tasks (stored as 00:00Z of their
 * calendar day). "Due before the point" means due_date < instant for a timed task and due_date < day for
 * an all-day one.
 */
interface Bound {
  instant: Sql;
  day: Sql;
}

/** 00:00 of the zone's calendar day `days` after today, as an instant and as an all-day date. */
function localMidnight(clock: Clock, days: number): Bound {
  const date = sql`(date_trunc('day', ${clock.now}::timestamptz at time zone ${clock.timeZone}) + ${`${days} days`}::interval)`;
  return { instant: sql`(${date} at time zone ${clock.timeZone})`, day: sql`(${date} at time zone 'UTC')` };
}

/**
 * An instant given by a client. An all-day task counts as starting at 00:00 of its day in the zone, so
 * it is before the instant when its day is before the instant's day rounded up to the next midnight.
 */
export function instantBound(instant: Date, timeZone: Sql): Bound {
  const local = sql`(${instant}::timestamptz at time zone ${timeZone})`;
  return {
    instant: sql`${instant}::timestamptz`,
    day: sql`(date_trunc('day', ${local} + interval '1 day' - interval '1 microsecond') at time zone 'UTC')`,
  };
}

// Each pair starts with a plain range on "due_date" (the wider of both bounds), which the
// ("user_id", "due_date") index serves, before the exact per-kind comparison.
export const dueBefore = (bound: Bound): Sql =>
  sql`("due_date" < greatest(${bound.instant}, ${bound.day})
       and "due_date" < case when "all_day" then ${bound.day} else ${bound.instant} end)`;

export const dueAtOrAfter = (bound: Bound): Sql =>
  sql`("due_date" >= least(${bound.instant}, ${bound.day})
       and "due_date" >= case when "all_day" then ${bound.day} else ${bound.instant} end)`;

const OPEN = raw(`"status" <> 'completed'`);

/**
 * An open task past its due date: a timed one from its instant, an all-day one from the next day in the
 * zone. Never NULL, so `not` of it is every other task.
 */
export function isOverdue(clock: Clock): Sql {
  const now = { instant: sql`${clock.now}::timestamptz`, day: localMidnight(clock, 0).day };
  return sql`("due_date" is not null and ${OPEN} and ${dueBefore(now)})`;
}

/** An open task due on the zone's calendar day today (all day long, timed or all-day). */
export function isDueToday(clock: Clock): Sql {
  return sql`(${OPEN} and ${dueAtOrAfter(localMidnight(clock, 0))} and ${dueBefore(localMidnight(clock, 1))})`;
}

/** The `today` view: open tasks overdue or due today. */
export function isTodayView(clock: Clock): Sql {
  return sql`(${OPEN} and ${dueBefore(localMidnight(clock, 1))})`;
}

/** The `upcoming` view: open tasks due from today through the 7th day (today included). */
export function isUpcomingView(clock: Clock): Sql {
  return sql`(${OPEN} and ${dueAtOrAfter(localMidnight(clock, 0))} and ${dueBefore(localMidnight(clock, 7))})`;
}

/** Tasks of one project, or of the Inbox (no project) for null. */
export const inProject = (projectId: string | null): Sql =>
  projectId === null ? raw(`"project_id" is null`) : sql`"project_id" = ${projectId}`;

/** The direct subtasks of one task, or the top-level tasks for null. */
export const underParent = (parentId: string | null): Sql =>
  parentId === null ? raw(`"parent_id" is null`) : sql`"parent_id" = ${parentId}`;

/**
 * Tasks carrying every one of the labels: one probe of task_labels per label, which PostgreSQL answers
 * from its primary key (task, label) or, for a rare label, from the owner's (user_id, label_id) index.
 */
export const hasEveryLabel = (userId: string, labelIds: readonly string[]): Sql[] =>
  labelIds.map(
    (labelId) =>
      sql`exists (select 1 from "task_labels" where "task_labels"."user_id" = ${userId}
                  and "task_labels"."label_id" = ${labelId} and "task_labels"."task_id" = "tasks"."id")`,
  );

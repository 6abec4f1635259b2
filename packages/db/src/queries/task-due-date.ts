import { startOfUtcDay } from '@taskapp/shared';
import { type Sql, sql } from './sql.js';

export interface DueDateChange {
  dueDate?: Date | null;
  allDay?: boolean;
}

/** The caller's settings time zone, read inside the statement that needs it. */
export const settingsTimeZoneOf = (userId: string): Sql =>
  sql`coalesce((select "time_zone" from "user_settings" where "user_id" = ${userId}), 'UTC')`;

/** The due date and all-day flag of a new task: all-day only with a date, stored as its UTC day. */
export function newDueDate(change: DueDateChange): { dueDate: Date | null; allDay: boolean } {
  const dueDate = change.dueDate ?? null;
  const allDay = dueDate !== null && change.allDay === true;
  return { dueDate: allDay && dueDate ? startOfUtcDay(dueDate) : dueDate, allDay };
}

/**
 * The SET items for a change of due date and/or all-day flag (undefined = not given):
 * - `dueDate: null` clears the date and makes the task timed;
 * - a new date is stored as its UTC day when the task is (or becomes) all-day, else as the instant;
 * - `allDay: true` alone turns the current due date into its calendar day in the owner's settings zone
 *   (a task without a date stays timed); `allDay: false` alone keeps the date as an instant.
 */
export function dueDateAssignments(userId: string, change: DueDateChange): Sql[] {
  const { dueDate, allDay } = change;
  if (dueDate === null) return [sql`"due_date" = null`, sql`"all_day" = false`];
  if (dueDate !== undefined) {
    const day = startOfUtcDay(dueDate);
    if (allDay === undefined) {
      return [
        sql`"due_date" = case when "all_day" then ${day}::timestamptz else ${dueDate}::timestamptz end`,
      ];
    }
    return [sql`"due_date" = ${allDay ? day : dueDate}`, sql`"all_day" = ${allDay}`];
  }
  if (allDay === true) {
    const zone = settingsTimeZoneOf(userId);
    return [
      sql`"due_date" = case when "all_day" then "due_date"
            else date_trunc('day', "due_date" at time zone ${zone}) at time zone 'UTC' end`,
      sql`"all_day" = "due_date" is not null`,
    ];
  }
  if (allDay === false) return [sql`"all_day" = false`];
  return [];
}

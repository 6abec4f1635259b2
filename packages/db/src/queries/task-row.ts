import type { Recurrence, Reminder, TaskPriority, TaskStatus } from '@taskapp/shared';

type RecurrenceFrom = Recurrence['from'];

import { raw } from './sql.js';

/** A task as the API returns it (the contract's `task`): one shape for lists, reads and writes. */
export interface TaskDto {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  /** dueDate is a calendar day (00:00:00.000Z of that day), the same day in every time zone. */
  allDay: boolean;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The project, null for the Inbox. */
  projectId: string | null;
  /** The task's labels, in id order. */
  labelIds: string[];
  /** The parent task, null at the top level. */
  parentId: string | null;
  /** Direct subtasks, completed ones included. */
  subtaskCount: number;
  /** Manual order among the task's siblings: a fractional-indexing key, compared byte by byte. */
  position: string;
  /** How it repeats (an RRULE body, from the due date or the completion), null when it does not. */
  recurrence: Recurrence | null;
  /** Up to 5: at an instant, or minutes before the due date. */
  reminders: Reminder[];
}

/** What TASK_COLUMNS selects. */
export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  due_date_iso: string | null;
  all_day: boolean;
  completed_at_iso: string | null;
  created_at_iso: string;
  updated_at_iso: string;
  project_id: string | null;
  label_ids: string[];
  parent_id: string | null;
  subtask_count: number;
  position: string;
  recurrence_rule: string | null;
  recurrence_from: RecurrenceFrom | null;
  reminders: StoredReminder[];
}

/** A reminder as the jsonb column holds it: `at` as ISO 8601 text. */
type StoredReminder = { at: string } | { minutesBefore: number };

// Dates leave PostgreSQL as ISO 8601 in UTC with milliseconds, so JavaScript reads them the same whatever
// the session's time zone or the year's width. Aliased apart from the columns: ORDER BY "created_at" must
// mean the column, not this text.
const iso = (column: string) =>
  `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${column}_iso"`;

/** The select list of every query that returns tasks (the table must be named "tasks", not aliased). */
export const TASK_COLUMNS = raw(
  [
    '"id"',
    '"title"',
    '"description"',
    '"status"',
    '"priority"',
    iso('due_date'),
    '"all_day"',
    iso('completed_at'),
    iso('created_at'),
    iso('updated_at'),
    '"project_id"',
    `array(select "label_id" from "task_labels" where "task_labels"."task_id" = "tasks"."id" order by "label_id") as "label_ids"`,
    '"parent_id"',
    // Led by user_id and parent_id: tasks_user_id_parent_id_position_idx answers it from the index.
    `(select count(*)::int from "tasks" as "subtask" where "subtask"."user_id" = "tasks"."user_id" and "subtask"."parent_id" = "tasks"."id") as "subtask_count"`,
    '"position"',
    '"recurrence_rule"',
    '"recurrence_from"',
    '"reminders"',
  ].join(', '),
);

const toDate = (value: string | null) => (value === null ? null : new Date(value));

export function toTaskDto(row: TaskRow): TaskDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    dueDate: toDate(row.due_date_iso),
    allDay: row.all_day,
    completedAt: toDate(row.completed_at_iso),
    createdAt: new Date(row.created_at_iso),
    updatedAt: new Date(row.updated_at_iso),
    projectId: row.project_id,
    labelIds: row.label_ids,
    parentId: row.parent_id,
    subtaskCount: row.subtask_count,
    position: row.position,
    recurrence:
      row.recurrence_rule && row.recurrence_from
        ? { rule: row.recurrence_rule, from: row.recurrence_from }
        : null,
    reminders: row.reminders.map((reminder) =>
      'at' in reminder ? { at: new Date(reminder.at) } : { minutesBefore: reminder.minutesBefore },
    ),
  };
}

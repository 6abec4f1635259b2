import type { TaskPriority, TaskStatus } from '@taskapp/shared';
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
}

// Dates leave PostgreSQL as ISO 8601 in UTC with milliseconds, so JavaScript reads them the same whatever
// the session's time zone or the year's width. Aliased apart from the columns: ORDER BY "created_at" must
// mean the column, not this text.
const iso = (column: string) =>
  `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${column}_iso"`;

/** The select list of every query that returns tasks. */
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
  };
}

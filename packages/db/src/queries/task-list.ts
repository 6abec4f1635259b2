import type { ListTasksQuery, TaskPriority, TaskStatus } from '@taskapp/shared';
import type { Sql } from './pool-sql.js';
import { sortKeyFor } from './task-sort-keys.js';

/** A task as lists show it; the same fields as the API's task. */
export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Where the previous page ended: the sort key's value (as PostgreSQL printed it) and the task id. */
export interface TaskCursor {
  value: string;
  id: string;
}

export interface TaskPage {
  items: TaskRow[];
  /** The position after the last item, or null on the last page. */
  next: TaskCursor | null;
}

// Dates leave PostgreSQL as ISO 8601 in UTC, so JavaScript reads them the same whatever the session's
// time zone or the year's width. Aliased apart from the columns: ORDER BY "created_at" must mean the
// column, not this text.
const iso = (column: string) =>
  `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${column}_iso"`;
const COLUMNS = [
  '"id"',
  '"title"',
  '"description"',
  '"status"',
  '"priority"',
  iso('due_date'),
  iso('completed_at'),
  iso('created_at'),
  iso('updated_at'),
].join(', ');

interface RawRow {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  due_date_iso: string | null;
  completed_at_iso: string | null;
  created_at_iso: string;
  updated_at_iso: string;
  sort_value: string;
}

/** `%`, `_` and `\` typed by a person are literal characters, not wildcards. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/**
 * One page of the owner's tasks. Reviewed SQL rather than the ORM: this is the hottest read path, and
 * every condition it writes starts from `"user_id" = $1` so an index starting with user_id serves it.
 */
export async function listTasks(
  sql: Sql,
  userId: string,
  query: ListTasksQuery,
  after: TaskCursor | null,
): Promise<TaskPage> {
  const params: unknown[] = [];
  /** A bind parameter for `value`: `$1`, `$2`, … */
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [`"user_id" = ${param(userId)}`];

  const list = (values: readonly unknown[]) => values.map(param).join(', ');
  if (query.status?.length) where.push(`"status" in (${list(query.status)})`);
  if (query.priority?.length) where.push(`"priority" in (${list(query.priority)})`);
  if (query.search) {
    const pattern = param(likePattern(query.search));
    where.push(`("title" ilike ${pattern} or "description" ilike ${pattern})`);
  }
  if (query.dueBefore) where.push(`"due_date" < ${param(query.dueBefore)}`);
  if (query.dueAfter) where.push(`"due_date" >= ${param(query.dueAfter)}`);
  if (query.hasDueDate !== undefined)
    where.push(query.hasDueDate ? '"due_date" is not null' : '"due_date" is null');
  if (query.overdue === true) where.push(`"due_date" < now() and "status" <> 'completed'`);
  if (query.overdue === false)
    where.push(`not ("due_date" is not null and "due_date" < now() and "status" <> 'completed')`);

  const key = sortKeyFor(query.sort, query.order);
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  if (after) {
    const position = `(${param(after.value)}::${key.type}, ${param(after.id)}::uuid)`;
    where.push(`(${key.expression}, "id") ${direction === 'asc' ? '>' : '<'} ${position}`);
  }

  const rows = await sql<RawRow>(
    `select ${COLUMNS}, (${key.expression})::text as "sort_value" from "tasks"
     where ${where.join(' and ')}
     order by ${key.expression} ${direction}, "id" ${direction}
     limit ${param(query.limit + 1)}`,
    params,
  );

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      priority: row.priority,
      dueDate: toDate(row.due_date_iso),
      completedAt: toDate(row.completed_at_iso),
      createdAt: new Date(row.created_at_iso),
      updatedAt: new Date(row.updated_at_iso),
    })),
    next: rows.length > query.limit && last ? { value: last.sort_value, id: last.id } : null,
  };
}

import type { ListTasksQuery } from '@taskapp/shared';
import { sortKeyFor } from '../entities/task-sort-keys.js';
import type { Queryable } from '../pg.js';
import { join, raw, rows, type Sql, sql } from './sql.js';
import {
  type Clock,
  dueAtOrAfter,
  dueBefore,
  hasEveryLabel,
  inProject,
  instantBound,
  isOverdue,
  isTodayView,
  isUpcomingView,
  underParent,
} from './task-conditions.js';
import { settingsTimeZoneOf } from './task-due-date.js';
import { missingListFilter } from './task-list-filters.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';

/** Where the previous page ended: the sort key's value (as PostgreSQL printed it) and the task id. */
export interface TaskCursor {
  value: string;
  id: string;
}

export interface TaskPage {
  items: TaskDto[];
  /** The position after the last item, or null on the last page. */
  next: TaskCursor | null;
}

/** `%`, `_` and `\` typed by a person are literal characters, not wildcards. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Whether the trigram index can narrow a search: it needs three letters or digits in a row (pg_trgm's
 * words). Anything shorter (`ab`, `%%%`, emoji) matches no trigram, so PostgreSQL would read every task of
 * the user, descriptions (up to 10,000 characters each) included; such a search looks at titles only.
 */
function hasSearchableTrigram(search: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(search);
}

/**
 * The WHERE conditions. Dates are read in the owner's settings time zone: `overdue` and the views as
 * task.stats reads them; `dueBefore`/`dueAfter` compare a timed task's instant with the given instant,
 * and an all-day task as 00:00 of its day in that zone (so `dueBefore: <local midnight of day D>` keeps
 * all-day tasks of days before D, and `dueAfter` the same midnight keeps those of D and later).
 */
function conditions(userId: string, query: ListTasksQuery, now: Date): Sql[] {
  const clock: Clock = { now, timeZone: settingsTimeZoneOf(userId) };
  const where = [sql`"user_id" = ${userId}`];
  const list = (values: readonly unknown[]) =>
    join(
      values.map((value) => sql`${value}`),
      ', ',
    );
  if (query.status?.length) where.push(sql`"status" in (${list(query.status)})`);
  if (query.priority?.length) where.push(sql`"priority" in (${list(query.priority)})`);
  if (query.search) {
    const pattern = likePattern(query.search);
    where.push(
      hasSearchableTrigram(query.search)
        ? sql`("title" ilike ${pattern} or "description" ilike ${pattern})`
        : sql`"title" ilike ${pattern}`,
    );
  }
  if (query.dueBefore) where.push(dueBefore(instantBound(query.dueBefore, clock.timeZone)));
  if (query.dueAfter) where.push(dueAtOrAfter(instantBound(query.dueAfter, clock.timeZone)));
  if (query.hasDueDate !== undefined)
    where.push(raw(query.hasDueDate ? '"due_date" is not null' : '"due_date" is null'));
  if (query.overdue === true) where.push(isOverdue(clock));
  if (query.overdue === false) where.push(sql`not ${isOverdue(clock)}`);
  if (query.view === 'today') where.push(isTodayView(clock));
  if (query.view === 'upcoming') where.push(isUpcomingView(clock));
  if (query.projectId !== undefined) where.push(inProject(query.projectId));
  if (query.parentId !== undefined) where.push(underParent(query.parentId));
  if (query.labelIds?.length) where.push(...hasEveryLabel(userId, query.labelIds));
  return where;
}

/**
 * Columns that hold one value on every listed row of a place (a project or the Inbox, a parent or the top
 * level), named before the manual sort key so PostgreSQL reads the place's order straight from its
 * ("user_id", "project_id", "parent_id", position, "id") or ("user_id", "parent_id", position, "id")
 * index: an `is null` condition, unlike `=`, does not tell the planner that the column is fixed. The
 * order of the rows is the same, so cursors are unchanged.
 */
function pinnedColumns(query: ListTasksQuery): string[] {
  if (query.sort !== 'manual' || query.parentId === undefined) return [];
  return query.projectId === undefined ? ['"parent_id"'] : ['"project_id"', '"parent_id"'];
}

/**
 * One page of the owner's tasks, keyset-paginated. Every condition starts from `"user_id" = $1`, and the
 * order is one of the sort keys that has an index on ("user_id", key, "id"), so a page costs the same
 * wherever it is.
 */
async function listTasks(
  db: Queryable,
  userId: string,
  query: ListTasksQuery,
  after: TaskCursor | null,
  now: Date,
): Promise<TaskPage> {
  const where = conditions(userId, query, now);
  const key = sortKeyFor(query.sort, query.order);
  const expression = raw(key.expression);
  const order = query.order === 'asc' ? 'asc' : 'desc';
  const direction = raw(order);
  const pinned = raw(
    pinnedColumns(query)
      .map((column) => `${column} ${order}, `)
      .join(''),
  );
  if (after) {
    const comparison = raw(query.order === 'asc' ? '>' : '<');
    where.push(
      sql`(${expression}, "id") ${comparison} (${after.value}::${raw(key.type)}, ${after.id}::uuid)`,
    );
  }
  const found = await rows<TaskRow & { sort_value: string }>(
    db,
    sql`select ${TASK_COLUMNS}, (${expression})::text as "sort_value" from "tasks"
        where ${join(where, ' and ')}
        order by ${pinned}${expression} ${direction}, "id" ${direction}
        limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTaskDto),
    next: found.length > query.limit && last ? { value: last.sort_value, id: last.id } : null,
  };
}

/** The task list: the hottest read path, reviewed SQL on the app's own pool (decision 009). */
export function taskListQueries(db: Queryable) {
  return {
    list: (userId: string, query: ListTasksQuery, after: TaskCursor | null, now = new Date()) =>
      listTasks(db, userId, query, after, now),
    // Spelled out rather than named: the API's inferred router types must be able to name them.
    missingListFilter: (
      userId: string,
      query: Pick<ListTasksQuery, 'projectId' | 'labelIds' | 'parentId'>,
    ): Promise<'project' | 'label' | 'parent' | null> => missingListFilter(db, userId, query),
  };
}

import {
  type BulkUpdateTasksInput,
  type CreateTaskInput,
  completedAtAfter,
  DEFAULT_TASK_PRIORITY,
  DEFAULT_TASK_STATUS,
  type TaskStatus,
  type UpdateTaskInput,
} from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { deleteKeepingTombstones } from './deleted-tasks.js';
import { firstRow, join, raw, rowCount, type Sql, sql } from './sql.js';
import { dueDateAssignments, newDueDate } from './task-due-date.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';

export type TaskChanges = Omit<UpdateTaskInput, 'id' | 'expectedUpdatedAt'>;
export type TaskPatch = BulkUpdateTasksInput['patch'];

export type TaskUpdate = { kind: 'updated'; task: TaskDto } | { kind: 'missing' } | { kind: 'stale' };

/** The columns a caller may change directly, by input field; dueDate and allDay depend on each other. */
const CHANGEABLE = {
  title: '"title"',
  description: '"description"',
  status: '"status"',
  priority: '"priority"',
} as const satisfies Record<Exclude<keyof TaskChanges, 'dueDate' | 'allDay'>, string>;

/**
 * The SET list for the fields given (undefined means "not given"), plus the completedAt rule of
 * packages/shared's `completedAtAfter` in SQL form: set on completion, kept while completed, cleared
 * when the status leaves completed. The tests of this module pin both forms to the same cases.
 */
function assignments(userId: string, changes: TaskChanges, now: Date): Sql {
  const sets: Sql[] = [];
  for (const [field, column] of Object.entries(CHANGEABLE) as [keyof typeof CHANGEABLE, string][]) {
    const value = changes[field];
    if (value !== undefined) sets.push(sql`${raw(column)} = ${value}`);
  }
  sets.push(...dueDateAssignments(userId, changes));
  if (changes.status !== undefined) sets.push(completedAtAssignment(changes.status, now));
  sets.push(sql`"updated_at" = ${now}`);
  return join(sets, ', ');
}

function completedAtAssignment(status: TaskStatus, now: Date): Sql {
  return sql`"completed_at" = case when ${status}::text = 'completed' then coalesce("completed_at", ${now}) end`;
}

/** Owner-scoped writes: every statement names the owner, so another user's task behaves like a missing one. */
export function taskWriteQueries(db: Queryable) {
  return {
    async create(userId: string, input: CreateTaskInput, now: Date): Promise<TaskDto> {
      const status = input.status ?? DEFAULT_TASK_STATUS;
      const { dueDate, allDay } = newDueDate(input);
      const row = await firstRow<TaskRow>(
        db,
        sql`insert into "tasks" ("user_id", "title", "description", "status", "priority", "due_date", "all_day", "completed_at", "created_at", "updated_at")
            values (${userId}, ${input.title}, ${input.description ?? null}, ${status},
                    ${input.priority ?? DEFAULT_TASK_PRIORITY}, ${dueDate}, ${allDay},
                    ${completedAtAfter(status, null, now)}, ${now}, ${now})
            returning ${TASK_COLUMNS}`,
      );
      if (!row) throw new Error('insert into tasks returned no row');
      return toTaskDto(row);
    },

    /**
     * One statement: the owner, and the version the caller saw when given (`expectedUpdatedAt`, to the
     * millisecond, as clients see it), guard the UPDATE. Only when nothing matched does a second read tell
     * a missing task from a stale copy.
     */
    async update(
      userId: string,
      id: string,
      changes: TaskChanges,
      expectedUpdatedAt: Date | undefined,
      now: Date,
    ): Promise<TaskUpdate> {
      const guard = expectedUpdatedAt
        ? sql` and date_trunc('milliseconds', "updated_at") = ${expectedUpdatedAt}`
        : raw('');
      const row = await firstRow<TaskRow>(
        db,
        sql`update "tasks" set ${assignments(userId, changes, now)}
            where "id" = ${id} and "user_id" = ${userId}${guard}
            returning ${TASK_COLUMNS}`,
      );
      if (row) return { kind: 'updated', task: toTaskDto(row) };
      const exists = await firstRow(
        db,
        sql`select 1 from "tasks" where "id" = ${id} and "user_id" = ${userId}`,
      );
      return exists ? { kind: 'stale' } : { kind: 'missing' };
    },

    /** Whether the owner had the task; it is kept a day for task.restore (deleted-tasks.ts). */
    async delete(userId: string, id: string): Promise<boolean> {
      return (await rowCount(db, deleteKeepingTombstones(sql`"id" = ${id} and "user_id" = ${userId}`))) > 0;
    },

    /** One statement; ids the owner does not have are not counted. */
    bulkUpdate(userId: string, ids: readonly string[], patch: TaskPatch, now: Date): Promise<number> {
      return rowCount(
        db,
        sql`update "tasks" set ${assignments(userId, patch, now)}
            where "user_id" = ${userId} and "id" = any(${ids}::uuid[])`,
      );
    },

    bulkDelete(userId: string, ids: readonly string[]): Promise<number> {
      return rowCount(db, deleteKeepingTombstones(sql`"user_id" = ${userId} and "id" = any(${ids}::uuid[])`));
    },
  };
}

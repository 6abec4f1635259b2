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
import { firstRow, join, raw, rowCount, rows, type Sql, sql } from './sql.js';
import { dueDateAssignments, newDueDate } from './task-due-date.js';
import { placeOfMovedTask, placeOfNewTask, positionAt, relocate, samePlace } from './task-placement.js';
import { skipOccurrence, spawnNextOccurrences, takeBackSpawnedOccurrences } from './task-recurrence.js';
import { refusingVanishedRows, TaskRefused } from './task-refusal.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';
import { lockTaskTree, ownsLabels, replaceLabels } from './task-tree.js';
import { inTransaction } from './transaction.js';

export type TaskChanges = Omit<UpdateTaskInput, 'id' | 'expectedUpdatedAt'>;
/** The changes that stay within the task's own row (not where it hangs or its labels). */
type FieldChanges = Omit<TaskChanges, 'projectId' | 'labelIds' | 'parentId'>;
export type TaskPatch = BulkUpdateTasksInput['patch'];

export type SkipOccurrence =
  | { kind: 'skipped'; task: TaskDto }
  | { kind: 'missing' }
  | { kind: 'not-recurring' }
  | { kind: 'last' };

export type TaskUpdate = { kind: 'updated'; task: TaskDto } | { kind: 'missing' } | { kind: 'stale' };

/** The columns a caller may change directly, by input field; dueDate and allDay depend on each other. */
const CHANGEABLE = {
  title: '"title"',
  description: '"description"',
  status: '"status"',
  priority: '"priority"',
} as const satisfies Record<
  Exclude<keyof FieldChanges, 'dueDate' | 'allDay' | 'recurrence' | 'reminders'>,
  string
>;

/**
 * The SET list for the fields given (undefined means "not given"), plus the completedAt rule of
 * packages/shared's `completedAtAfter` in SQL form: set on completion, kept while completed, cleared
 * when the status leaves completed. The tests of this module pin both forms to the same cases.
 */
function assignments(userId: string, changes: FieldChanges, now: Date): Sql {
  const sets: Sql[] = [];
  for (const [field, column] of Object.entries(CHANGEABLE) as [keyof typeof CHANGEABLE, string][]) {
    const value = changes[field];
    if (value !== undefined) sets.push(sql`${raw(column)} = ${value}`);
  }
  sets.push(...dueDateAssignments(userId, changes));
  sets.push(...recurrenceAssignments(changes));
  if (changes.reminders !== undefined)
    sets.push(sql`"reminders" = ${JSON.stringify(changes.reminders)}::jsonb`);
  if (changes.status !== undefined) sets.push(completedAtAssignment(changes.status, now));
  sets.push(sql`"updated_at" = ${now}`);
  return join(sets, ', ');
}

/** A new rule (or none); taking the due date away ends the series too, as a series needs a date. */
function recurrenceAssignments(changes: Pick<FieldChanges, 'recurrence' | 'dueDate'>): Sql[] {
  const recurrence = changes.dueDate === null ? null : changes.recurrence;
  if (recurrence === undefined) return [];
  return [
    sql`"recurrence_rule" = ${recurrence?.rule ?? null}`,
    sql`"recurrence_from" = ${recurrence?.from ?? null}`,
  ];
}

function completedAtAssignment(status: TaskStatus, now: Date): Sql {
  return sql`"completed_at" = case when ${status}::text = 'completed' then coalesce("completed_at", ${now}) end`;
}

/** Whether the owner's task is completed now, locking its row for the rest of the transaction. */
async function isCompleted(db: Queryable, userId: string, id: string): Promise<boolean | undefined> {
  const row = await firstRow<{ completed: boolean }>(
    db,
    sql`select "status" = 'completed' as "completed" from "tasks"
        where "id" = ${id} and "user_id" = ${userId} for update`,
  );
  return row?.completed;
}

async function readTask(db: Queryable, userId: string, id: string): Promise<TaskDto> {
  const row = await firstRow<TaskRow>(
    db,
    sql`select ${TASK_COLUMNS} from "tasks" where "id" = ${id} and "user_id" = ${userId}`,
  );
  if (!row) throw new Error(`task ${id} vanished inside its own write`);
  return toTaskDto(row);
}

/**
 * The task a create with a client-chosen id already made (a retry), unchanged; undefined when no task
 * has that id; refused when someone else's task has it.
 */
async function taskWithClientId(db: Queryable, userId: string, id: string): Promise<TaskDto | undefined> {
  const row = await firstRow<TaskRow & { mine: boolean }>(
    db,
    sql`select ${TASK_COLUMNS}, "user_id" = ${userId} as "mine" from "tasks" where "id" = ${id}`,
  );
  if (row && !row.mine) throw new TaskRefused('id-taken');
  return row && toTaskDto(row);
}

/**
 * The guarded UPDATE of the row's own fields: the owner, and the version the caller saw when given
 * (`expectedUpdatedAt`, to the millisecond, as clients see it). Only when nothing matched does a second
 * read tell a missing task from a stale copy.
 */
async function updateFields(
  db: Queryable,
  userId: string,
  id: string,
  changes: FieldChanges,
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
  const exists = await firstRow(db, sql`select 1 from "tasks" where "id" = ${id} and "user_id" = ${userId}`);
  return exists ? { kind: 'stale' } : { kind: 'missing' };
}

/**
 * Owner-scoped writes: every statement names the owner, so another user's task behaves like a missing one.
 * A project, label, parent or client id that is not the caller's throws TaskRefused and writes nothing.
 */
export function taskWriteQueries(db: Queryable) {
  async function insertTask(
    tx: Queryable,
    userId: string,
    input: CreateTaskInput,
    now: Date,
  ): Promise<TaskDto> {
    // Under a parent, the tree must not change between the depth check and the insert.
    if (input.parentId) await lockTaskTree(tx, userId);
    const place = await placeOfNewTask(tx, userId, input);
    if (input.labelIds && !(await ownsLabels(tx, userId, input.labelIds)))
      throw new TaskRefused('label-missing');
    const position = await positionAt(tx, userId, place, null, null);
    const status = input.status ?? DEFAULT_TASK_STATUS;
    const { dueDate, allDay } = newDueDate(input);
    if (input.recurrence && !dueDate) throw new TaskRefused('recurrence-needs-due-date');
    const row = await firstRow<TaskRow>(
      tx,
      sql`insert into "tasks" ("id", "user_id", "title", "description", "status", "priority", "due_date", "all_day",
                               "completed_at", "created_at", "updated_at", "project_id", "parent_id", "position",
                               "recurrence_rule", "recurrence_from", "reminders")
          values (coalesce(${input.id ?? null}::uuid, gen_random_uuid()), ${userId}, ${input.title},
                  ${input.description ?? null}, ${status}, ${input.priority ?? DEFAULT_TASK_PRIORITY},
                  ${dueDate}, ${allDay}, ${completedAtAfter(status, null, now)}, ${now}, ${now},
                  ${place.projectId}::uuid, ${place.parentId}::uuid, ${position},
                  ${input.recurrence?.rule ?? null}, ${input.recurrence?.from ?? null},
                  ${JSON.stringify(input.reminders ?? [])}::jsonb)
          on conflict ("id") do nothing
          returning ${TASK_COLUMNS}`,
    );
    if (!row) {
      // A concurrent create with the same client id got there first.
      const existing = input.id ? await taskWithClientId(tx, userId, input.id) : undefined;
      if (!existing) throw new Error('insert into tasks returned no row');
      return existing;
    }
    if (!input.labelIds?.length) return toTaskDto(row);
    await replaceLabels(tx, userId, row.id, input.labelIds);
    return readTask(tx, userId, row.id);
  }

  return {
    /** New tasks go first at their place (the Inbox, a project, or under a parent). */
    async create(userId: string, input: CreateTaskInput, now: Date): Promise<TaskDto> {
      if (input.id) {
        const existing = await taskWithClientId(db, userId, input.id);
        if (existing) return existing;
      }
      const severalWrites = Boolean(input.parentId || input.labelIds?.length);
      return refusingVanishedRows(() =>
        severalWrites
          ? inTransaction(db, (tx) => insertTask(tx, userId, input, now))
          : insertTask(db, userId, input, now),
      );
    },

    /**
     * The row's own fields in one statement. A new project or parent moves the task (its subtasks
     * follow) to the top of its new place; labelIds replaces its labels; all in one transaction.
     */
    async update(
      userId: string,
      id: string,
      changes: TaskChanges,
      expectedUpdatedAt: Date | undefined,
      now: Date,
    ): Promise<TaskUpdate> {
      const { projectId, labelIds, parentId, ...fields } = changes;
      const oneStatement =
        projectId === undefined &&
        labelIds === undefined &&
        parentId === undefined &&
        fields.status === undefined &&
        fields.recurrence == null;
      if (oneStatement) return updateFields(db, userId, id, fields, expectedUpdatedAt, now);
      return refusingVanishedRows(() =>
        inTransaction(db, async (tx) => {
          // A status change may spawn an occurrence under a parent: like a create there, under the tree
          // lock, so a delete of that parent at the same moment cannot drop it without a tombstone.
          const placesTasks =
            projectId !== undefined || parentId !== undefined || fields.status !== undefined;
          if (placesTasks) await lockTaskTree(tx, userId);
          const wasCompleted = fields.status === undefined ? undefined : await isCompleted(tx, userId, id);
          const result = await updateFields(tx, userId, id, fields, expectedUpdatedAt, now);
          if (result.kind !== 'updated') return result;
          const task = result.task;
          const place = await placeOfMovedTask(tx, userId, task, { projectId, parentId });
          if (!samePlace(place, task)) {
            await relocate(tx, userId, task, place, await positionAt(tx, userId, place, null, id), now);
          }
          if (labelIds !== undefined) {
            if (!(await ownsLabels(tx, userId, labelIds))) throw new TaskRefused('label-missing');
            await replaceLabels(tx, userId, id, labelIds);
          }
          if (fields.status !== undefined && wasCompleted !== undefined) {
            const completes = fields.status === 'completed';
            if (completes && !wasCompleted) await spawnNextOccurrences(tx, userId, [id], now);
            if (!completes && wasCompleted) await takeBackSpawnedOccurrences(tx, userId, [id], now);
          }
          const updated = await readTask(tx, userId, id);
          if (updated.recurrence && !updated.dueDate) throw new TaskRefused('recurrence-needs-due-date');
          return { kind: 'updated', task: updated };
        }),
      );
    },

    /**
     * Whether the owner had the task. It goes with its subtasks (all levels), and all of them are kept a
     * day for task.restore (deleted-tasks.ts).
     */
    async delete(userId: string, id: string): Promise<boolean> {
      return (await deleteKeepingTombstones(db, userId, sql`"id" = ${id}`)) > 0;
    },

    /**
     * One statement; ids the owner does not have are not counted. A status change also spawns the next
     * occurrence of recurring tasks it completes (and takes back those of tasks it reopens), in the same
     * transaction.
     */
    async bulkUpdate(userId: string, ids: readonly string[], patch: TaskPatch, now: Date): Promise<number> {
      const update = (executor: Queryable) =>
        rowCount(
          executor,
          sql`update "tasks" set ${assignments(userId, patch, now)}
              where "user_id" = ${userId} and "id" = any(${ids}::uuid[])`,
        );
      const status = patch.status;
      if (status === undefined) return update(db);
      return inTransaction(db, async (tx) => {
        await lockTaskTree(tx, userId); // as in update: spawns may go under a parent
        const before = await rows<{ id: string; completed: boolean }>(
          tx,
          sql`select "id", "status" = 'completed' as "completed" from "tasks"
              where "user_id" = ${userId} and "id" = any(${ids}::uuid[]) order by "id" for update`,
        );
        const count = await update(tx);
        const completes = status === 'completed';
        const changed = before.filter((task) => task.completed !== completes).map((task) => task.id);
        if (completes) await spawnNextOccurrences(tx, userId, changed, now);
        else await takeBackSpawnedOccurrences(tx, userId, changed, now);
        return count;
      });
    },

    /**
     * Moves the owner's recurring task on to its next occurrence, keeping no history (task.skipOccurrence).
     */
    async skipOccurrence(userId: string, id: string, now: Date): Promise<SkipOccurrence> {
      return inTransaction(db, async (tx) => {
        const result = await skipOccurrence(tx, userId, id, now);
        if (result.kind !== 'skipped') return result;
        return { kind: 'skipped', task: await readTask(tx, userId, id) };
      });
    },

    /** The number of the given ids the owner had; their subtasks go with them, uncounted. */
    bulkDelete(userId: string, ids: readonly string[]): Promise<number> {
      return deleteKeepingTombstones(db, userId, sql`"id" = any(${ids}::uuid[])`);
    },
  };
}

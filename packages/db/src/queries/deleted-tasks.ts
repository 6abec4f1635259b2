import { LIMITS } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { execute, firstRow, rows, type Sql, sql } from './sql.js';
import { TASK_COLUMNS, type TaskDto, type TaskRow, toTaskDto } from './task-row.js';
import { lockTaskTree, ownsProject, parentPlace } from './task-tree.js';
import { inTransaction } from './transaction.js';

/** How long a deleted task can be brought back (task.restore); the hourly clean-up drops older ones. */
export const DELETED_TASK_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes, in one statement, the owner's tasks `where` selects with all their subtasks (the foreign key
 * would cascade anyway), and keeps each whole row (every column, whatever tasks has, plus its label ids
 * under `label_ids`) in deleted_tasks. Answers how many of the tasks `where` selects were deleted.
 * Every tombstone of one delete has the same deleted_at (the transaction's time): restore finds a
 * task's subtasks deleted with it by that.
 */
export function deleteKeepingTombstones(db: Queryable, userId: string, where: Sql): Promise<number> {
  // Under the tree lock, so no task moves into the tree between reading it and deleting it (the foreign
  // key would delete such a task without a tombstone, out of reach of the undo).
  return inTransaction(db, async (tx) => {
    await lockTaskTree(tx, userId);
    const row = await firstRow<{ deleted: number }>(
      tx,
      sql`with recursive "chosen" as (select "id" from "tasks" where "user_id" = ${userId} and ${where}),
      "subtree" ("id") as (
        select "id" from "chosen"
        union
        select "t"."id" from "tasks" as "t" join "subtree" on "t"."parent_id" = "subtree"."id"
        where "t"."user_id" = ${userId}
      ),
      "gone" as (
        delete from "tasks" where "user_id" = ${userId} and "id" in (select "id" from "subtree") returning *
      ),
      "kept" as (
        insert into "deleted_tasks" ("id", "user_id", "task")
        select "id", "user_id", to_jsonb("gone") || jsonb_build_object('label_ids', array(
          select "label_id" from "task_labels" where "task_labels"."task_id" = "gone"."id" order by "label_id"))
        from "gone"
        on conflict ("id") do update set "task" = excluded."task", "deleted_at" = excluded."deleted_at"
        returning "id"
      )
      select count(*)::int as "deleted" from "kept" where "id" in (select "id" from "chosen")`,
    );
    return row?.deleted ?? 0;
  });
}

/** A tasks row as to_jsonb printed it, with the label ids it had. */
interface Tombstone {
  id: string;
  parent_id: string | null;
  project_id: string | null;
  previous_occurrence_id?: string | null;
  label_ids?: string[];
  [column: string]: unknown;
}

/**
 * Takes (deletes) the owner's tombstone of `id` and those of its subtasks deleted with it (same
 * deleted_at, linked by parent_id), the task itself first.
 */
async function takeTombstones(db: Queryable, userId: string, id: string): Promise<Tombstone[]> {
  const taken = await rows<{ task: Tombstone }>(
    db,
    sql`with recursive "root" as (
          select "id", "task", "deleted_at" from "deleted_tasks" where "id" = ${id} and "user_id" = ${userId}
        ),
        "subtree" ("id") as (
          select "id" from "root"
          union
          select "d"."id" from "deleted_tasks" as "d" join "subtree" on ("d"."task" ->> 'parent_id') = "subtree"."id"::text
          where "d"."user_id" = ${userId} and "d"."deleted_at" = (select "deleted_at" from "root")
        )
        delete from "deleted_tasks" where "user_id" = ${userId} and "id" in (select "id" from "subtree")
        returning "task"`,
  );
  const tasks = taken.map((row) => row.task);
  return [...tasks.filter((task) => task.id === id), ...tasks.filter((task) => task.id !== id)];
}

/** Levels of the restored tree: 1 for a task without subtasks. */
function heightOf(tasks: Tombstone[]): number {
  const parentOf = new Map(tasks.map((task) => [task.id, task.parent_id]));
  const levelOf = (id: string): number => {
    const parent = parentOf.get(id);
    return parent && parentOf.has(parent) ? 1 + levelOf(parent) : 1;
  };
  return Math.max(...tasks.map((task) => levelOf(task.id)));
}

/**
 * Where the restored task goes back: under its parent when that still exists and the tree stays within
 * LIMITS.taskLevelsMax levels (taking the parent's project), else at the top level of its project, or of
 * the Inbox when that project is gone too.
 */
async function placeOfRestored(
  db: Queryable,
  userId: string,
  root: Tombstone,
  height: number,
): Promise<{ projectId: string | null; parentId: string | null }> {
  if (root.parent_id) {
    const parent = await parentPlace(db, userId, root.parent_id);
    if (parent && parent.lineage.length + height <= LIMITS.taskLevelsMax) {
      return { projectId: parent.projectId, parentId: root.parent_id };
    }
  }
  const projectExists = root.project_id !== null && (await ownsProject(db, userId, root.project_id));
  return { projectId: projectExists ? root.project_id : null, parentId: null };
}

/** Undo of a delete, for the task's owner only. */
export function deletedTaskQueries(db: Queryable) {
  return {
    /**
     * Puts the owner's recently deleted task back as it was (same id, fields, createdAt and place;
     * updatedAt now), with the subtasks deleted with it and the labels that still exist, in one
     * transaction. Undefined when the owner deleted no task with that id in the last day.
     */
    restore(userId: string, id: string, now: Date): Promise<TaskDto | undefined> {
      return inTransaction(db, async (tx) => {
        await lockTaskTree(tx, userId);
        const tasks = await takeTombstones(tx, userId, id);
        const [root] = tasks;
        if (!root || root.id !== id) return undefined;
        const place = await placeOfRestored(tx, userId, root, heightOf(tasks));
        const previousThere = await previousOccurrencesThere(tx, userId, tasks);
        const restored = tasks.map((task) => ({
          ...task,
          project_id: place.projectId,
          parent_id: task === root ? place.parentId : task.parent_id,
          previous_occurrence_id: previousThere.has(task.previous_occurrence_id ?? '')
            ? task.previous_occurrence_id
            : null,
        }));
        const inserted = await rows<{ id: string }>(
          tx,
          // A tombstone kept before the recurrence migration lacks its not-null columns: their defaults.
          sql`insert into "tasks"
              select (jsonb_populate_record(null::"tasks",
                        jsonb_build_object('occurrence', 1, 'reminders', '[]'::jsonb) || "task"
                          || jsonb_build_object('updated_at', ${now}::timestamptz))).*
              from jsonb_array_elements(${JSON.stringify(restored)}::jsonb) as "kept" ("task")
              on conflict ("id") do nothing
              returning "id"`,
        );
        if (!inserted.some((row) => row.id === id)) return undefined;
        await restoreLabels(tx, userId, restored, new Set(inserted.map((row) => row.id)));
        const row = await firstRow<TaskRow>(
          tx,
          sql`select ${TASK_COLUMNS} from "tasks" where "id" = ${id} and "user_id" = ${userId}`,
        );
        return row && toTaskDto(row);
      });
    },
  };
}

/**
 * The previous occurrences the tombstones name that will exist after the restore: restored with them or
 * still there. One deleted after the spawn it came from is gone, and the restored spawn forgets it.
 */
async function previousOccurrencesThere(
  db: Queryable,
  userId: string,
  tasks: Tombstone[],
): Promise<Set<string>> {
  const named = tasks.flatMap((task) => (task.previous_occurrence_id ? [task.previous_occurrence_id] : []));
  if (named.length === 0) return new Set();
  const live = await rows<{ id: string }>(
    db,
    sql`select "id" from "tasks" where "user_id" = ${userId} and "id" = any(${named}::uuid[])`,
  );
  return new Set([...tasks.map((task) => task.id), ...live.map((row) => row.id)]);
}

/** Gives the restored tasks back the labels they had, those the owner still has. */
async function restoreLabels(
  db: Queryable,
  userId: string,
  tasks: Tombstone[],
  inserted: ReadonlySet<string>,
): Promise<void> {
  const pairs = tasks.flatMap((task) =>
    inserted.has(task.id) ? (task.label_ids ?? []).map((labelId) => [task.id, labelId] as const) : [],
  );
  if (pairs.length === 0) return;
  await execute(
    db,
    sql`insert into "task_labels" ("task_id", "label_id", "user_id")
        select "pair"."task_id", "labels"."id", ${userId}
        from unnest(${pairs.map(([taskId]) => taskId)}::uuid[], ${pairs.map(([, labelId]) => labelId)}::uuid[])
               as "pair" ("task_id", "label_id")
        join "labels" on "labels"."id" = "pair"."label_id" and "labels"."user_id" = ${userId}
        on conflict do nothing`,
  );
}

import { LIMITS } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { execute, firstRow, raw, rows, type Sql, sql } from './sql.js';

/** Where a task lives: a project (null = the Inbox) and a parent (null = the top level). */
export interface TaskPlace {
  projectId: string | null;
  parentId: string | null;
}

/** A task's order key and id: the neighbour another task is placed after. */
export interface OrderedTask {
  id: string;
  position: string;
}

/** The owner's task tree lock class (the second key is a hash of the owner's id). */
const TREE_LOCK_CLASS = 7_428_313;

/**
 * Held to the end of the transaction by every write that changes where a task hangs (a parent, a project):
 * of two racing moves (A under B, B under A) the second sees the first, so no cycle or over-deep tree
 * slips through. Per owner, so nobody else waits.
 */
export async function lockTaskTree(tx: Queryable, userId: string): Promise<void> {
  await execute(tx, sql`select pg_advisory_xact_lock(${TREE_LOCK_CLASS}::int, hashtext(${userId}::text))`);
}

/** The owner's task `id` as a would-be parent: its project, and its ancestors' ids with its own first. */
export async function parentPlace(
  db: Queryable,
  userId: string,
  id: string,
): Promise<{ projectId: string | null; lineage: string[] } | undefined> {
  // Stops one level past the limit: deeper than that is refused whatever the exact depth.
  const found = await rows<{ id: string; project_id: string | null }>(
    db,
    sql`with recursive "up" ("id", "parent_id", "project_id", "level") as (
          select "id", "parent_id", "project_id", 1 from "tasks" where "id" = ${id} and "user_id" = ${userId}
          union all
          select "t"."id", "t"."parent_id", "t"."project_id", "up"."level" + 1
          from "tasks" as "t" join "up" on "t"."id" = "up"."parent_id"
          where "t"."user_id" = ${userId} and "up"."level" <= ${LIMITS.taskLevelsMax}
        )
        select "id", "project_id" from "up" order by "level"`,
  );
  const [parent] = found;
  return parent && { projectId: parent.project_id, lineage: found.map((row) => row.id) };
}

/** Levels of the owner's task `id` and its subtasks: 1 for a task without subtasks. */
export async function subtreeHeight(db: Queryable, userId: string, id: string): Promise<number> {
  const row = await firstRow<{ height: number | null }>(
    db,
    sql`with recursive "down" ("id", "level") as (
          select "id", 1 from "tasks" where "id" = ${id} and "user_id" = ${userId}
          union all
          select "t"."id", "down"."level" + 1
          from "tasks" as "t" join "down" on "t"."parent_id" = "down"."id"
          where "t"."user_id" = ${userId} and "down"."level" <= ${LIMITS.taskLevelsMax}
        )
        select max("level")::int as "height" from "down"`,
  );
  return row?.height ?? 0;
}

/** Gives the subtasks (all levels) of the owner's task `id` the project it now has. */
export async function moveSubtasksToProject(
  db: Queryable,
  userId: string,
  id: string,
  projectId: string | null,
  now: Date,
): Promise<void> {
  await execute(
    db,
    sql`with recursive "down" ("id") as (
          select "id" from "tasks" where "parent_id" = ${id} and "user_id" = ${userId}
          union
          select "t"."id" from "tasks" as "t" join "down" on "t"."parent_id" = "down"."id"
          where "t"."user_id" = ${userId}
        )
        update "tasks" set "project_id" = ${projectId}::uuid, "updated_at" = ${now}
        where "user_id" = ${userId} and "id" in (select "id" from "down")
          and "project_id" is distinct from ${projectId}::uuid`,
  );
}

/** The owner's tasks at a place; each branch matches the leading columns of a (user_id, …, position) index. */
function siblingsAt(userId: string, place: TaskPlace, excludingId: string | null): Sql {
  const others = excludingId === null ? raw('') : sql` and "id" <> ${excludingId}`;
  if (place.parentId !== null) return sql`"user_id" = ${userId} and "parent_id" = ${place.parentId}${others}`;
  const project =
    place.projectId === null ? raw('"project_id" is null') : sql`"project_id" = ${place.projectId}`;
  return sql`"user_id" = ${userId} and ${project} and "parent_id" is null${others}`;
}

/** The order key of the first task at a place (leaving out `excludingId`), null when there is none. */
export async function firstPositionAt(
  db: Queryable,
  userId: string,
  place: TaskPlace,
  excludingId: string | null = null,
): Promise<string | null> {
  const row = await firstRow<{ position: string }>(
    db,
    sql`select "position" from "tasks" where ${siblingsAt(userId, place, excludingId)}
        order by "position" collate "C", "id" limit 1`,
  );
  return row?.position ?? null;
}

/** The order key of the task right after `after` at a place (leaving out `excludingId`), null when last. */
export async function positionAfter(
  db: Queryable,
  userId: string,
  place: TaskPlace,
  after: OrderedTask,
  excludingId: string | null,
): Promise<string | null> {
  const row = await firstRow<{ position: string }>(
    db,
    sql`select "position" from "tasks" where ${siblingsAt(userId, place, excludingId)}
          and ("position" collate "C", "id") > (${after.position}::text collate "C", ${after.id}::uuid)
        order by "position" collate "C", "id" limit 1`,
  );
  return row?.position ?? null;
}

/** The owner's task `id` with its place and order key, or undefined. */
export async function placedTask(
  db: Queryable,
  userId: string,
  id: string,
): Promise<(TaskPlace & OrderedTask) | undefined> {
  return firstRow<TaskPlace & OrderedTask>(
    db,
    sql`select "id", "position", "project_id" as "projectId", "parent_id" as "parentId"
        from "tasks" where "id" = ${id} and "user_id" = ${userId}`,
  );
}

export async function ownsProject(db: Queryable, userId: string, projectId: string): Promise<boolean> {
  return Boolean(
    await firstRow(db, sql`select 1 from "projects" where "id" = ${projectId} and "user_id" = ${userId}`),
  );
}

/** Whether every one of the (distinct) label ids is the owner's. */
export async function ownsLabels(
  db: Queryable,
  userId: string,
  labelIds: readonly string[],
): Promise<boolean> {
  if (labelIds.length === 0) return true;
  const row = await firstRow<{ owned: number }>(
    db,
    sql`select count(*)::int as "owned" from "labels" where "user_id" = ${userId} and "id" = any(${labelIds}::uuid[])`,
  );
  return row?.owned === labelIds.length;
}

/** Makes the owner's labels of task `taskId` exactly these (checked with ownsLabels first). */
export async function replaceLabels(
  db: Queryable,
  userId: string,
  taskId: string,
  labelIds: readonly string[],
): Promise<void> {
  await execute(
    db,
    sql`delete from "task_labels" where "task_id" = ${taskId} and "user_id" = ${userId}
          and not ("label_id" = any(${labelIds}::uuid[]))`,
  );
  await execute(
    db,
    sql`insert into "task_labels" ("task_id", "label_id", "user_id")
        select ${taskId}, "id", ${userId} from "labels" where "user_id" = ${userId} and "id" = any(${labelIds}::uuid[])
        on conflict do nothing`,
  );
}

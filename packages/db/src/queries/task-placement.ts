import { LIMITS } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { keyBefore, keyBetween } from './order-keys.js';
import { execute, sql } from './sql.js';
import { TaskRefused } from './task-refusal.js';
import {
  firstPositionAt,
  moveSubtasksToProject,
  type OrderedTask,
  ownsProject,
  parentPlace,
  placedTask,
  positionAfter,
  subtreeHeight,
  type TaskPlace,
} from './task-tree.js';

/** Where a caller asks a task to go; undefined = "not said". */
export interface PlaceRequest {
  projectId?: string | null;
  parentId?: string | null;
}

/**
 * The place under the owner's task `parentId`: its project (a subtask shares its parent's), as long as
 * the tree stays within LIMITS.taskLevelsMax levels with `height` levels hanging there, and the parent is
 * not the moved task itself or one of its subtasks.
 */
async function placeUnder(
  db: Queryable,
  userId: string,
  parentId: string,
  request: PlaceRequest,
  moving: { id: string; height: number } | null,
): Promise<TaskPlace> {
  const parent = await parentPlace(db, userId, parentId);
  if (!parent) throw new TaskRefused('parent-missing');
  if (moving && parent.lineage.includes(moving.id)) throw new TaskRefused('cycle');
  if (request.projectId !== undefined && request.projectId !== parent.projectId) {
    throw new TaskRefused('project-differs-from-parent');
  }
  if (parent.lineage.length + (moving?.height ?? 1) > LIMITS.taskLevelsMax) throw new TaskRefused('too-deep');
  return { projectId: parent.projectId, parentId };
}

async function checkProject(db: Queryable, userId: string, projectId: string | null): Promise<void> {
  if (projectId !== null && !(await ownsProject(db, userId, projectId)))
    throw new TaskRefused('project-missing');
}

/** Where a new task goes: under its parent, else in the project asked for, else the Inbox. */
export async function placeOfNewTask(
  db: Queryable,
  userId: string,
  request: PlaceRequest,
): Promise<TaskPlace> {
  if (request.parentId) return placeUnder(db, userId, request.parentId, request, null);
  const projectId = request.projectId ?? null;
  await checkProject(db, userId, projectId);
  return { projectId, parentId: null };
}

/**
 * Where an existing task goes. A parent given: under it. parentId null: the top level of the project asked
 * for (else its own). Only a project given, other than its own: the top level of that project (a subtask
 * leaves its parent). Nothing that changes its place: where it is.
 */
export async function placeOfMovedTask(
  db: Queryable,
  userId: string,
  task: TaskPlace & { id: string },
  request: PlaceRequest,
): Promise<TaskPlace> {
  if (request.parentId) {
    const height = await subtreeHeight(db, userId, task.id);
    return placeUnder(db, userId, request.parentId, request, { id: task.id, height });
  }
  const projectId = request.projectId === undefined ? task.projectId : request.projectId;
  if (request.parentId === undefined && projectId === task.projectId) return task;
  if (projectId !== task.projectId) await checkProject(db, userId, projectId);
  return { projectId, parentId: null };
}

/**
 * The order key for a task placed at `place`: first when `afterId` is null, else right after that
 * sibling (the owner's task at the same place, not the moved task itself) and before the next one.
 */
export async function positionAt(
  db: Queryable,
  userId: string,
  place: TaskPlace,
  afterId: string | null,
  movingId: string | null,
): Promise<string> {
  if (afterId === null) return keyBefore(await firstPositionAt(db, userId, place, movingId));
  if (afterId === movingId) throw new TaskRefused('after-not-sibling');
  const after: (TaskPlace & OrderedTask) | undefined = await placedTask(db, userId, afterId);
  if (!after) throw new TaskRefused('after-missing');
  if (after.projectId !== place.projectId || after.parentId !== place.parentId) {
    throw new TaskRefused('after-not-sibling');
  }
  return keyBetween(after.position, await positionAfter(db, userId, place, after, movingId));
}

export const samePlace = (a: TaskPlace, b: TaskPlace) =>
  a.projectId === b.projectId && a.parentId === b.parentId;

/**
 * Puts the owner's task `task` at `place` with the order key given; its subtasks follow it into the
 * place's project. Stamps updatedAt on every row whose project or place changed.
 */
export async function relocate(
  db: Queryable,
  userId: string,
  task: TaskPlace & { id: string },
  place: TaskPlace,
  position: string,
  now: Date,
): Promise<void> {
  await execute(
    db,
    sql`update "tasks" set "project_id" = ${place.projectId}::uuid, "parent_id" = ${place.parentId}::uuid,
          "position" = ${position}, "updated_at" = ${now}
        where "id" = ${task.id} and "user_id" = ${userId}`,
  );
  if (place.projectId !== task.projectId) {
    await moveSubtasksToProject(db, userId, task.id, place.projectId, now);
  }
}

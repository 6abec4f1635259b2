import type { ListTasksInput } from '@taskapp/shared';
import type { Task } from '../../../lib/api-types';
import { listShows, mapTasks, type TaskListData } from '../data/task-cache';

/** A place with a manual order: a project's top level, the Inbox's (projectId null), or a parent's subtasks. */
export interface ManualPlace {
  projectId: string | null;
  parentId: string | null;
}

/** Whether a cached list shows this place in its manual order (the one task.move's afterId speaks of). */
export function isManualOrderOf(input: NonNullable<ListTasksInput>, place: ManualPlace): boolean {
  if (input.sort !== 'manual' || input.order !== 'asc') return false;
  if (input.view || (input.labelIds?.length ?? 0) > 0) return false;
  if (place.parentId !== null) return input.parentId === place.parentId;
  return input.parentId === null && input.projectId === place.projectId;
}

/**
 * The moved tasks taken out of a manual list and put back right after `afterId` (first when null), the
 * pages keeping their lengths. When the anchor is not loaded, they are only taken out: the next fetch
 * shows them where they went.
 */
export function placeInManualList(data: TaskListData, moved: Task[], afterId: string | null): TaskListData {
  const movedIds = new Set(moved.map((task) => task.id));
  const rest = data.pages.flatMap((page) => page.items).filter((task) => !movedIds.has(task.id));
  const anchorAt = afterId === null ? -1 : rest.findIndex((task) => task.id === afterId);
  const flat =
    afterId !== null && anchorAt === -1
      ? rest
      : [...rest.slice(0, anchorAt + 1), ...moved, ...rest.slice(anchorAt + 1)];
  let start = 0;
  const pages = data.pages.map((page, index) => {
    const end = index === data.pages.length - 1 ? flat.length : start + page.items.length;
    const items = flat.slice(start, end);
    start = end;
    return { ...page, items };
  });
  return { ...data, pages };
}

/** Every cached list after `moved` (already carrying their new place) went right after `afterId` there. */
export function showMoved(
  data: TaskListData,
  input: NonNullable<ListTasksInput>,
  moved: Task[],
  place: ManualPlace,
  afterId: string | null,
): TaskListData {
  if (isManualOrderOf(input, place)) {
    return placeInManualList(
      data,
      moved.filter((task) => listShows(input, task)),
      afterId,
    );
  }
  const byId = new Map(moved.map((task) => [task.id, task]));
  return mapTasks(data, (task) => {
    const after = byId.get(task.id);
    if (!after) return task;
    return listShows(input, after) ? after : null;
  });
}

import type { InfiniteData, QueryKey } from '@tanstack/react-query';
import type { ListTasksInput as ListInput, TaskPriority, TaskStatus } from '@taskapp/shared';
import type { Task, TaskPage, TaskStats } from '../../../lib/api-types';

/** What useInfiniteQuery keeps for task.list: pages of tasks, one per cursor. */
type ListTasksInput = NonNullable<ListInput>;

export type TaskListData = InfiniteData<TaskPage, string | null | undefined>;

type Counted = { status: TaskStatus; priority: TaskPriority };
type Placed = Counted & Partial<Pick<Task, 'projectId' | 'parentId' | 'labelIds'>>;

/** tRPC keys a query as [path, { input, type }]; the input says which tasks the list may hold. */
export function listInputOf(queryKey: QueryKey): ListTasksInput {
  const meta = queryKey[1] as { input?: ListTasksInput } | undefined;
  return meta?.input ?? {};
}

/**
 * Whether a list with this input shows the task. Status, priority, project, parent and labels are judged
 * here (Today and Upcoming hold open tasks only); dates and search are left to the next fetch.
 */
export function listShows(input: ListTasksInput, task: Placed): boolean {
  if (input.status && !input.status.includes(task.status)) return false;
  if (input.view && task.status === 'completed') return false;
  if (input.priority && !input.priority.includes(task.priority)) return false;
  if (input.projectId !== undefined && task.projectId !== undefined && input.projectId !== task.projectId)
    return false;
  if (input.parentId !== undefined && task.parentId !== undefined && input.parentId !== task.parentId)
    return false;
  if (input.labelIds && task.labelIds && !input.labelIds.every((id) => task.labelIds?.includes(id)))
    return false;
  return true;
}

/** Lists where a new task's place is known without asking the server by its creation time. */
export function isNewestFirst(input: ListTasksInput): boolean {
  return (input.sort ?? 'createdAt') === 'createdAt' && (input.order ?? 'desc') === 'desc';
}

/** A list in manual order, where a task's place is its order key. */
export function isManualOrder(input: ListTasksInput): boolean {
  return input.sort === 'manual' && input.order === 'asc';
}

export function mapTasks(data: TaskListData, change: (task: Task) => Task | null): TaskListData {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((task) => {
        const changed = change(task);
        return changed ? [changed] : [];
      }),
    })),
  };
}

function isNewer(a: Task, b: Task): boolean {
  const diff = a.createdAt.getTime() - b.createdAt.getTime();
  return diff > 0 || (diff === 0 && a.id > b.id);
}

/**
 * As the server orders keys (`collate "C"`: by code unit), then by id. A task not yet saved has no key
 * (''), and new tasks go first in their place.
 */
function isEarlierInManualOrder(a: Task, b: Task): boolean {
  if (a.position !== b.position) return a.position < b.position;
  return a.id < b.id;
}

/** Puts a task where newest-first order wants it; past the loaded pages it is left to the next fetch. */
export function insertNewestFirst(data: TaskListData, task: Task): TaskListData {
  return insertWhere(data, task, isNewer);
}

/** Puts a task where its order key puts it (a new one first, a restored one back where it was). */
export function insertByPosition(data: TaskListData, task: Task): TaskListData {
  return insertWhere(data, task, isEarlierInManualOrder);
}

/** A task added to the lists whose order places it without the server; other lists wait for the fetch. */
export function insertAdded(data: TaskListData, input: ListTasksInput, task: Task): TaskListData {
  if (!listShows(input, task)) return data;
  if (isManualOrder(input)) return insertByPosition(data, task);
  return isNewestFirst(input) ? insertNewestFirst(data, task) : data;
}

function insertWhere(data: TaskListData, task: Task, comesBefore: (task: Task, other: Task) => boolean) {
  let placed = false;
  const pages = data.pages.map((page, index) => {
    if (placed) return page;
    const at = page.items.findIndex((other) => comesBefore(task, other));
    const isLast = index === data.pages.length - 1;
    if (at === -1 && !(isLast && page.nextCursor === null)) return page;
    placed = true;
    const items = [...page.items];
    items.splice(at === -1 ? items.length : at, 0, task);
    return { ...page, items };
  });
  return { ...data, pages };
}

type Change = { from?: Counted; to?: Counted };

/** Moves the counts by one task leaving `from` and arriving at `to` (either may be missing). */
export function adjustStats(stats: TaskStats, { from, to }: Change): TaskStats {
  const byStatus = { ...stats.byStatus };
  const byPriority = { ...stats.byPriority };
  if (from) {
    byStatus[from.status] -= 1;
    byPriority[from.priority] -= 1;
  }
  if (to) {
    byStatus[to.status] += 1;
    byPriority[to.priority] += 1;
  }
  return { ...stats, byStatus, byPriority };
}

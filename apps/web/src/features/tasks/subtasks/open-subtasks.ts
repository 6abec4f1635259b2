import { LIMITS } from '@taskapp/shared';
import type { Task } from '../../../lib/api-types';
import { isCompleted } from '../data/task-model';

type ListPage = { items: Task[]; nextCursor: string | null };
type ListSubtasks = (input: { parentId: string; cursor: string | null }) => Promise<ListPage>;

/**
 * Every open task below `parent`, at any depth (a completed subtask may still hold open ones), read page
 * by page through task.list { parentId }. Subtasks are at most a few levels deep.
 */
export async function openSubtasksOf(parent: Task, list: ListSubtasks): Promise<Task[]> {
  const open: Task[] = [];
  let level = [parent];
  while (level.length > 0) {
    const next: Task[] = [];
    for (const task of level) {
      if (task.subtaskCount === 0) continue;
      let cursor: string | null = null;
      do {
        const page: ListPage = await list({ parentId: task.id, cursor });
        next.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }
    open.push(...next.filter((task) => !isCompleted(task)));
    level = next;
  }
  return open;
}

export const SUBTASK_PAGE = LIMITS.listMax;

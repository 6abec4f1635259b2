import type { Task } from '../../../lib/api-types';
import type { TaskListData } from './task-cache';

/** For tests: a pending top-level Inbox task, created at time 0 unless `overrides` says otherwise. */
export function fakeTask(id: string, overrides: Partial<Task> = {}): Task {
  const date = new Date(0);
  return {
    id,
    title: id,
    description: null,
    status: 'pending',
    priority: 'medium',
    dueDate: null,
    allDay: false,
    completedAt: null,
    createdAt: date,
    updatedAt: date,
    projectId: null,
    labelIds: [],
    parentId: null,
    subtaskCount: 0,
    position: 'a0',
    recurrence: null,
    reminders: [],
    ...overrides,
  };
}

/** For tests: a loaded list in these pages, the last one followed by `lastCursor`. */
export function fakeList(pages: Task[][], lastCursor: string | null = null): TaskListData {
  return {
    pages: pages.map((items, index) => ({
      items,
      nextCursor: index === pages.length - 1 ? lastCursor : `c${index}`,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
  };
}

/** The task ids of each page, to compare a list's shape at a glance. */
export const pageIds = (list: TaskListData) => list.pages.map((page) => page.items.map((item) => item.id));

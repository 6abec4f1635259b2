import type { SyncChange } from '@taskapp/shared';

/** Cached queries that a change can leave out of date, by what they show. */
export type QueryGroup = 'tasks' | 'projects' | 'labels' | 'settings' | 'reminders';

export interface ChangeEffect {
  /** Tasks to take out of every loaded list at once, before anything is fetched again. */
  removedTaskIds: string[];
  /** What to fetch again: a change carries no data, so anything it touches that is shown is refetched. */
  stale: QueryGroup[];
}

/**
 * What one change means for this tab's cache. Projects count their open tasks, and task rows show their
 * project and labels, so tasks and projects/labels make each other stale. The account's settings (its
 * time zone) decide which tasks are due today, so they make the task lists stale too. A task's change can
 * add, move or drop its reminders: the bell asks again, to learn when the next one is due.
 */
export function effectOf(change: SyncChange): ChangeEffect {
  switch (change.entity) {
    case 'task':
      return {
        removedTaskIds: change.op === 'delete' ? [change.id] : [],
        stale: ['tasks', 'projects', 'reminders'],
      };
    case 'project':
      return { removedTaskIds: [], stale: ['projects', 'tasks'] };
    case 'label':
      return { removedTaskIds: [], stale: ['labels', 'tasks'] };
    case 'settings':
      return { removedTaskIds: [], stale: ['settings', 'tasks'] };
  }
}

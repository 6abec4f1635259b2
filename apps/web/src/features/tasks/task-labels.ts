import type { TaskPriority, TaskStatus } from '@taskapp/shared';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Highest first, as menus list them. */
export const PRIORITIES_HIGH_FIRST: readonly TaskPriority[] = ['high', 'medium', 'low'];

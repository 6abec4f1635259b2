import type { TaskPriority } from '@taskapp/shared';

export const PRIORITY_LABELS: Record<TaskPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Highest first, as menus list them. */
export const PRIORITIES_HIGH_FIRST: readonly TaskPriority[] = ['high', 'medium', 'low'];

/** Allowed values and limits shared by the database, the API and the web app. */

export const TASK_STATUSES = ['pending', 'in_progress', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'medium', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const DEFAULT_TASK_STATUS: TaskStatus = 'pending';
export const DEFAULT_TASK_PRIORITY: TaskPriority = 'medium';

export const LIMITS = {
  titleMax: 255,
  descriptionMax: 10_000,
  nameMax: 255,
  emailMax: 255,
  passwordMin: 8,
  passwordMax: 128,
  listDefault: 50,
  listMax: 100,
  bulkMax: 100,
} as const;

import { TASK_STATUSES, type TaskStatus } from '@taskapp/shared';

/** The board's columns, left to right: one per status. */
export const BOARD_COLUMNS: readonly TaskStatus[] = TASK_STATUSES;

/** The tasks of each column, in the order they came (the project's manual order). */
export function tasksByStatus<T extends { status: TaskStatus }>(
  tasks: readonly T[],
): Record<TaskStatus, T[]> {
  const columns = Object.fromEntries(BOARD_COLUMNS.map((status) => [status, [] as T[]])) as Record<
    TaskStatus,
    T[]
  >;
  for (const task of tasks) columns[task.status].push(task);
  return columns;
}

/** Whether an id dropped on is one of the columns (anything else, such as another card, is not). */
export function isColumn(id: unknown): id is TaskStatus {
  return typeof id === 'string' && (BOARD_COLUMNS as readonly string[]).includes(id);
}

/** The column `step` places to the left (-1) or right (+1), or null past either end. */
export function neighbourColumn(status: TaskStatus, step: -1 | 1): TaskStatus | null {
  return BOARD_COLUMNS[BOARD_COLUMNS.indexOf(status) + step] ?? null;
}

/** The SQLSTATE the tasks_enforce_limit trigger raises when an owner already has LIMITS.tasksPerUser tasks. */
const TASK_LIMIT_SQLSTATE = 'TL001';

/** Whether a write failed because the owner has as many tasks as anyone may have. */
export function isTaskLimitReached(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === TASK_LIMIT_SQLSTATE;
}

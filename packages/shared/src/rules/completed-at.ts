import type { TaskStatus } from '../constants.js';

/**
 * completedAt belongs to the server: set when a task becomes completed, kept while it stays completed,
 * cleared when it leaves. The web app applies the same rule to its optimistic copies. The one SQL form
 * of it (`task-writes.ts` in packages/db) is pinned to the same cases by its tests.
 */
export function completedAtAfter(status: TaskStatus, previous: Date | null, now: Date): Date | null {
  if (status !== 'completed') return null;
  return previous ?? now;
}

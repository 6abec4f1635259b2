import { isTaskLimitReached } from '@taskapp/db/queries';
import { LIMITS } from '@taskapp/shared';
import { conflict, invalid, notFound } from '../domain-error.js';

/** Missing and someone else's look the same: nobody learns which task ids exist. */
export const taskNotFound = () => notFound('That task does not exist.');

export const taskChangedSinceRead = () =>
  conflict('This task changed since you opened it. Reload it to see the latest version.');

/** Runs a write that adds a task; over the per-person limit it is a BAD_REQUEST saying which limit. */
export async function withinTaskLimit<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isTaskLimitReached(error)) throw error;
    throw invalid(
      `You have reached the limit of ${LIMITS.tasksPerUser.toLocaleString('en')} tasks. Delete some to add more.`,
    );
  }
}

import { isTaskLimitReached, isTaskRefused, type TaskRefusalReason } from '@taskapp/db/queries';
import { LIMITS } from '@taskapp/shared';
import { conflict, type DomainError, invalid, notFound } from '../domain-error.js';

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

/** Someone else's project, label, parent or task reads as a missing one, like their tasks. */
const REFUSALS: Record<TaskRefusalReason, () => DomainError> = {
  'project-missing': () => notFound('That project does not exist.'),
  'label-missing': () => notFound('One of those labels does not exist.'),
  'parent-missing': () => notFound('That parent task does not exist.'),
  'after-missing': () => notFound('The task to place it after does not exist.'),
  'after-not-sibling': () =>
    invalid('Place it after a task in the same list (same project and parent), not itself.', 'afterId'),
  'too-deep': () => invalid(`Subtasks can be at most ${LIMITS.taskLevelsMax} levels deep`, 'parentId'),
  cycle: () => invalid('A task cannot go under itself or one of its subtasks.', 'parentId'),
  'project-differs-from-parent': () =>
    invalid("A subtask is always in its parent's project; leave the project out.", 'projectId'),
  'id-taken': () => conflict('That id is already taken. Create the task without one.', 'id'),
  'recurrence-needs-due-date': () =>
    invalid('A repeating task needs a due date: set one, or stop the repeat.', 'recurrence'),
};

/** Runs a write that names projects, labels, parents or an id; a refusal becomes the error it means. */
export async function withTaskRefusals<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isTaskRefused(error)) throw error;
    throw REFUSALS[error.reason]();
  }
}

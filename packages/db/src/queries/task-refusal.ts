/** Why a task write that names other rows (project, labels, parent, afterId, a client id) was refused. */
export type TaskRefusalReason =
  /** Not one of the owner's projects (missing or someone else's). */
  | 'project-missing'
  /** One of the labels is not the owner's. */
  | 'label-missing'
  /** The parent is not one of the owner's tasks. */
  | 'parent-missing'
  /** `afterId` is not one of the owner's tasks. */
  | 'after-missing'
  /** `afterId` is the owner's, but not a sibling in the destination (or the task itself). */
  | 'after-not-sibling'
  /** Nesting there would make the tree deeper than LIMITS.taskLevelsMax. */
  | 'too-deep'
  /** The parent is the task itself or one of its subtasks. */
  | 'cycle'
  /** A projectId other than the parent's: a task and its subtasks share a project. */
  | 'project-differs-from-parent'
  /** A client-chosen id that another user's task already has. */
  | 'id-taken'
  /** A repeat rule on a task without a due date (a series needs a first date). */
  | 'recurrence-needs-due-date';

/**
 * Thrown inside a write's transaction, so nothing of it is kept; the API turns the reason into its error.
 * Another user's ids are refused exactly like missing ones: nobody learns which ids exist.
 */
export class TaskRefused extends Error {
  constructor(readonly reason: TaskRefusalReason) {
    super(`task write refused: ${reason}`);
    this.name = 'TaskRefused';
  }
}

export const isTaskRefused = (error: unknown): error is TaskRefused => error instanceof TaskRefused;

const REASON_BY_FOREIGN_KEY: Record<string, TaskRefusalReason> = {
  tasks_project_id_fkey: 'project-missing',
  tasks_parent_id_fkey: 'parent-missing',
  task_labels_label_id_fkey: 'label-missing',
};

/**
 * A project, parent or label checked a moment ago and deleted by a concurrent request before this write
 * committed: the foreign key refuses the row, and the caller hears that it no longer exists.
 */
export function refusalOfForeignKey(error: unknown): TaskRefused | undefined {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code !== '23503' || typeof constraint !== 'string') return undefined;
  const reason = REASON_BY_FOREIGN_KEY[constraint];
  return reason ? new TaskRefused(reason) : undefined;
}

/** Runs a write; a row it names that vanished meanwhile (see refusalOfForeignKey) is refused, not a 500. */
export async function refusingVanishedRows<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw refusalOfForeignKey(error) ?? error;
  }
}

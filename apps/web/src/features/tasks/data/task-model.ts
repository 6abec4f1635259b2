import {
  type CreateTaskInput,
  completedAtAfter,
  DEFAULT_TASK_PRIORITY,
  DEFAULT_TASK_STATUS,
  LIMITS,
  startOfUtcDay,
} from '@taskapp/shared';
import type { Task } from '../../../lib/api-types';

/** The fields a person can change on a task (what task.update and task.bulkUpdate take). */
export type TaskPatch = Partial<
  Pick<
    Task,
    | 'title'
    | 'description'
    | 'status'
    | 'priority'
    | 'dueDate'
    | 'allDay'
    | 'projectId'
    | 'labelIds'
    | 'recurrence'
    | 'reminders'
  >
>;

const OPTIMISTIC_PREFIX = 'optimistic-';

export function isCompleted(task: Task): boolean {
  return task.status === 'completed';
}

/** A task shown before the server has answered; it has no real id yet, so it takes no actions. */
export function isOptimistic(task: Task): boolean {
  return task.id.startsWith(OPTIMISTIC_PREFIX);
}

/**
 * The task as task.create will answer, shown until it does: under the id the client chose for it (the
 * outbox sends the create first, so the task takes actions at once), else a temporary one.
 */
export function draftTask(input: CreateTaskInput, now = new Date()): Task {
  const status = input.status ?? DEFAULT_TASK_STATUS;
  const dueDate = input.dueDate ?? null;
  const allDay = dueDate !== null && (input.allDay ?? false);
  return {
    id: input.id ?? `${OPTIMISTIC_PREFIX}${crypto.randomUUID()}`,
    title: input.title.trim(),
    description: input.description ?? null,
    status,
    priority: input.priority ?? DEFAULT_TASK_PRIORITY,
    dueDate: dueDate && allDay ? startOfUtcDay(dueDate) : dueDate,
    allDay,
    completedAt: completedAtAfter(status, null, now),
    createdAt: now,
    updatedAt: now,
    projectId: input.projectId ?? null,
    labelIds: input.labelIds ?? [],
    parentId: input.parentId ?? null,
    subtaskCount: 0,
    // New tasks go first in their place; the server picks the real key.
    position: '',
    recurrence: input.recurrence ?? null,
    reminders: input.reminders ?? [],
  };
}

/** The task as the server will return it: the server owns completedAt and updatedAt, mirrored here. */
export function applyPatch(task: Task, patch: TaskPatch, now = new Date()): Task {
  const changed = { ...task, ...patch, updatedAt: now };
  // As the server does: an all-day date is its UTC day, and a task without a date is never all-day.
  if (changed.dueDate === null) changed.allDay = false;
  else if (changed.allDay) changed.dueDate = startOfUtcDay(changed.dueDate);
  if (patch.status !== undefined) changed.completedAt = completedAtAfter(patch.status, task.completedAt, now);
  return changed;
}

/** Bulk calls take at most 100 ids; a bigger selection goes in several calls. */
export function chunks<T>(items: T[], size: number = LIMITS.bulkMax): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) result.push(items.slice(at, at + size));
  return result;
}

/** The input of task.create with a client-chosen id: sent again after a lost answer, it never makes a second task. */
export function withClientId<T extends { id?: string }>(input: T): T & { id: string } {
  return { ...input, id: input.id ?? crypto.randomUUID() };
}

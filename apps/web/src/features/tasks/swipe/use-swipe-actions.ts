import type { Task } from '../../../lib/api-types';
import { toast } from '../../../lib/toast';
import { applyPatch, isCompleted, type TaskPatch } from '../data/task-model';
import { useUpdateTask } from '../data/use-task-mutations';
import type { SwipeActions } from './swipe-row';

const UNDO_MS = 5000;

/**
 * What a swipe does, each with an Undo toast: right completes (or reopens), Schedule sets an all-day date.
 * A parent with open subtasks goes through the "also complete its subtasks?" question instead.
 */
export function useSwipeActions(
  requestCompletion: (task: Task) => void,
): Pick<SwipeActions, 'onSwipeComplete' | 'onSchedule'> {
  const update = useUpdateTask();
  const undoable = (task: Task, patch: TaskPatch, message: string) => {
    update.mutate({ task, patch });
    const before = Object.fromEntries(
      Object.keys(patch).map((key) => [key, task[key as keyof TaskPatch]]),
    ) as TaskPatch;
    toast(message, {
      description: task.title,
      duration: UNDO_MS,
      action: {
        label: 'Undo',
        onClick: () => update.mutate({ task: applyPatch(task, patch), patch: before }),
      },
    });
  };
  return {
    onSwipeComplete: (task) => {
      if (isCompleted(task)) undoable(task, { status: 'pending' }, 'Task reopened');
      else if (task.subtaskCount > 0) requestCompletion(task);
      else undoable(task, { status: 'completed' }, 'Task completed');
    },
    onSchedule: (task, day, label) =>
      undoable(task, { dueDate: day, allDay: true }, `Scheduled for ${label.toLowerCase()}`),
  };
}

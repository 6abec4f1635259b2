import { useMutation } from '@tanstack/react-query';
import type { CreateTaskInput } from '@taskapp/shared';
import { toast } from 'sonner';
import type { Task } from '../../lib/api-types';
import { useTRPCClient } from '../../lib/trpc';
import { errorCode, errorMessage } from '../../lib/trpc-errors';
import { adjustStats, insertNewestFirst, isNewestFirst, listShows, mapTasks } from './task-cache';
import { applyPatch, chunks, draftTask, restoreInput, type TaskPatch } from './task-model';
import { TASK_WRITE_KEY, useTaskCache } from './use-task-cache';

const UNDO_MS = 5000;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The optimistic part shared by every write: the lists, counts and open detail show `changes` at once;
 * a task whose new state a list no longer shows leaves that list. Returns the way back.
 */
function useOptimisticChange() {
  const cache = useTaskCache();
  return {
    cache,
    async apply(changes: Array<{ before: Task; after: Task | null }>) {
      const snapshot = await cache.snapshot();
      const byId = new Map(changes.map((change) => [change.before.id, change.after]));
      cache.updateLists((data, list) =>
        mapTasks(data, (task) => {
          if (!byId.has(task.id)) return task;
          const after = byId.get(task.id) ?? null;
          return after && listShows(list, after) ? after : null;
        }),
      );
      cache.updateStats((stats) =>
        changes.reduce(
          (counts, { before, after }) => adjustStats(counts, { from: before, to: after ?? undefined }),
          stats,
        ),
      );
      for (const { after } of changes) if (after) cache.updateDetail(after.id, () => after);
      return { snapshot };
    },
  };
}

export function useCreateTask() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: (input: CreateTaskInput) => client.task.create.mutate(input),
    onMutate: async (input) => {
      const snapshot = await cache.snapshot();
      const draft = draftTask(input);
      cache.updateLists((data, list) =>
        listShows(list, draft) && isNewestFirst(list) ? insertNewestFirst(data, draft) : data,
      );
      cache.updateStats((stats) => adjustStats(stats, { to: draft }));
      return { snapshot, draftId: draft.id };
    },
    onSuccess: (task, _input, context) => {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === context.draftId ? task : other)));
    },
    onError: (error, _input, context) => {
      cache.rollback(context?.snapshot);
      toast.error('Couldn’t add the task', { description: errorMessage(error) });
    },
    onSettled: () => cache.reconcile(),
  });
}

interface UpdateVariables {
  task: Task;
  patch: TaskPatch;
  /** Refuse the change if someone else changed the task since it was opened (the edit panel). */
  guardAgainstStale?: boolean;
}

export function useUpdateTask() {
  const client = useTRPCClient();
  const optimistic = useOptimisticChange();
  const { cache } = optimistic;
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: ({ task, patch, guardAgainstStale }: UpdateVariables) =>
      client.task.update.mutate({
        id: task.id,
        ...patch,
        ...(guardAgainstStale ? { expectedUpdatedAt: task.updatedAt } : {}),
      }),
    onMutate: ({ task, patch }) => optimistic.apply([{ before: task, after: applyPatch(task, patch) }]),
    onSuccess: (saved) => {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === saved.id ? saved : other)));
      cache.updateDetail(saved.id, () => saved);
    },
    onError: (error, variables, context) => {
      cache.rollback(context?.snapshot);
      if (variables.guardAgainstStale && errorCode(error) === 'CONFLICT') {
        toast.error('This task changed somewhere else', {
          description: 'Your edit was not saved. The latest version is shown now; make the change again.',
        });
      } else {
        toast.error('Couldn’t change the task', { description: errorMessage(error) });
      }
    },
    onSettled: () => cache.reconcile(),
  });
}

/** Undo for deletes: puts the tasks back exactly as they were. */
export function useRestoreTasks() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: (tasks: Task[]) =>
      Promise.all(tasks.map((task) => client.task.restore.mutate(restoreInput(task)))),
    onMutate: async (tasks) => {
      const snapshot = await cache.snapshot();
      cache.updateLists((data, list) =>
        tasks.reduce(
          (current, task) =>
            listShows(list, task) && isNewestFirst(list) ? insertNewestFirst(current, task) : current,
          data,
        ),
      );
      cache.updateStats((stats) => tasks.reduce((counts, task) => adjustStats(counts, { to: task }), stats));
      return { snapshot };
    },
    onError: (error, _tasks, context) => {
      cache.rollback(context?.snapshot);
      toast.error('Couldn’t bring the tasks back', { description: errorMessage(error) });
    },
    onSettled: () => cache.reconcile(),
  });
}

function useUndoToast() {
  const restore = useRestoreTasks();
  return (tasks: Task[]) =>
    toast(tasks.length === 1 ? 'Task deleted' : `${plural(tasks.length, 'task')} deleted`, {
      description: tasks.length === 1 ? tasks[0]?.title : undefined,
      duration: UNDO_MS,
      action: { label: 'Undo', onClick: () => restore.mutate(tasks) },
    });
}

export function useDeleteTask() {
  const client = useTRPCClient();
  const optimistic = useOptimisticChange();
  const offerUndo = useUndoToast();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: (task: Task) => client.task.delete.mutate({ id: task.id }),
    onMutate: (task) => optimistic.apply([{ before: task, after: null }]),
    onSuccess: (_result, task) => offerUndo([task]),
    onError: (error, _task, context) => {
      optimistic.cache.rollback(context?.snapshot);
      toast.error('Couldn’t delete the task', { description: errorMessage(error) });
    },
    onSettled: () => optimistic.cache.reconcile(),
  });
}

interface BulkUpdateVariables {
  tasks: Task[];
  patch: Pick<TaskPatch, 'status' | 'priority' | 'dueDate'>;
}

export function useBulkUpdateTasks() {
  const client = useTRPCClient();
  const optimistic = useOptimisticChange();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: async ({ tasks, patch }: BulkUpdateVariables) => {
      let count = 0;
      for (const ids of chunks(tasks.map((task) => task.id))) {
        count += (await client.task.bulkUpdate.mutate({ ids, patch })).count;
      }
      return { count };
    },
    onMutate: ({ tasks, patch }) =>
      optimistic.apply(tasks.map((task) => ({ before: task, after: applyPatch(task, patch) }))),
    onError: (error, _variables, context) => {
      optimistic.cache.rollback(context?.snapshot);
      toast.error('Couldn’t change the tasks', { description: errorMessage(error) });
    },
    onSettled: () => optimistic.cache.reconcile(),
  });
}

export function useBulkDeleteTasks() {
  const client = useTRPCClient();
  const optimistic = useOptimisticChange();
  const offerUndo = useUndoToast();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: async (tasks: Task[]) => {
      let count = 0;
      for (const ids of chunks(tasks.map((task) => task.id))) {
        count += (await client.task.bulkDelete.mutate({ ids })).count;
      }
      return { count };
    },
    onMutate: (tasks) => optimistic.apply(tasks.map((task) => ({ before: task, after: null }))),
    onSuccess: (_result, tasks) => offerUndo(tasks),
    onError: (error, _tasks, context) => {
      optimistic.cache.rollback(context?.snapshot);
      toast.error('Couldn’t delete the tasks', { description: errorMessage(error) });
    },
    onSettled: () => optimistic.cache.reconcile(),
  });
}

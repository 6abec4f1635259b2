import { useMutation } from '@tanstack/react-query';
import type { CreateTaskInput, TaskStatus } from '@taskapp/shared';
import { toast } from 'sonner';
import type { Task } from '../../lib/api-types';
import { useTRPCClient } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { adjustStats, insertNewestFirst, isNewestFirst, listShows, mapTasks, withStatus } from './task-cache';
import { type CacheSnapshot, TASK_WRITE_KEY, useTaskCache } from './use-task-cache';

const UNDO_MS = 5000;
const OPTIMISTIC_PREFIX = 'optimistic-';

/** A task shown before the server has answered; it has no real id yet, so it takes no actions. */
export function isOptimistic(task: Task): boolean {
  return task.id.startsWith(OPTIMISTIC_PREFIX);
}

function draftTask(input: CreateTaskInput): Task {
  const now = new Date();
  return {
    id: `${OPTIMISTIC_PREFIX}${crypto.randomUUID()}`,
    title: input.title.trim(),
    description: input.description ?? null,
    status: input.status ?? 'pending',
    priority: input.priority ?? 'medium',
    dueDate: input.dueDate ?? null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
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

export function useSetTaskStatus() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: ({ task, status }: { task: Task; status: TaskStatus }) =>
      client.task.update.mutate({ id: task.id, status }),
    onMutate: async ({ task, status }) => {
      const snapshot = await cache.snapshot();
      const changed = withStatus(task, status);
      cache.updateLists((data, list) =>
        mapTasks(data, (other) => {
          if (other.id !== task.id) return other;
          return listShows(list, changed) ? changed : null;
        }),
      );
      cache.updateStats((stats) => adjustStats(stats, { from: task, to: changed }));
      return { snapshot };
    },
    onSuccess: (saved) => {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === saved.id ? saved : other)));
    },
    onError: (error, _variables, context) => {
      cache.rollback(context?.snapshot);
      toast.error('Couldn’t change the task', { description: errorMessage(error) });
    },
    onSettled: () => cache.reconcile(),
  });
}

export function useRestoreTask() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    // Every field as it was, so the task comes back with the same id, dates and completion.
    mutationFn: (task: Task) =>
      client.task.restore.mutate({
        id: task.id,
        title: task.title,
        description: task.description,
        status: task.status,
        priority: task.priority,
        dueDate: task.dueDate,
        completedAt: task.completedAt,
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
      }),
    onMutate: async (task) => {
      const snapshot = await cache.snapshot();
      cache.updateLists((data, list) =>
        listShows(list, task) && isNewestFirst(list) ? insertNewestFirst(data, task) : data,
      );
      cache.updateStats((stats) => adjustStats(stats, { to: task }));
      return { snapshot };
    },
    onError: (error, _task, context) => {
      cache.rollback(context?.snapshot);
      toast.error('Couldn’t bring the task back', { description: errorMessage(error) });
    },
    onSettled: () => cache.reconcile(),
  });
}

export function useDeleteTask() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  const restore = useRestoreTask();
  return useMutation({
    mutationKey: TASK_WRITE_KEY,
    mutationFn: (task: Task) => client.task.delete.mutate({ id: task.id }),
    onMutate: async (task): Promise<{ snapshot: CacheSnapshot }> => {
      const snapshot = await cache.snapshot();
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === task.id ? null : other)));
      cache.updateStats((stats) => adjustStats(stats, { from: task }));
      return { snapshot };
    },
    onSuccess: (_result, task) => {
      toast('Task deleted', {
        description: task.title,
        duration: UNDO_MS,
        action: { label: 'Undo', onClick: () => restore.mutate(task) },
      });
    },
    onError: (error, _task, context) => {
      cache.rollback(context?.snapshot);
      toast.error('Couldn’t delete the task', { description: errorMessage(error) });
    },
    onSettled: () => cache.reconcile(),
  });
}

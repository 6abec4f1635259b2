import type { CreateTaskInput } from '@taskapp/shared';
import type { Task } from '../../../lib/api-types';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { toast } from '../../../lib/toast';
import { useTRPCClient } from '../../../lib/trpc';
import { mapTasks } from './task-cache';
import { applyPatch, chunks, draftTask, type TaskPatch, withClientId } from './task-model';
import { useOptimisticTaskMutation } from './use-optimistic-task-mutation';
import { useTaskCache } from './use-task-cache';

const UNDO_MS = 5000;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function useCreateTask() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  const mutation = useOptimisticTaskMutation(cache, {
    mutationFn: (input: CreateTaskInput & { id: string }) =>
      client.task.create.mutate(input, viaOutbox({ title: input.title, predicted: draftTask(input) })),
    show: (input) => {
      const draft = draftTask(input);
      cache.showAdded([draft]);
      return { draftId: draft.id };
    },
    onSuccess: (task, _input, { draftId }) => {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === draftId ? task : other)));
    },
    failure: 'Couldn’t add the task',
  });
  type Options = Parameters<typeof mutation.mutate>[1];
  return {
    ...mutation,
    mutate: (input: CreateTaskInput, options?: Options) => mutation.mutate(withClientId(input), options),
    mutateAsync: (input: CreateTaskInput, options?: Options) =>
      mutation.mutateAsync(withClientId(input), options),
  };
}

interface UpdateVariables {
  task: Task;
  patch: TaskPatch;
}

/** One-click changes from the list (complete, priority); the edit panel saves with useSaveTaskEdit. */
export function useUpdateTask() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    // Guarded by the version shown: if the task changed elsewhere meanwhile (offline, say), the outbox
    // merges field by field, and asks only when the same field changed on both sides.
    mutationFn: ({ task, patch }: UpdateVariables) =>
      client.task.update.mutate(
        { id: task.id, expectedUpdatedAt: task.updatedAt, ...patch },
        viaOutbox({ title: task.title, base: task, predicted: applyPatch(task, patch) }),
      ),
    show: ({ task, patch }) => cache.showChanges([{ before: task, after: applyPatch(task, patch) }]),
    onSuccess: (saved) => cache.showSaved(saved),
    failure: 'Couldn’t change the task',
  });
}

/** Undo for deletes: the server kept the deleted tasks and puts them back as they were. */
export function useRestoreTasks() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    mutationFn: (tasks: Task[]) =>
      Promise.all(
        tasks.map((task) =>
          client.task.restore.mutate({ id: task.id }, viaOutbox({ title: task.title, predicted: task })),
        ),
      ),
    show: (tasks) => cache.showAdded(tasks),
    failure: 'Couldn’t bring the tasks back',
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
  const cache = useTaskCache();
  const offerUndo = useUndoToast();
  return useOptimisticTaskMutation(cache, {
    mutationFn: (task: Task) =>
      client.task.delete.mutate(
        { id: task.id },
        viaOutbox({ title: task.title, predicted: { id: task.id } }),
      ),
    show: (task) => cache.showChanges([{ before: task, after: null }]),
    onSuccess: (_result, task) => offerUndo([task]),
    failure: 'Couldn’t delete the task',
  });
}

interface BulkUpdateVariables {
  tasks: Task[];
  patch: Pick<TaskPatch, 'status' | 'priority' | 'dueDate'>;
}

export function useBulkUpdateTasks() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    mutationFn: async ({ tasks, patch }: BulkUpdateVariables) => {
      let count = 0;
      for (const ids of chunks(tasks.map((task) => task.id))) {
        const predicted = { count: ids.length };
        count += (
          await client.task.bulkUpdate.mutate(
            { ids, patch },
            viaOutbox({ title: plural(ids.length, 'task'), predicted }),
          )
        ).count;
      }
      return { count };
    },
    show: ({ tasks, patch }) =>
      cache.showChanges(tasks.map((task) => ({ before: task, after: applyPatch(task, patch) }))),
    failure: 'Couldn’t change the tasks',
  });
}

export function useBulkDeleteTasks() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  const offerUndo = useUndoToast();
  return useOptimisticTaskMutation(cache, {
    mutationFn: async (tasks: Task[]) => {
      let count = 0;
      for (const ids of chunks(tasks.map((task) => task.id))) {
        const predicted = { count: ids.length };
        count += (
          await client.task.bulkDelete.mutate(
            { ids },
            viaOutbox({ title: plural(ids.length, 'task'), predicted }),
          )
        ).count;
      }
      return { count };
    },
    show: (tasks) => cache.showChanges(tasks.map((task) => ({ before: task, after: null }))),
    onSuccess: (_result, tasks) => offerUndo(tasks),
    failure: 'Couldn’t delete the tasks',
  });
}

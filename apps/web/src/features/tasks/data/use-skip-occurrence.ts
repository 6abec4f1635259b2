import type { Task } from '../../../lib/api-types';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { useTRPCClient } from '../../../lib/trpc';
import { applyPatch } from './task-model';
import { useOptimisticTaskMutation } from './use-optimistic-task-mutation';
import { useTaskCache } from './use-task-cache';

interface SkipVariables {
  task: Task;
  /** The next date as the recurrence engine reads it, shown until the server answers; null shows nothing early. */
  next: Date | null;
}

/** "Skip this time": a repeating task moves on to its next date without being completed. */
export function useSkipOccurrence() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    mutationFn: ({ task }: SkipVariables) =>
      client.task.skipOccurrence.mutate({ id: task.id }, viaOutbox({ title: task.title })),
    show: ({ task, next }) => {
      if (next) cache.showChanges([{ before: task, after: applyPatch(task, { dueDate: next }) }]);
    },
    onSuccess: (saved) => cache.showSaved(saved),
    // The panel says why next to the button.
    failure: null,
  });
}

import type { Task } from '../../../lib/api-types';
import { useTRPCClient } from '../../../lib/trpc';
import { applyPatch, type TaskPatch } from './task-model';
import { useOptimisticTaskMutation } from './use-optimistic-task-mutation';
import { useTaskCache } from './use-task-cache';

export interface EditSave {
  /** The version the change was made on: the server refuses (CONFLICT) if the task changed since. */
  base: Task;
  patch: TaskPatch;
}

/**
 * The edit panel's save: shown at once like every write, but guarded against overwriting a change made
 * elsewhere, and quiet on failure because the panel shows the problem next to the fields (and merges
 * a conflict) instead of a toast.
 */
export function useSaveTaskEdit() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    mutationFn: ({ base, patch }: EditSave) =>
      client.task.update.mutate({ id: base.id, expectedUpdatedAt: base.updatedAt, ...patch }),
    show: ({ base, patch }) => cache.showChanges([{ before: base, after: applyPatch(base, patch) }]),
    onSuccess: (saved) => cache.showSaved(saved),
    failure: null,
  });
}

import type { Task } from '../../../lib/api-types';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { useTRPCClient } from '../../../lib/trpc';
import { applyPatch, type TaskPatch } from './task-model';
import { useOptimisticTaskMutation } from './use-optimistic-task-mutation';
import { useTaskCache } from './use-task-cache';

export interface EditSave {
  /** The version the change was made on: the server refuses (CONFLICT) if the task changed since. */
  base: Task;
  patch: TaskPatch;
  /** Whether the panel is still open to merge a refused edit itself; closed, the outbox does it. */
  ownsConflicts?: () => boolean;
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
    mutationFn: ({ base, patch, ownsConflicts }: EditSave) =>
      client.task.update.mutate(
        { id: base.id, expectedUpdatedAt: base.updatedAt, ...patch },
        viaOutbox({ title: base.title, base, predicted: applyPatch(base, patch), ownsConflicts }),
      ),
    show: ({ base, patch }) => cache.showChanges([{ before: base, after: applyPatch(base, patch) }]),
    onSuccess: (saved) => cache.showSaved(saved),
    failure: null,
  });
}

import type { Task } from '../../../lib/api-types';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { useTRPCClient } from '../../../lib/trpc';
import { useOptimisticTaskMutation } from '../data/use-optimistic-task-mutation';
import { useTaskCache } from '../data/use-task-cache';
import { type ManualPlace, showMoved } from './reorder-cache';

export interface MoveVariables {
  /** In the order they land. */
  tasks: Task[];
  place: ManualPlace;
  /** The first lands right after it (first in the place when null); each next one after the one before. */
  afterId: string | null;
}

/**
 * task.move for one task or a selection, shown at once in every cached list and put back if the server
 * refuses. The moves go one at a time, since each one's anchor is the task moved before it.
 */
export function useMoveTasks() {
  const client = useTRPCClient();
  const cache = useTaskCache();
  return useOptimisticTaskMutation(cache, {
    mutationFn: async ({ tasks, place, afterId }: MoveVariables) => {
      let anchor = afterId;
      for (const task of tasks) {
        const moved = { ...task, projectId: place.projectId, parentId: place.parentId };
        await client.task.move.mutate(
          {
            id: task.id,
            ...(place.parentId !== null ? { parentId: place.parentId } : { projectId: place.projectId }),
            afterId: anchor,
          },
          viaOutbox({ title: task.title, predicted: moved }),
        );
        anchor = task.id;
      }
    },
    show: ({ tasks, place, afterId }) => {
      const moved = tasks.map((task) => ({ ...task, projectId: place.projectId, parentId: place.parentId }));
      cache.updateLists((data, input) => showMoved(data, input, moved, place, afterId));
    },
    failure: (_error, { tasks }) => ({
      title: tasks.length === 1 ? 'Couldn’t move the task' : 'Couldn’t move the tasks',
      description: 'They are back where they were.',
    }),
  });
}

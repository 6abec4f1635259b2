import type { Task } from '../../../lib/api-types';
import { viaOutbox } from '../../../lib/offline/outbox/outbox-paths';
import { useTRPCClient } from '../../../lib/trpc';
import { insertByPosition, isManualOrder, mapTasks } from '../data/task-cache';
import { draftTask, withClientId } from '../data/task-model';
import { useOptimisticTaskMutation } from '../data/use-optimistic-task-mutation';
import { useTaskCache } from '../data/use-task-cache';

const withCount = (task: Task, by: number): Task => ({ ...task, subtaskCount: task.subtaskCount + by });

/**
 * Adds a subtask under `parent`: it shows at once first in the parent's subtask lists and the parent's
 * count goes up. A refusal (too deep, too long) is the caller's to show next to what was typed.
 */
export function useAddSubtask(parent: Task) {
  const client = useTRPCClient();
  const cache = useTaskCache();
  const mutation = useOptimisticTaskMutation(cache, {
    // The subtask takes its parent's project on the server.
    mutationFn: ({ id, title }: NewSubtask) =>
      client.task.create.mutate(
        { id, title, parentId: parent.id },
        viaOutbox({ title, predicted: draftOf(parent, { id, title }) }),
      ),
    show: (subtask) => {
      const draft = draftOf(parent, subtask);
      cache.updateLists((data, list) => {
        const counted = mapTasks(data, (task) => (task.id === parent.id ? withCount(task, 1) : task));
        return list.parentId === parent.id && isManualOrder(list)
          ? insertByPosition(counted, draft)
          : counted;
      });
      cache.updateDetail(parent.id, (task) => withCount(task, 1));
      return { draftId: draft.id };
    },
    onSuccess: (task, _title, { draftId }) => {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === draftId ? task : other)));
    },
    failure: null,
  });
  type Options = Parameters<typeof mutation.mutateAsync>[1];
  return {
    ...mutation,
    mutateAsync: (title: string, options?: Options) =>
      mutation.mutateAsync(withClientId<{ title: string; id?: string }>({ title }), options),
  };
}

interface NewSubtask {
  id: string;
  title: string;
}

const draftOf = (parent: Task, { id, title }: NewSubtask): Task => ({
  ...draftTask({ id, title, parentId: parent.id }),
  projectId: parent.projectId,
});

import type { Task } from '../../../lib/api-types';
import { useTRPCClient } from '../../../lib/trpc';
import { insertByPosition, isManualOrder, mapTasks } from '../data/task-cache';
import { draftTask } from '../data/task-model';
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
  return useOptimisticTaskMutation(cache, {
    // The subtask takes its parent's project on the server.
    mutationFn: (title: string) => client.task.create.mutate({ title, parentId: parent.id }),
    show: (title) => {
      const draft = { ...draftTask({ title, parentId: parent.id }), projectId: parent.projectId };
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
}

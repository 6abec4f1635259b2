import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { SyncChange } from '@taskapp/shared';
import { mapTasks, type TaskListData } from '../../features/tasks/data/task-cache';
import { TASK_WRITE_KEY } from '../../features/tasks/data/use-task-cache';
import { trpc } from '../clients';
import { createChangeBatcher, type Pending } from './change-batcher';
import { effectOf, type QueryGroup } from './change-effects';

/** A burst of changes (a bulk edit elsewhere) is fetched once it pauses, and at least every second. */
const QUIET_MS = 100;
const MAX_WAIT_MS = 1_000;

const GROUP_KEYS: Record<QueryGroup, QueryKey> = {
  tasks: trpc.task.pathKey(),
  projects: trpc.project.list.pathKey(),
  labels: trpc.label.list.pathKey(),
  settings: trpc.account.settings.pathKey(),
  reminders: trpc.reminder.recent.pathKey(),
};

/**
 * Puts changes made elsewhere into this tab's cache: a deleted task leaves the loaded lists at once; what
 * cannot be patched (a change carries no data) is fetched again, gathered over a short while, and only
 * once this tab's own task writes have settled, so an edit in progress never flickers back.
 */
export function createChangeApplier(queryClient: QueryClient) {
  const tasksBeingWritten = () => queryClient.isMutating({ mutationKey: TASK_WRITE_KEY }) > 0;
  const batcher = createChangeBatcher<QueryGroup>({
    quietMs: QUIET_MS,
    maxWaitMs: MAX_WAIT_MS,
    isBusy: tasksBeingWritten,
    flush: (pending) => void refetch(queryClient, pending),
  });
  const stopWatchingWrites = queryClient.getMutationCache().subscribe(() => {
    if (!tasksBeingWritten()) batcher.retry();
  });

  return {
    change(change: SyncChange): void {
      const { removedTaskIds, stale } = effectOf(change);
      if (removedTaskIds.length > 0) removeTasks(queryClient, new Set(removedTaskIds));
      batcher.add(stale);
    },
    /** Changes may have been missed: everything cached is fetched again. */
    resync(): void {
      batcher.add('everything');
    },
    stop(): void {
      stopWatchingWrites();
      batcher.cancel();
    },
  };
}

function removeTasks(queryClient: QueryClient, ids: Set<string>): void {
  const lists = queryClient.getQueriesData<TaskListData>({ queryKey: GROUP_KEYS.tasks });
  for (const [key, data] of lists) {
    if (!data?.pages?.some((page) => page.items.some((task) => ids.has(task.id)))) continue;
    queryClient.setQueryData(
      key,
      mapTasks(data, (task) => (ids.has(task.id) ? null : task)),
    );
  }
}

async function refetch(queryClient: QueryClient, pending: Pending<QueryGroup>): Promise<void> {
  if (pending === 'everything') return queryClient.invalidateQueries();
  await Promise.all(
    [...pending].map((group) => queryClient.invalidateQueries({ queryKey: GROUP_KEYS[group] })),
  );
}

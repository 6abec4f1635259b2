import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { ListTasksInput as ListInput } from '@taskapp/shared';
import type { TaskStats } from '../../lib/api-types';
import { useTRPC } from '../../lib/trpc';
import { listInputOf, type TaskListData } from './task-cache';

/** Every optimistic task write shares this key, so the last one to settle is the one that refetches. */
export const TASK_WRITE_KEY = ['tasks', 'write'] as const;

export type CacheSnapshot = Array<[QueryKey, unknown]>;

/** Optimistic edits of every cached task list and count, with a way back and a way to reconcile. */
export function useTaskCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = { queryKey: trpc.task.list.pathKey() };
  const stats = { queryKey: trpc.task.stats.pathKey() };

  return {
    /** Stops in-flight reads (they would overwrite the edit) and remembers what the cache held. */
    async snapshot(): Promise<CacheSnapshot> {
      await Promise.all([queryClient.cancelQueries(lists), queryClient.cancelQueries(stats)]);
      return [...queryClient.getQueriesData(lists), ...queryClient.getQueriesData(stats)];
    },
    rollback(snapshot: CacheSnapshot | undefined): void {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    },
    updateLists(change: (data: TaskListData, input: NonNullable<ListInput>) => TaskListData): void {
      for (const [key, data] of queryClient.getQueriesData<TaskListData>(lists)) {
        if (data?.pages) queryClient.setQueryData(key, change(data, listInputOf(key)));
      }
    },
    updateStats(change: (data: TaskStats) => TaskStats): void {
      queryClient.setQueriesData<TaskStats>(stats, (data) => (data ? change(data) : data));
    },
    /** Asks the server for the truth once no other task write is still in flight. */
    async reconcile(): Promise<void> {
      if (queryClient.isMutating({ mutationKey: TASK_WRITE_KEY }) > 1) return;
      await Promise.all([queryClient.invalidateQueries(lists), queryClient.invalidateQueries(stats)]);
    },
  };
}

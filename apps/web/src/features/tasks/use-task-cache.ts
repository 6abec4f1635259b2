import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { ListTasksInput as ListInput } from '@taskapp/shared';
import type { Task, TaskStats } from '../../lib/api-types';
import { useTRPC } from '../../lib/trpc';
import { listInputOf, type TaskListData } from './task-cache';
import { announceTaskChange } from './task-sync';

/** Every optimistic task write shares this key, so the last one to settle is the one that refetches. */
export const TASK_WRITE_KEY = ['tasks', 'write'] as const;

export type CacheSnapshot = Array<[QueryKey, unknown]>;

/** Optimistic edits of every cached task list and count, with a way back and a way to reconcile. */
export function useTaskCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = { queryKey: trpc.task.list.pathKey() };
  const stats = { queryKey: trpc.task.stats.pathKey() };
  const details = { queryKey: trpc.task.byId.pathKey() };

  return {
    /** Stops in-flight reads (they would overwrite the edit) and remembers what the cache held. */
    async snapshot(): Promise<CacheSnapshot> {
      await Promise.all([lists, stats, details].map((filter) => queryClient.cancelQueries(filter)));
      return [lists, stats, details].flatMap((filter) => queryClient.getQueriesData(filter));
    },
    rollback(snapshot: CacheSnapshot | undefined): void {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    },
    updateLists(change: (data: TaskListData, input: NonNullable<ListInput>) => TaskListData): void {
      for (const [key, data] of queryClient.getQueriesData<TaskListData>(lists)) {
        if (data?.pages) queryClient.setQueryData(key, change(data, listInputOf(key)));
      }
    },
    /** The open task's detail, which the edit panel shows. */
    updateDetail(id: string, change: (task: Task) => Task): void {
      queryClient.setQueryData<Task>(trpc.task.byId.queryKey({ id }), (task) => (task ? change(task) : task));
    },
    updateStats(change: (data: TaskStats) => TaskStats): void {
      queryClient.setQueriesData<TaskStats>(stats, (data) => (data ? change(data) : data));
    },
    /** Asks the server for the truth once no other task write is still in flight, here and in other tabs. */
    async reconcile(): Promise<void> {
      announceTaskChange();
      if (queryClient.isMutating({ mutationKey: TASK_WRITE_KEY }) > 1) return;
      await Promise.all([lists, stats, details].map((filter) => queryClient.invalidateQueries(filter)));
    },
  };
}

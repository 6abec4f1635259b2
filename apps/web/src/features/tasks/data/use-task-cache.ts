import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { ListTasksInput as ListInput } from '@taskapp/shared';
import type { Task, TaskStats } from '../../../lib/api-types';
import { useTRPC } from '../../../lib/trpc';
import { adjustStats, insertAdded, listInputOf, listShows, mapTasks, type TaskListData } from './task-cache';
import { announceTaskChange } from './task-sync';

/** Every optimistic task write shares this key, so the last one to settle is the one that refetches. */
export const TASK_WRITE_KEY = ['tasks', 'write'] as const;

export type CacheSnapshot = Array<[QueryKey, unknown]>;

/** One task's state before a write and after it (null: deleted). */
export interface TaskChange {
  before: Task;
  after: Task | null;
}

/** Optimistic edits of every cached task list and count, with a way back and a way to reconcile. */
export function useTaskCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = { queryKey: trpc.task.list.pathKey() };
  const stats = { queryKey: trpc.task.stats.pathKey() };
  const details = { queryKey: trpc.task.byId.pathKey() };
  const projects = { queryKey: trpc.project.list.pathKey() };

  const cache = {
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
    /**
     * Every list, count and the open detail show the tasks' new states at once; a task whose new state a
     * list no longer shows leaves that list.
     */
    showChanges(changes: TaskChange[]): void {
      const byId = new Map(changes.map((change) => [change.before.id, change.after]));
      cache.updateLists((data, list) =>
        mapTasks(data, (task) => {
          if (!byId.has(task.id)) return task;
          const after = byId.get(task.id) ?? null;
          return after && listShows(list, after) ? after : null;
        }),
      );
      cache.updateStats((counts) =>
        changes.reduce(
          (current, { before, after }) => adjustStats(current, { from: before, to: after ?? undefined }),
          counts,
        ),
      );
      for (const { after } of changes) if (after) cache.updateDetail(after.id, () => after);
    },
    /** The server's answer to a write replaces the task wherever it is shown. */
    showSaved(saved: Task): void {
      cache.updateLists((data) => mapTasks(data, (other) => (other.id === saved.id ? saved : other)));
      cache.updateDetail(saved.id, () => saved);
    },
    /** New tasks join the counts, and the lists whose place for them is known without the server. */
    showAdded(tasks: Task[]): void {
      cache.updateLists((data, list) =>
        tasks.reduce((current, task) => insertAdded(current, list, task), data),
      );
      cache.updateStats((counts) =>
        tasks.reduce((current, task) => adjustStats(current, { to: task }), counts),
      );
    },
    /** Asks the server for the truth once no other task write is still in flight, here and in other tabs. */
    async reconcile(): Promise<void> {
      announceTaskChange();
      if (queryClient.isMutating({ mutationKey: TASK_WRITE_KEY }) > 1) return;
      // Projects' open counts move with their tasks.
      await Promise.all(
        [lists, stats, details, projects].map((filter) => queryClient.invalidateQueries(filter)),
      );
    },
  };
  return cache;
}

export type TaskCache = ReturnType<typeof useTaskCache>;

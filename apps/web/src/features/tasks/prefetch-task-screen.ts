import { queryClient, trpc, trpcClient } from '../../lib/clients';
import { listInputFor, type TaskView } from './task-view';
import { taskListOptions, taskStatsOptions } from './use-task-queries';

/**
 * Starts the first page and the counts as soon as the route is entered, while the task screen's code is
 * still loading and starting up, instead of after it has rendered (bench/README.md: ~85 ms later on a
 * warm cache, a whole round trip later on a real network). Only when nothing is cached (`staleTime:
 * Infinity`): from then on the screen's own queries decide when to refetch.
 */
export function prefetchTaskScreen(view: TaskView): void {
  void queryClient.prefetchInfiniteQuery({
    ...taskListOptions(trpc, trpcClient, listInputFor(view)),
    staleTime: Number.POSITIVE_INFINITY,
  });
  void queryClient.prefetchQuery({ ...taskStatsOptions(trpc), staleTime: Number.POSITIVE_INFINITY });
}

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AppRouter } from '@taskapp/api';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';
import type { ListFilters } from '../view/task-view';

const PAGE_SIZE = 50;

/**
 * The counts' key and fetcher, shared by the screen and the route's prefetch. No time zone: the server
 * counts "today" and "overdue" in the account's zone, as the lists' filters do.
 */
export function taskStatsOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.task.stats.queryOptions({});
}

/** A list's key and fetcher, shared by the screen and the route's prefetch. */
export function taskListOptions(trpc: TRPCOptionsProxy<AppRouter>, filters: ListFilters) {
  return trpc.task.list.infiniteQueryOptions(
    { ...filters, limit: PAGE_SIZE },
    {
      getNextPageParam: (page) => page.nextCursor,
      // A list nobody looks at any more (a search typed over) stops its request instead of finishing it.
      trpc: { abortOnUnmount: true },
    },
  );
}

export function useTaskStats() {
  const trpc = useTRPC();
  // Other devices' changes show up when the person comes back to this tab.
  return useQuery({
    ...taskStatsOptions(trpc),
    refetchOnWindowFocus: 'always',
    // While a new search or filter loads, the old rows stay (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useTaskList(filters: ListFilters, { enabled = true } = {}) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...taskListOptions(trpc, filters),
    enabled,
    refetchOnWindowFocus: 'always',
    // While a new search or filter loads, the old rows stay (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

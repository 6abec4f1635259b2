import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AppRouter } from '@taskapp/api';
import type { ListTasksInput } from '@taskapp/shared';
import type { TRPCClient } from '@trpc/client';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

const PAGE_SIZE = 50;

type ListFilters = Omit<NonNullable<ListTasksInput>, 'cursor' | 'limit' | 'direction'>;

/** The browser's IANA zone, so "due today" and "overdue" mean the person's own day. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The counts' key and fetcher, shared by the screen and the route's prefetch. */
export function taskStatsOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.task.stats.queryOptions({ timeZone: browserTimeZone() });
}

/** A list's key and fetcher, shared by the screen and the route's prefetch. */
export function taskListOptions(
  trpc: TRPCOptionsProxy<AppRouter>,
  client: TRPCClient<AppRouter>,
  filters: ListFilters,
) {
  const input = { ...filters, limit: PAGE_SIZE };
  return {
    ...trpc.task.list.infiniteQueryOptions(input, {
      getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
    }),
    // tRPC's own fetcher adds `direction` to the input, which task.list's strict schema refuses; the
    // key stays tRPC's, so cache updates keyed by the task.list path still find these lists.
    queryFn: ({ pageParam, signal }: { pageParam: unknown; signal: AbortSignal }) =>
      client.task.list.query({ ...input, cursor: pageParam as string | null }, { signal }),
  };
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

export function useTaskList(filters: ListFilters) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useInfiniteQuery({
    ...taskListOptions(trpc, client, filters),
    refetchOnWindowFocus: 'always',
    // While a new search or filter loads, the old rows stay (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ListTasksInput } from '@taskapp/shared';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

const PAGE_SIZE = 50;

/** The browser's IANA zone, so "due today" and "overdue" mean the person's own day. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function useTaskStats() {
  const trpc = useTRPC();
  // Other devices' changes show up when the person comes back to this tab.
  return useQuery({
    ...trpc.task.stats.queryOptions({ timeZone: browserTimeZone() }),
    refetchOnWindowFocus: 'always',
    // While a new search or filter loads, the old rows stay (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useTaskList(filters: Omit<NonNullable<ListTasksInput>, 'cursor' | 'limit' | 'direction'>) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { ...filters, limit: PAGE_SIZE };
  return useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
    // tRPC's own fetcher adds `direction` to the input, which task.list's strict schema refuses; the
    // key stays tRPC's, so cache updates keyed by the task.list path still find these lists.
    queryFn: ({ pageParam, signal }) =>
      client.task.list.query({ ...input, cursor: pageParam as string | null }, { signal }),
    refetchOnWindowFocus: 'always',
    // While a new search or filter loads, the old rows stay (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

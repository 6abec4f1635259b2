import { useInfiniteQuery } from '@tanstack/react-query';
import { LIMITS } from '@taskapp/shared';
import { useEffect, useMemo } from 'react';
import { useTRPC } from '../../lib/trpc';

/** A board shows at most this many cards; past it, the list view pages on. */
export const BOARD_MAX_TASKS = 500;

/** The project's top-level tasks of every status, in its manual order, loaded page by page up to the cap. */
export function useBoardTasks(projectId: string) {
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(
      { projectId, parentId: null, sort: 'manual', order: 'asc', limit: LIMITS.listMax },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    refetchOnWindowFocus: 'always',
  });
  const tasks = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const capped = tasks.length >= BOARD_MAX_TASKS;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !capped) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, capped, fetchNextPage]);
  return { query, tasks, capped: capped && hasNextPage };
}

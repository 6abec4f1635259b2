import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

export const HEALTH_REFRESH_MS = 30_000;

/** The header indicator and the status page share this one query, so they never disagree. */
export function useHealth() {
  const trpc = useTRPC();
  return useQuery(
    trpc.health.check.queryOptions(undefined, {
      refetchInterval: HEALTH_REFRESH_MS,
      staleTime: 5_000,
    }),
  );
}

export type HealthTone = 'ok' | 'degraded' | 'down' | 'pending';

export function healthTone(query: ReturnType<typeof useHealth>): HealthTone {
  // A failed refetch wins over older data: the API is unreachable now, whatever it said before.
  if (query.isError) return 'down';
  if (query.data) return query.data.status === 'ok' ? 'ok' : 'degraded';
  return 'pending';
}

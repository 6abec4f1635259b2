import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useFirstScreenShown } from '../../lib/after-first-screen';
import { useTRPC } from '../../lib/trpc';
import { httpStatus } from '../../lib/trpc-errors';

export const HEALTH_REFRESH_MS = 30_000;
/** While the API looks unreachable, it is asked again this often, so recovery shows as quickly. */
const UNREACHABLE_REFRESH_MS = 5_000;

const isHealthKey = (key: readonly unknown[]) => Array.isArray(key[0]) && key[0][0] === 'health';

/**
 * The header indicator and the status page share this one query, so they never disagree. The header's
 * first check waits for the first screen (`afterFirstScreen`): on a phone it would otherwise share the
 * first page's bandwidth and connections with the code and data that page needs.
 */
export function useHealth({ afterFirstScreen = false }: { afterFirstScreen?: boolean } = {}) {
  const trpc = useTRPC();
  const firstScreenShown = useFirstScreenShown();
  const query = useQuery(
    trpc.health.check.queryOptions(undefined, {
      enabled: !afterFirstScreen || firstScreenShown,
      // React Query's default ('online') pauses queries while the browser is offline, which left the
      // last answer (green) on screen forever; the health check has to run, and fail, instead.
      networkMode: 'always',
      refetchInterval: (current) =>
        current.state.status === 'error' ? UNREACHABLE_REFRESH_MS : HEALTH_REFRESH_MS,
      staleTime: 5_000,
      retry: 1,
      retryDelay: 500,
    }),
  );
  useRecheckWhenRequestsFail();
  return query;
}

/** Any other request that got no answer at all is a hint the API is gone: check now, not in 30 s. */
function useRecheckWhenRequestsFail(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A check already under way answers the question; many failures in a row ask it once.
    const recheck = () =>
      void queryClient.refetchQueries({ queryKey: [['health']] }, { cancelRefetch: false });
    const unanswered = (error: unknown) => error != null && httpStatus(error) === undefined;
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (!isHealthKey(event.query.queryKey) && unanswered(event.action.error)) recheck();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && unanswered(event.action.error))
        recheck();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** What the browser says about its network, updated the moment it changes. */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  );
}

export type HealthTone = 'ok' | 'degraded' | 'down' | 'pending';

export function healthTone(query: ReturnType<typeof useHealth>, browserOnline = true): HealthTone {
  if (!browserOnline) return 'down';
  // A failed refetch wins over older data: the API is unreachable now, whatever it said before.
  if (query.isError) return 'down';
  if (query.data) return query.data.status === 'ok' ? 'ok' : 'degraded';
  return 'pending';
}

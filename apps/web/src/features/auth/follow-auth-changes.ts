import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';
import { subscribeAuth } from '../../lib/auth-store';

// Cached answers that belong to nobody in particular and may outlive a session.
function isSharedQuery(queryKey: QueryKey): boolean {
  const [head] = queryKey;
  return Array.isArray(head) ? head[0] === 'health' : head === 'verify-email';
}

/**
 * Whenever the signed-in person changes (sign in, sign out, a session ending in the background), the
 * route guards run again, and nothing cached for the previous person survives.
 */
export function followAuthChanges(router: AnyRouter, queryClient: QueryClient): () => void {
  return subscribeAuth((next, previous) => {
    // The router starts only once the session is restored; its guards see the result then.
    if (previous.status === 'restoring') return;
    const before = previous.status === 'signed-in' ? previous.user.id : null;
    const after = next.status === 'signed-in' ? next.user.id : null;
    if (before === after && previous.status === next.status) return;
    void router.invalidate().finally(() => {
      if (before) queryClient.removeQueries({ predicate: (query) => !isSharedQuery(query.queryKey) });
    });
  });
}

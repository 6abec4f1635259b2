import type { QueryClient } from '@tanstack/react-query';
import { type AuthState, getAuthState, subscribeAuth } from '../auth-store';

// Background tabs may wait long for an idle moment; a second is as long as live sync should wait.
function whenIdle(run: () => void): void {
  if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 1_000 });
  else setTimeout(run, 1);
}

function userIdOf(state: AuthState): string | null {
  return state.status === 'signed-in' ? state.user.id : null;
}

/**
 * Runs live sync while someone is signed in: started on sign-in, stopped on sign-out, restarted for another
 * user. Its code loads when the browser is idle after sign-in, so it never delays the first screen.
 */
export function followSignInWithLiveSync(queryClient: QueryClient): () => void {
  let runningFor: string | null = null;
  let stop: (() => void) | null = null;
  let generation = 0;

  const follow = (state: AuthState) => {
    const userId = userIdOf(state);
    if (userId === runningFor) return;
    stop?.();
    stop = null;
    runningFor = userId;
    const current = ++generation;
    if (!userId) return;
    whenIdle(() => {
      import('./live-sync')
        .then(({ startLiveSync }) => {
          if (current === generation) stop = startLiveSync(queryClient, userId);
        })
        // Offline before the chunk was cached: changes still arrive on focus, as before live sync.
        .catch(() => undefined);
    });
  };

  follow(getAuthState());
  const unsubscribe = subscribeAuth((next) => follow(next));
  return () => {
    unsubscribe();
    generation += 1;
    stop?.();
  };
}

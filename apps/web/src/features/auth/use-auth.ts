import { useSyncExternalStore } from 'react';
import type { SessionUser } from '../../lib/api-types';
import { type AuthState, getAuthState, subscribeAuth } from '../../lib/auth-store';

export function useAuth(): AuthState {
  // The third argument serves the build's prerendering (src/prerender/), where nobody is signed in yet.
  return useSyncExternalStore(subscribeAuth, getAuthState, getAuthState);
}

/**
 * The signed-in user, or null. Pages behind the signed-in guard still get null for a moment when a
 * session ends while they are open: the store changes before the guard has moved on to sign-in.
 */
export function useUser(): SessionUser | null {
  const auth = useAuth();
  return auth.status === 'signed-in' ? auth.user : null;
}

import type { QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../api-types';
import type { AuthState, getAuthState, subscribeAuth } from '../auth-store';
import { forgetSavedCursor } from '../sync/saved-cursor';
import { forgetRememberedUser, rememberedUser, rememberUser } from './remembered-user';

const loadStore = () => import('./query-cache-store');

/**
 * Keeps the signed-in person's query cache in IndexedDB (restored first, so a reopened app shows the last
 * lists at once), and remembers who they are for an offline start. Any sign-out (here, in another tab,
 * a session ended elsewhere, the account deleted) wipes both.
 */
export function followSignInWithOfflineCache(
  queryClient: QueryClient,
  // Handed in: importing the auth store here would split it out of the first page's bundle.
  auth: { current: typeof getAuthState; subscribe: typeof subscribeAuth },
): () => void {
  let current: string | null = null;
  let stop: (() => Promise<void>) | null = null;
  let queue: Promise<void> = Promise.resolve();
  const later = (work: () => Promise<void>) => {
    queue = queue.then(work).catch(() => undefined);
  };
  const follow = (next: AuthState) => {
    if (next.status === 'restoring') return;
    const user = next.status === 'signed-in' ? next.user : null;
    if (user) rememberUser(user);
    if ((user?.id ?? null) === current) return;
    const leaving = current;
    current = user?.id ?? null;
    const stopping = stop;
    stop = null;
    later(async () => {
      await stopping?.();
      const store = await loadStore();
      if (leaving) {
        await store.forgetQueryCache(leaving);
        forgetSavedCursor(leaving);
      }
      if (!user) {
        forgetRememberedUser();
        return;
      }
      await store.restoreQueryCache(queryClient, user.id);
      // Still the same person once the restore is done (a sign-out may have come in between).
      if (current === user.id) stop = store.persistQueryCache(queryClient, user.id);
    });
  };
  // Loaded after the first page: the session may already be restored by now.
  follow(auth.current());
  return auth.subscribe(follow);
}

/**
 * Opening the app without a network (issue 16): the refresh cookie cannot be exchanged, but the person
 * who was signed in here can see their saved lists. Restores their cache and answers who they are; null
 * when nobody is remembered (the app then shows the signed-out screens).
 */
export async function openOffline(queryClient: QueryClient): Promise<SessionUser | null> {
  const user = rememberedUser();
  if (!user) return null;
  await (await loadStore()).restoreQueryCache(queryClient, user.id);
  return user;
}

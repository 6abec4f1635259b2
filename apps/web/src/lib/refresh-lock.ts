const LOCK_NAME = 'taskapp-refresh';

/**
 * Runs `task` while holding a lock shared by every tab of this origin. The refresh cookie is shared
 * too, and each refresh rotates it: two tabs presenting the same token at once would look like a
 * stolen token being replayed and end the session. Holding the lock, each tab sends the newest cookie.
 */
export function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  // Web Locks exist only in secure contexts (https, localhost); elsewhere tabs are not coordinated.
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  // The callback's promise is awaited by request(), so the result is T, not Promise<T>.
  return navigator.locks.request(LOCK_NAME, { mode: 'exclusive' }, task) as Promise<T>;
}

const LOCK_NAME = 'taskapp-sync-leader';

/**
 * Runs `lead` once this tab holds the browser-wide sync lock, and keeps holding it until `signal` aborts
 * (sign-out) or the tab closes, when the browser hands it to the next tab waiting. Without Web Locks
 * every tab leads (and streams) for itself.
 */
export function requestLeadership(signal: AbortSignal, lead: () => void): void {
  if (typeof navigator === 'undefined' || !navigator.locks) {
    lead();
    return;
  }
  navigator.locks
    .request(LOCK_NAME, { signal }, () => {
      if (signal.aborted) return;
      lead();
      return new Promise<void>((release) =>
        signal.addEventListener('abort', () => release(), { once: true }),
      );
    })
    // Aborted while still waiting for the lock.
    .catch(() => undefined);
}

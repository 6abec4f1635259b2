/**
 * Where this browser's live sync stopped, per person (issue 16): reopened (even after days offline), the
 * app catches up from here with sync.changes instead of refetching everything. Forgotten on sign-out, with
 * the saved lists it belongs to.
 */
const PREFIX = 'taskapp.syncCursor.';

export function savedCursor(userId: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + userId) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveCursor(userId: string, cursor: string): void {
  try {
    localStorage.setItem(PREFIX + userId, cursor);
  } catch {
    // Without storage a reopened app refetches instead of catching up.
  }
}

export function forgetSavedCursor(userId: string): void {
  try {
    localStorage.removeItem(PREFIX + userId);
  } catch {
    // Nothing was kept.
  }
}

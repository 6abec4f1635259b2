import { type Place, placeOfPath, placePath } from './place';

const KEY = 'taskapp.lastPlace';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be switched off; the app then simply opens All tasks.
    return null;
  }
}

/** Remembers the place last shown in this browser, so `/` opens it next time. */
export function rememberPlace(place: Place, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, placePath(place));
  } catch {
    // Full or refused storage: nothing to remember then.
  }
}

/** The remembered place; anything unreadable counts as none. */
export function rememberedPlace(store: Storage | null = storage()): Place | null {
  try {
    const path = store?.getItem(KEY);
    return path ? placeOfPath(path) : null;
  } catch {
    return null;
  }
}

/** Forgets a place that no longer exists (a deleted project or label). */
export function forgetPlace(place: Place, store: Storage | null = storage()): void {
  try {
    if (store?.getItem(KEY) === placePath(place)) store.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

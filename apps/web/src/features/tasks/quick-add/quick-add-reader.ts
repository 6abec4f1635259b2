import { useEffect, useState } from 'react';
import type { readQuickAdd } from './parse-quick-add';

/** What quick add understands in a line of text: the draft, and where each understood word is. */
export type QuickAddReader = typeof readQuickAdd;

let loaded: QuickAddReader | null = null;
let loading: Promise<QuickAddReader> | null = null;

/**
 * Fetches quick add's reader once. Its date parser (chrono-node) is a sixth of the task screen's code
 * and nothing on the first screen needs it: a phone would download it before the first list could show.
 * A failed fetch (offline before the service worker cached it) is tried again by the next caller.
 */
export function loadQuickAddReader(): Promise<QuickAddReader> {
  loading ??= import('./parse-quick-add').then(
    (module) => {
      loaded = module.readQuickAdd;
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The reader once its code has loaded (else null), and whether the last try to load it failed. */
export interface QuickAddReaderState {
  read: QuickAddReader | null;
  unavailable: boolean;
}

/**
 * Starts loading the reader when `wanted` (the field has focus or text), and tries again every 2 s after
 * a failure: a phone that was offline may be back. Enter meanwhile is handled by QuickAdd.
 */
export function useQuickAddReader(wanted: boolean): QuickAddReaderState {
  const [read, setRead] = useState<QuickAddReader | null>(() => loaded);
  const [unavailable, setUnavailable] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (read || !wanted) return;
    let live = true;
    loadQuickAddReader().then(
      (reader) => {
        if (!live) return;
        setRead(() => reader);
        setUnavailable(false);
      },
      () => {
        if (!live) return;
        setUnavailable(true);
        setTimeout(() => live && setAttempt((n) => n + 1), 2_000);
      },
    );
    return () => {
      live = false;
    };
  }, [read, wanted, attempt]);
  return { read, unavailable };
}

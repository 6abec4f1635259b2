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

/**
 * The reader once its code has loaded, else null. It starts loading when `wanted` (the field has focus or
 * text): the text stays in the field meanwhile, and Enter waits for it (see QuickAdd).
 */
export function useQuickAddReader(wanted: boolean): QuickAddReader | null {
  const [reader, setReader] = useState<QuickAddReader | null>(() => loaded);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (reader || !wanted) return;
    let live = true;
    loadQuickAddReader().then(
      (read) => {
        if (live) setReader(() => read);
      },
      // Try again after a while: a phone that was offline may be back.
      () => {
        if (live) setTimeout(() => live && setAttempt((n) => n + 1), 2_000);
      },
    );
    return () => {
      live = false;
    };
  }, [reader, wanted, attempt]);
  return reader;
}

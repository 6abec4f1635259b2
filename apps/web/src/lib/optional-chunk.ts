import type { ComponentType } from 'react';

/**
 * The loader of a lazily loaded component that only adds to what the page already does (drag and drop, a
 * board): when its chunk cannot be fetched (offline before it was cached, or a deploy replaced it), the
 * page renders `fallback` instead of failing, and the background preload fails quietly.
 */
export function optionalChunk<Props>(
  load: () => Promise<{ default: ComponentType<Props> }>,
  fallback: ComponentType<Props>,
): () => Promise<{ default: ComponentType<Props> }> {
  return () => load().catch(() => ({ default: fallback }));
}

/** Starts fetching a chunk when the browser is idle; a failure is left for the render to handle. */
export function preloadWhenIdle(load: () => Promise<unknown>): void {
  if (typeof window === 'undefined') return;
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  idle(() => {
    load().catch(() => undefined);
  });
}

import { type ComponentType, useSyncExternalStore } from 'react';
import { whenIdle } from './when-idle';

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
export function preloadWhenIdle(load: () => unknown): void {
  if (typeof window === 'undefined') return;
  whenIdle(() => {
    Promise.resolve()
      .then(load)
      .catch(() => undefined);
  });
}

/** A component whose chunk may still be loading: see optionalComponent. */
export interface OptionalComponent<Props> {
  /** Starts fetching the chunk (once); safe to call during render, like React DOM's preload functions. */
  preload(): void;
  /** The loaded component, or the fallback until it has loaded (for good when it cannot load). */
  useComponent(): ComponentType<Props>;
  /** The loaded component (or the fallback once loading failed); null until then. Starts no fetch. */
  useLoaded(): ComponentType<Props> | null;
  /** What `useLoaded` gives in the browser, read outside React. */
  loaded(): ComponentType<Props> | null;
}

/**
 * Like `lazy(optionalChunk(load, fallback))` inside a Suspense boundary whose fallback is `fallback`, but a
 * chunk that has already loaded renders in the first commit. React.lazy always suspends on its first
 * render, even when the import has long finished, so a list behind it was built twice: once as the
 * fallback, then again (every row unmounted and mounted) as the real component. Preloaded early enough,
 * the real component is the only one that renders.
 */
export function optionalComponent<Props>(
  load: () => Promise<{ default: ComponentType<Props> }>,
  fallback: ComponentType<Props>,
): OptionalComponent<Props> {
  let loaded: ComponentType<Props> | null = null;
  let started = false;
  const listeners = new Set<() => void>();
  const preload = () => {
    if (started) return;
    started = true;
    void optionalChunk(load, fallback)().then((module) => {
      loaded = module.default;
      for (const listener of listeners) listener();
    });
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = () => loaded;
  // The server draws the fallback (decision 020): the same markup, none of the optional code's set-up.
  const useLoaded = () => useSyncExternalStore(subscribe, current, () => null);
  return {
    preload,
    loaded: current,
    useComponent: () => {
      preload();
      return useLoaded() ?? fallback;
    },
    useLoaded,
  };
}

/**
 * A dialog or panel whose code is fetched the first time it opens (or earlier, through `preload`): until
 * then it costs the page nothing. Returns the component to render, or null while there is nothing to
 * show (closed and never loaded, or opened and still loading).
 */
export function useOnDemand<Props>(
  component: OptionalComponent<Props>,
  open: boolean,
): ComponentType<Props> | null {
  const loaded = component.useLoaded();
  if (!loaded && open) component.preload();
  return loaded;
}

import { useLayoutEffect, useMemo, useRef } from 'react';

type Callback = (...args: unknown[]) => unknown;

/**
 * The same callbacks, as functions that stay the same across renders and call the latest version. Lets
 * memoised children (a list's rows) skip renders their parent makes only to pass new closures down.
 * Only for event handlers: they read the latest version once the render that made it has committed.
 */
export function useStableCallbacks<T extends object>(callbacks: T): T {
  const latest = useRef(callbacks as Record<string, Callback | undefined>);
  useLayoutEffect(() => {
    latest.current = callbacks as Record<string, Callback | undefined>;
  });
  // Which callbacks exist can change (an optional action); each set of names gets its own wrappers.
  const names = Object.entries(callbacks)
    .filter(([, callback]) => callback !== undefined)
    .map(([name]) => name)
    .sort()
    .join(',');
  return useMemo(() => {
    const stable: Record<string, Callback> = {};
    for (const name of names ? names.split(',') : []) {
      stable[name] = (...args) => latest.current[name]?.(...args);
    }
    return stable as T;
  }, [names]);
}

/**
 * Runs `run` when the browser is next idle (at the latest after `timeoutMs`, when given); where there is
 * no requestIdleCallback (Safari, tests), on the next turn of the event loop.
 */
export function whenIdle(run: () => void, timeoutMs?: number): void {
  if (typeof window !== 'undefined' && window.requestIdleCallback)
    window.requestIdleCallback(run, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  else setTimeout(run, 1);
}

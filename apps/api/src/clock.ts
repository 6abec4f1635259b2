/**
 * Wall-clock time that never repeats or goes back within this process: two writes in the same
 * millisecond still get different `updatedAt` values, which the stale-update check (CONFLICT) compares
 * to the millisecond.
 */
export function monotonicClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last);
  };
}

/** Query groups waiting to be fetched again, or everything (a resync). */
export type Pending<Group> = Set<Group> | 'everything';

interface BatcherOptions<Group> {
  /** How quiet the stream must be before the gathered changes are handed over, so a burst is fetched once. */
  quietMs: number;
  /** A steady stream of changes (an import elsewhere) is still handed over at least this often. */
  maxWaitMs: number;
  /** While true (this tab's own writes are in flight) nothing is fetched: it would undo what they show. */
  isBusy: () => boolean;
  flush: (pending: Pending<Group>) => void;
}

/**
 * Gathers the query groups that changes made stale and hands them over in one go once changes pause (or
 * `maxWaitMs` after the first one); if the tab is busy then, as soon as `retry` finds it idle.
 */
export function createChangeBatcher<Group>({ quietMs, maxWaitMs, isBusy, flush }: BatcherOptions<Group>) {
  let pending: Pending<Group> | null = null;
  let firstAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;

  const tryFlush = () => {
    if (!due || pending === null || isBusy()) return;
    const batch = pending;
    pending = null;
    firstAt = undefined;
    due = false;
    flush(batch);
  };

  return {
    add(groups: Iterable<Group> | 'everything'): void {
      if (groups === 'everything' || pending === 'everything') pending = 'everything';
      else pending = new Set([...(pending ?? []), ...groups]);
      if (due) return;
      firstAt ??= Date.now();
      clearTimeout(timer);
      const wait = Math.min(quietMs, Math.max(0, firstAt + maxWaitMs - Date.now()));
      timer = setTimeout(() => {
        timer = undefined;
        due = true;
        tryFlush();
      }, wait);
    },
    /** Call when the tab may have stopped being busy. */
    retry: tryFlush,
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      firstAt = undefined;
      due = false;
    },
  };
}

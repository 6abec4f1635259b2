/** Query groups waiting to be fetched again, or everything (a resync). */
export type Pending<Group> = Set<Group> | 'everything';

interface BatcherOptions<Group> {
  /** How long to gather changes after the first one, so a burst is fetched once. */
  delayMs: number;
  /** While true (this tab's own writes are in flight) nothing is fetched: it would undo what they show. */
  isBusy: () => boolean;
  flush: (pending: Pending<Group>) => void;
}

/**
 * Gathers the query groups that changes made stale and hands them over in one go: `delayMs` after the first
 * change, or, if the tab is busy then, as soon as `retry` finds it idle.
 */
export function createChangeBatcher<Group>({ delayMs, isBusy, flush }: BatcherOptions<Group>) {
  let pending: Pending<Group> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;

  const tryFlush = () => {
    if (!due || pending === null || isBusy()) return;
    const batch = pending;
    pending = null;
    due = false;
    flush(batch);
  };

  return {
    add(groups: Iterable<Group> | 'everything'): void {
      if (groups === 'everything' || pending === 'everything') pending = 'everything';
      else pending = new Set([...(pending ?? []), ...groups]);
      if (timer !== undefined || due) return;
      timer = setTimeout(() => {
        timer = undefined;
        due = true;
        tryFlush();
      }, delayMs);
    },
    /** Call when the tab may have stopped being busy. */
    retry: tryFlush,
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      due = false;
    },
  };
}

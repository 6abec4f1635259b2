/** How often the bell asks when no reminder is due soon; also on focus, and while the tab is hidden. */
export const RECENT_REMINDERS_POLL_MS = 60_000;
/** Once a reminder is due, the server's worker sends it within its poll (10 s by default): ask this often. */
const DUE_RECHECK_MS = 3_000;
/** How long after its time a reminder is watched for; later (the worker is down or busy) back to the minute. */
const DUE_WATCH_MS = 30_000;

/**
 * When the bell should ask the server again, given when the next reminder is due to go out: just after
 * that moment and then every few seconds until it has gone, so an open app shows it on time rather than up
 * to a minute later; otherwise once a minute. A moment already past when the bell heard of it (a reminder
 * set for the start of this minute) is watched from when it was heard (`heardAt`).
 */
export function nextAskIn(nextAt: Date | null | undefined, now: number, heardAt = 0): number {
  if (!nextAt) return RECENT_REMINDERS_POLL_MS;
  const until = nextAt.getTime() - now;
  if (until >= 0) return Math.min(RECENT_REMINDERS_POLL_MS, until + 1_000);
  if (now - Math.max(nextAt.getTime(), heardAt) < DUE_WATCH_MS) return DUE_RECHECK_MS;
  return RECENT_REMINDERS_POLL_MS;
}

/** `nextAskIn` that remembers when each answer's `nextAt` was first heard (an answer's time, ms). */
export function nextAskTracker() {
  let heard: { nextAt: number; at: number } | null = null;
  return (nextAt: Date | null | undefined, answeredAt: number, now: number): number => {
    const due = nextAt?.getTime();
    if (due === undefined) heard = null;
    else if (heard?.nextAt !== due) heard = { nextAt: due, at: answeredAt };
    return nextAskIn(nextAt, now, heard?.at);
  };
}

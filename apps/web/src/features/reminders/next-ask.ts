/** How often the bell asks when no reminder is due soon; also on focus, and while the tab is hidden. */
export const RECENT_REMINDERS_POLL_MS = 60_000;
/** Once a reminder is due, the server's worker sends it within its poll (10 s by default): ask this often. */
const DUE_RECHECK_MS = 3_000;
/** How long after its time a reminder is watched for; later (the worker is down or busy) back to the minute. */
const DUE_WATCH_MS = 30_000;

/**
 * When the bell should ask the server again, given when the next reminder is due to go out: just after
 * that moment and then every few seconds until it has gone, so an open app shows it on time rather than up
 * to a minute later; otherwise once a minute.
 */
export function nextAskIn(nextAt: Date | null | undefined, now: number): number {
  if (!nextAt) return RECENT_REMINDERS_POLL_MS;
  const until = nextAt.getTime() - now;
  if (until >= 0) return Math.min(RECENT_REMINDERS_POLL_MS, until + 1_000);
  if (until > -DUE_WATCH_MS) return DUE_RECHECK_MS;
  return RECENT_REMINDERS_POLL_MS;
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

/** How often the bell asks for reminders the server delivered; also on focus, and while the tab is hidden. */
export const RECENT_REMINDERS_POLL_MS = 60_000;

/** The person's latest delivered reminders, newest first (reminder.recent). */
export function useRecentReminders() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.reminder.recent.queryOptions(),
    staleTime: 0,
    refetchInterval: RECENT_REMINDERS_POLL_MS,
    // A hidden tab still hears of reminders, so it can show them as notifications without a push service.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}

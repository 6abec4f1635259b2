import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { nextAskTracker } from './next-ask';

/**
 * The person's latest delivered reminders, newest first (reminder.recent). Asked again when the next one
 * is due (next-ask.ts), on focus, and while the tab is hidden; a task changed anywhere asks too (live sync).
 */
export function useRecentReminders() {
  const trpc = useTRPC();
  const [askAgainIn] = useState(nextAskTracker);
  return useQuery({
    ...trpc.reminder.recent.queryOptions(),
    staleTime: 0,
    refetchInterval: (query) => askAgainIn(query.state.data?.nextAt, query.state.dataUpdatedAt, Date.now()),
    // A hidden tab still hears of reminders, so it can show them as notifications without a push service.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}

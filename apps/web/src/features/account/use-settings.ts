import { useQuery } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, type WeekStart } from '@taskapp/shared/constants';
import { browserTimeZone } from '../../lib/time-zone';
import { useTRPC } from '../../lib/trpc';
import { useUser } from '../auth/use-auth';

export function useSettings() {
  const trpc = useTRPC();
  const signedIn = useUser() !== null;
  // Settings change rarely and only through this app; other tabs and devices pick changes up on focus.
  return useQuery({ ...trpc.account.settings.queryOptions(), staleTime: 60_000, enabled: signedIn });
}

export interface DaySettings {
  timeZone: string;
  weekStart: WeekStart;
}

/**
 * Whose days the app shows: the account's time zone and week start. Until settings have loaded (or
 * if they failed to) the browser's zone and Monday stand in, so lists never wait for settings.
 */
export function useDaySettings(): DaySettings {
  const { data } = useSettings();
  return {
    timeZone: data?.timeZone ?? browserTimeZone(),
    weekStart: data?.weekStart ?? DEFAULT_SETTINGS.weekStart,
  };
}

import { useCallback, useEffect, useState } from 'react';
import { onServer } from '../../lib/server-render';
import { lastSeenKey, readLastSeen, writeLastSeen } from './last-seen';

/** The bell's last seen time for this person, kept in localStorage and followed across tabs. */
export function useLastSeen(userId: string): [number, (sentAt: number) => void] {
  // The server cannot know this browser's storage: its first screen shows nothing as new.
  const [lastSeen, setLastSeen] = useState(() =>
    onServer ? Number.POSITIVE_INFINITY : readLastSeen(localStorage, userId),
  );
  useEffect(() => {
    setLastSeen(readLastSeen(localStorage, userId));
    const follow = (event: StorageEvent) => {
      if (event.key === lastSeenKey(userId)) setLastSeen(readLastSeen(localStorage, userId));
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [userId]);
  const markSeen = useCallback(
    (sentAt: number) => {
      setLastSeen((before) => {
        const next = Math.max(before, sentAt);
        if (next !== before) writeLastSeen(localStorage, userId, next);
        return next;
      });
    },
    [userId],
  );
  return [lastSeen, markSeen];
}

import { useSyncExternalStore } from 'react';

const isOnline = () => navigator.onLine;
const subscribe = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/**
 * Whether the browser says it has a network (Chromium's offline mode and a lost Wi-Fi both say no). Asked
 * of the browser itself: React Query's onlineManager assumes online until it hears otherwise, so an app
 * opened offline would not know.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

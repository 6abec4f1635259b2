import { hydrate, type QueryClient } from '@tanstack/react-query';
import { FIRST_SCREEN_DATA_ID } from '@taskapp/shared/constants';
import superjson from 'superjson';

/**
 * A first screen the server drew for a signed-in person (apps/api/src/http/prerendered-places.ts) comes
 * with the answers it was drawn from: the app starts from them, so its own screen shows the same list
 * at once and the takeover changes nothing on screen. They are as fresh as the page, so the app reads
 * them again in the background once its screens mount.
 */
export function hydrateFirstScreen(queryClient: QueryClient): void {
  const element = document.getElementById(FIRST_SCREEN_DATA_ID);
  if (!element?.textContent) return;
  try {
    hydrate(queryClient, superjson.parse(element.textContent));
    // Shown at once, and read again as the screens mount: a change made between the drawing and now
    // (another tab, another device) would otherwise wait for the next one to arrive.
    void queryClient.invalidateQueries({ refetchType: 'none' });
  } catch {
    // Unreadable: the app reads the lists itself, as on any other page.
  }
  element.remove();
}

import { useSyncExternalStore } from 'react';
import { serverRender } from './server-render';

/** Tailwind's `sm` and up: wider than a phone held upright. */
export const SM_UP = '(min-width: 40rem)';
/** A touch screen: no pointer that hovers. */
export const NO_HOVER = '(hover: none)';

/** Whether a CSS media query matches now, following changes (a window resized, a phone turned). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
    () => serverMatches(query),
  );
}

/** On the server: a phone is narrow and touch-only, anything else wide (every min-width we ask) with a mouse. */
function serverMatches(query: string): boolean {
  if (query.startsWith('(min-width:')) return !serverRender.phone;
  if (query === NO_HOVER) return serverRender.phone;
  return false;
}

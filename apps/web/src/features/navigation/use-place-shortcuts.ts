import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { isTyping } from '../../lib/use-shortcut';
import { rememberPlace } from './last-place';
import { placePath } from './place';
import { PLACE_KEYS, SEQUENCE_MS } from './place-keys';

/**
 * G then I, T, U, C or A goes to Inbox, Today, Upcoming, Completed or All tasks; [ shows or hides the
 * sidebar. Listened to in the capture phase, so the second key of a sequence ("G C") is taken here
 * before the task list would read it as its own shortcut (C completes a task).
 */
export function usePlaceShortcuts(toggleSidebar: () => void): void {
  const navigate = useNavigate();
  const latest = useRef({ navigate, toggleSidebar });
  useEffect(() => {
    latest.current = { navigate, toggleSidebar };
  });

  useEffect(() => {
    let armedAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"], [role="menu"]'))
        return;
      const key = event.key.toLowerCase();
      const armed = Date.now() - armedAt < SEQUENCE_MS;
      armedAt = 0;
      const place = armed ? PLACE_KEYS[key] : undefined;
      if (place) {
        event.preventDefault();
        if (place.kind === 'all') rememberPlace(place);
        void latest.current.navigate({ href: placePath(place) });
      } else if (key === 'g' && !event.repeat) {
        armedAt = Date.now();
        event.preventDefault();
      } else if (key === '[') {
        event.preventDefault();
        latest.current.toggleSidebar();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

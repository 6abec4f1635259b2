import { useEffect, useRef } from 'react';

/**
 * Alt+Up and Alt+Down on a focused task row move it (and its selection) one place in the manual order.
 * Its own listener, since the task screen's keys leave every Alt combination alone.
 */
export function useMoveKeys(onStep: (step: 1 | -1) => void, enabled: boolean): void {
  const latest = useRef(onStep);
  useEffect(() => {
    latest.current = onStep;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
      if (!(event.target instanceof HTMLElement) || !event.target.matches('[data-testid="task-row"]')) return;
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      event.preventDefault();
      latest.current(event.key === 'ArrowUp' ? -1 : 1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

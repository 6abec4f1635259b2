import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { type SwipeAxis, swipeAxis, swipeOffset, swipeOutcome } from './use-row-swipe-gesture';

interface RowSwipe {
  onComplete: () => void;
  enabled: boolean;
}

/**
 * A touch swipe on a row: right completes, left opens its actions. Only fingers count (a mouse drag
 * reorders); the row's `touch-action: pan-y` leaves vertical scrolling to the browser, which cancels the
 * pointer when it scrolls, and a mostly vertical touch is never taken for a swipe.
 */
export function useRowSwipe({ onComplete, enabled }: RowSwipe) {
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState(false);
  const [moving, setMoving] = useState(false);
  const touch = useRef<{ id: number; x: number; y: number; axis: SwipeAxis } | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  // Open actions close at a touch anywhere else (but not in their own Schedule menu).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: globalThis.PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && (ref.current?.contains(target) || target.closest('[role="menu"]'))) return;
      setOpen(false);
      setOffset(0);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const end = (letGo: boolean) => {
    const current = touch.current;
    touch.current = null;
    setMoving(false);
    if (current?.axis !== 'horizontal' || !letGo) {
      setOffset(open ? swipeOffset(0, true) : 0);
      return;
    }
    const outcome = swipeOutcome(offset);
    setOpen(outcome === 'open');
    setOffset(outcome === 'open' ? swipeOffset(0, true) : 0);
    if (outcome === 'complete') onComplete();
  };

  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (!enabled || event.pointerType !== 'touch' || !event.isPrimary) return;
      touch.current = { id: event.pointerId, x: event.clientX, y: event.clientY, axis: 'undecided' };
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const current = touch.current;
      if (!current || current.id !== event.pointerId) return;
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      if (current.axis === 'undecided') {
        current.axis = swipeAxis(dx, dy);
        if (current.axis === 'vertical') {
          touch.current = null;
          return;
        }
        if (current.axis === 'horizontal') {
          event.currentTarget.setPointerCapture(event.pointerId);
          setMoving(true);
        }
      }
      if (current.axis === 'horizontal') setOffset(swipeOffset(dx, open));
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (touch.current?.id === event.pointerId) end(true);
    },
    onPointerCancel: (event: PointerEvent<HTMLElement>) => {
      if (touch.current?.id === event.pointerId) end(false);
    },
  };

  return {
    /** The row's outer element: a touch outside it closes its open actions. */
    ref,
    offset,
    open,
    /** True while the finger moves the row (no easing then). */
    moving,
    handlers,
    close: () => {
      setOpen(false);
      setOffset(0);
    },
  };
}

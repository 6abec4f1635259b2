/**
 * The row swipe's decisions as plain functions of finger travel, so they can be tested without a
 * browser: which way a touch is going, how far the row follows, and what letting go does.
 */
export const SWIPE = {
  /** Travel before a touch counts as a swipe or a scroll; less is a tap. */
  slop: 10,
  /** Horizontal travel must exceed vertical travel this many times over, or it is a scroll. */
  horizontalRatio: 1.5,
  /** Right this far, then let go: complete. */
  complete: 96,
  /** Left this far, then let go: the actions stay open. */
  reveal: 56,
  /** The revealed actions' width: two 64 px buttons (at least 44 px each). */
  actionsWidth: 128,
} as const;

export type SwipeAxis = 'undecided' | 'horizontal' | 'vertical';

/** Which way a touch is going after travelling (dx, dy); once decided, the caller keeps the answer. */
export function swipeAxis(dx: number, dy: number): SwipeAxis {
  const x = Math.abs(dx);
  const y = Math.abs(dy);
  if (Math.max(x, y) < SWIPE.slop) return 'undecided';
  return x > y * SWIPE.horizontalRatio ? 'horizontal' : 'vertical';
}

/**
 * Where the row sits while the finger moves: it follows, but no further left than the actions' width
 * and a little past the completion point to the right (it resists beyond). `open`: the actions were
 * showing when the touch began.
 */
export function swipeOffset(dx: number, open: boolean): number {
  const offset = dx + (open ? -SWIPE.actionsWidth : 0);
  if (offset < -SWIPE.actionsWidth) return -SWIPE.actionsWidth;
  const rightMost = SWIPE.complete * 1.25;
  if (offset > rightMost) return rightMost + (offset - rightMost) / 4;
  return offset;
}

export type SwipeOutcome = 'complete' | 'open' | 'close';

/** What letting go at `offset` (from swipeOffset) does. */
export function swipeOutcome(offset: number): SwipeOutcome {
  if (offset >= SWIPE.complete) return 'complete';
  if (offset <= -SWIPE.reveal) return 'open';
  return 'close';
}

import { describe, expect, it } from 'vitest';
import { SWIPE, swipeAxis, swipeOffset, swipeOutcome } from './use-row-swipe-gesture';

describe('row swipe gesture', () => {
  it('waits for a few pixels before deciding, then tells a swipe from a scroll', () => {
    expect(swipeAxis(6, 3)).toBe('undecided');
    expect(swipeAxis(30, 4)).toBe('horizontal');
    expect(swipeAxis(-30, 10)).toBe('horizontal');
    // Mostly down: a scroll, even with some sideways drift.
    expect(swipeAxis(12, 40)).toBe('vertical');
    // Diagonal is not clearly sideways: left to the page's scroll.
    expect(swipeAxis(20, 18)).toBe('vertical');
  });

  it('follows the finger, no further left than the actions, resisting past the completion point', () => {
    expect(swipeOffset(40, false)).toBe(40);
    expect(swipeOffset(-400, false)).toBe(-SWIPE.actionsWidth);
    const far = swipeOffset(400, false);
    expect(far).toBeGreaterThan(SWIPE.complete);
    expect(far).toBeLessThan(400);
    // Open actions: the row starts from its open place.
    expect(swipeOffset(20, true)).toBe(20 - SWIPE.actionsWidth);
  });

  it('completes past the threshold to the right, opens the actions past it to the left, else closes', () => {
    expect(swipeOutcome(SWIPE.complete)).toBe('complete');
    expect(swipeOutcome(SWIPE.complete - 1)).toBe('close');
    expect(swipeOutcome(-SWIPE.reveal)).toBe('open');
    expect(swipeOutcome(-SWIPE.reveal + 1)).toBe('close');
    expect(swipeOutcome(0)).toBe('close');
  });
});

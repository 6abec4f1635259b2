import { describe, expect, it } from 'vitest';
import { clickTask, type SelectionState, selectRange, toggleOne } from './selection';

const ordered = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('selects everything between the anchor and the target, in either direction', () => {
    expect([...selectRange(ordered, new Set(['a']), 'b', 'd')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...selectRange(ordered, new Set(), 'e', 'c')].sort()).toEqual(['c', 'd', 'e']);
  });

  it('adds only the target when the anchor is gone from the list', () => {
    expect([...selectRange(ordered, new Set(['a']), 'zz', 'c')].sort()).toEqual(['a', 'c']);
    expect([...selectRange(ordered, new Set(), null, 'c')]).toEqual(['c']);
  });

  it('toggles one task without touching the others', () => {
    expect([...toggleOne(new Set(['a', 'b']), 'a')]).toEqual(['b']);
    expect([...toggleOne(new Set(['a']), 'c')].sort()).toEqual(['a', 'c']);
  });

  it('starts a shift-click range at the task clicked before, even when both clicks are applied together', () => {
    const none: SelectionState = { chosen: new Set(), anchor: null };
    const clicks: [string, boolean][] = [
      ['b', false],
      ['d', true],
    ];
    const after = clicks.reduce((state, [id, range]) => clickTask(ordered, state, id, range), none);
    expect([...after.chosen].sort()).toEqual(['b', 'c', 'd']);
    expect(after.anchor).toBe('d');
    // A plain click toggles one task and moves the anchor.
    const again = clickTask(ordered, after, 'c', false);
    expect([...again.chosen].sort()).toEqual(['b', 'd']);
    expect(again.anchor).toBe('c');
  });
});

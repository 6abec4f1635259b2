import { describe, expect, it } from 'vitest';
import { selectRange, toggleOne } from './selection';

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
});

import { describe, expect, it } from 'vitest';
import {
  afterIdForDrop,
  afterIdForSortableDrop,
  afterIdForStep,
  movingIds,
  reorderedIds,
} from './reorder-plan';

const list = ['a', 'b', 'c', 'd', 'e'];

describe('reorder plan', () => {
  it('moves the whole selection, in list order, when the dragged task is selected', () => {
    expect(movingIds(list, new Set(['d', 'b']), 'd')).toEqual(['b', 'd']);
    expect(movingIds(list, new Set(['d', 'b']), 'a')).toEqual(['a']);
    expect(movingIds(list, new Set(), 'c')).toEqual(['c']);
  });

  it('puts the moved tasks back after the anchor, or first', () => {
    expect(reorderedIds(list, ['b', 'd'], 'e')).toEqual(['a', 'c', 'e', 'b', 'd']);
    expect(reorderedIds(list, ['d'], null)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('drops one task after or before a row', () => {
    expect(afterIdForDrop(list, ['a'], 'c', 'after')).toBe('c');
    expect(afterIdForDrop(list, ['e'], 'a', 'before')).toBeNull();
    expect(afterIdForDrop(list, ['e'], 'c', 'before')).toBe('b');
  });

  it('says a drop that changes nothing is no move', () => {
    expect(afterIdForDrop(list, ['c'], 'c', 'after')).toBeUndefined();
    expect(afterIdForDrop(list, ['c'], 'd', 'before')).toBeUndefined();
    expect(afterIdForDrop(list, ['c'], 'b', 'after')).toBeUndefined();
    expect(afterIdForDrop(list, ['c'], 'x', 'after')).toBeUndefined();
  });

  it('drops a selection as one block, skipping its own rows when finding the anchor', () => {
    // b and d dropped before c: they follow a, the nearest row that stays.
    expect(afterIdForDrop(list, ['b', 'd'], 'c', 'before')).toBe('a');
    // Dropped on one of the moving rows: the anchor is the row before it that stays.
    expect(afterIdForDrop(list, ['b', 'd'], 'd', 'after')).toBe('c');
    expect(afterIdForDrop(['a', 'b', 'c'], ['a', 'b'], 'b', 'after')).toBeUndefined();
    expect(reorderedIds(list, ['b', 'd'], 'a')).toEqual(['a', 'b', 'd', 'c', 'e']);
  });

  it('reads a sortable drop by the direction of the drag', () => {
    expect(afterIdForSortableDrop(list, ['b'], 'b', 'd')).toBe('d');
    expect(afterIdForSortableDrop(list, ['d'], 'd', 'b')).toBe('a');
    expect(afterIdForSortableDrop(list, ['d'], 'd', 'a')).toBeNull();
    expect(afterIdForSortableDrop(list, ['d'], 'd', 'd')).toBeUndefined();
    expect(afterIdForSortableDrop(list, ['a', 'c'], 'c', 'e')).toBe('e');
  });

  it('steps up and down past the next row that stays, and stops at the edges', () => {
    expect(afterIdForStep(list, ['c'], -1)).toBe('a');
    expect(afterIdForStep(list, ['b'], -1)).toBeNull();
    expect(afterIdForStep(list, ['a'], -1)).toBeUndefined();
    expect(afterIdForStep(list, ['c'], 1)).toBe('d');
    expect(afterIdForStep(list, ['e'], 1)).toBeUndefined();
    expect(afterIdForStep(list, ['b', 'c'], 1)).toBe('d');
    expect(afterIdForStep(list, ['b', 'c'], -1)).toBeNull();
  });
});

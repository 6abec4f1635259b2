import { describe, expect, it } from 'vitest';
import { nextKeyboardTarget } from './keyboard-target';

const targets = { rows: ['a', 'b', 'c'], places: () => ['place:inbox', 'place:p1', 'place:p2'], lifted: 'b' };

describe('nextKeyboardTarget', () => {
  it('steps through the rows with Up and Down, stopping at either end', () => {
    expect(nextKeyboardTarget('ArrowDown', 'b', targets)).toBe('c');
    expect(nextKeyboardTarget('ArrowDown', 'c', targets)).toBe('c');
    expect(nextKeyboardTarget('ArrowUp', 'a', targets)).toBe('a');
    expect(nextKeyboardTarget('ArrowUp', 'b', targets)).toBe('a');
  });

  it('moves to the first sidebar place on Left and steps through the places from there', () => {
    expect(nextKeyboardTarget('ArrowLeft', 'c', targets)).toBe('place:inbox');
    expect(nextKeyboardTarget('ArrowDown', 'place:inbox', targets)).toBe('place:p1');
    expect(nextKeyboardTarget('ArrowDown', 'place:p2', targets)).toBe('place:p2');
    expect(nextKeyboardTarget('ArrowUp', 'place:p1', targets)).toBe('place:inbox');
    expect(nextKeyboardTarget('ArrowLeft', 'place:p1', targets)).toBeNull();
  });

  it('comes back to the lifted row on Right; Right among the rows moves nothing', () => {
    expect(nextKeyboardTarget('ArrowRight', 'place:p2', targets)).toBe('b');
    expect(nextKeyboardTarget('ArrowRight', 'a', targets)).toBeNull();
  });

  it('moves nothing on Left when the sidebar shows no place (a phone drawer closed)', () => {
    expect(nextKeyboardTarget('ArrowLeft', 'a', { ...targets, places: () => [] })).toBeNull();
  });

  it('ignores other keys', () => {
    expect(nextKeyboardTarget('KeyA', 'a', targets)).toBeNull();
  });
});

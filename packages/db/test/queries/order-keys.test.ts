import { describe, expect, it } from 'vitest';
import { keyAfter, keyBefore, keyBetween } from '../../src/queries/order-keys.js';

describe('order keys', () => {
  it('places a key strictly between its neighbours, and at either open end', () => {
    const middle = keyBetween('d0001', 'd0002');
    expect('d0001' < middle && middle < 'd0002').toBe(true);
    expect(keyBefore('d0001') < 'd0001').toBe(true);
    expect(keyAfter('d0001') > 'd0001').toBe(true);
    expect(keyBefore(null)).toBe(keyAfter(null));
  });

  it('places after both neighbours when they share a key, instead of failing', () => {
    expect(keyBetween('a0', 'a0') > 'a0').toBe(true);
  });

  it('keeps keys short over a thousand moves to the front', () => {
    let first: string | null = null;
    for (let i = 0; i < 1000; i++) first = keyBefore(first);
    expect(first?.length).toBeLessThan(6);
  });
});

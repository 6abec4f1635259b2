import { describe, expect, it } from 'vitest';
import { menuChunk } from './deferred-menu';

const Menu = () => null;

describe('menuChunk', () => {
  it('fetches once for every trigger and keeps what it loaded', async () => {
    let fetches = 0;
    const chunk = menuChunk(async () => {
      fetches += 1;
      return Menu;
    });
    expect(chunk.loaded()).toBeUndefined();
    const [first, second] = await Promise.all([chunk.load(), chunk.load()]);
    expect([first, second, chunk.loaded(), fetches]).toEqual([Menu, Menu, Menu, 1]);
  });

  it('tries again on the next use after a failed fetch', async () => {
    let fetches = 0;
    const chunk = menuChunk(async () => {
      fetches += 1;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Menu;
    });
    await expect(chunk.load()).rejects.toThrow(TypeError);
    expect(chunk.loaded()).toBeUndefined();
    expect(await chunk.load()).toBe(Menu);
  });
});

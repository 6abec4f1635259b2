import { describe, expect, it, vi } from 'vitest';
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

describe('menuChunk.preloadSoon', () => {
  it('schedules one fetch however many triggers ask, and tells every listener when it arrives', async () => {
    vi.useFakeTimers();
    // A window without requestIdleCallback: the idle wait is a timer too (lib/when-idle.ts).
    vi.stubGlobal('window', {});
    try {
      let fetches = 0;
      const chunk = menuChunk(async () => {
        fetches += 1;
        return Menu;
      });
      const heard: string[] = [];
      const stopFirst = chunk.onLoaded(() => heard.push('first'));
      chunk.onLoaded(() => heard.push('second'));
      stopFirst();
      for (let row = 0; row < 50; row++) chunk.preloadSoon();
      expect(vi.getTimerCount()).toBe(1);
      await vi.runAllTimersAsync();
      expect([fetches, chunk.loaded(), heard]).toEqual([1, Menu, ['second']]);
      chunk.preloadSoon();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('./parse-quick-add');
  vi.resetModules();
});

describe('loadQuickAddReader', () => {
  it('loads the parser once and reads a line with it', async () => {
    const { loadQuickAddReader } = await import('./quick-add-reader');
    const first = loadQuickAddReader();
    expect(loadQuickAddReader()).toBe(first);
    const read = await first;
    const { draft, marks } = read('Pay rent !high', new Date('2026-12-01T10:00:00Z'), { timeZone: 'UTC' });
    expect(draft.title).toBe('Pay rent');
    expect(draft.priority).toBe('high');
    expect(marks.map((mark) => mark.kind)).toEqual(['priority']);
  });

  it('tries again after a failed fetch instead of keeping the failure', async () => {
    let fail = true;
    vi.doMock('./parse-quick-add', async (original) => {
      if (fail) throw new Error('Failed to fetch dynamically imported module');
      return original();
    });
    const { loadQuickAddReader } = await import('./quick-add-reader');
    await expect(loadQuickAddReader()).rejects.toThrow();
    fail = false;
    const read = await loadQuickAddReader();
    expect(read('Water plants', new Date()).draft.title).toBe('Water plants');
  });
});

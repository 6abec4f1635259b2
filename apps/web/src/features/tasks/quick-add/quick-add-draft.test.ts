import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readQuickAddDraft, saveQuickAddDraft } from './quick-add-draft';

/** The Web Storage API over a Map: the tests run outside a browser. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('quick add draft', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps unsent text for the same person', () => {
    saveQuickAddDraft('ada', 'Written on a revoked device');
    expect(readQuickAddDraft('ada')).toBe('Written on a revoked device');
    saveQuickAddDraft('ada', '');
    expect(readQuickAddDraft('ada')).toBe('');
  });

  it('never shows one person’s draft to the next one signing in in the tab', () => {
    saveQuickAddDraft('ada', 'Private note');
    expect(readQuickAddDraft('grace')).toBe('');
  });

  it('reads nothing when storage is unusable', () => {
    sessionStorage.setItem('taskapp:quick-add-draft', '{not json');
    expect(readQuickAddDraft('ada')).toBe('');
    vi.stubGlobal('sessionStorage', undefined);
    expect(readQuickAddDraft('ada')).toBe('');
    expect(() => saveQuickAddDraft('ada', 'x')).not.toThrow();
  });
});

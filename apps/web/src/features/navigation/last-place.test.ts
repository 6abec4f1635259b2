import { describe, expect, it } from 'vitest';
import { forgetPlace, rememberedPlace, rememberPlace } from './last-place';
import { placeOfPath, placePath } from './place';

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

const PROJECT = '0b6f1d2e-8a4b-4c1e-9d3f-5a6b7c8d9e0f';

describe('places and their paths', () => {
  it('round-trips every kind of place through its path', () => {
    for (const place of [
      { kind: 'all' },
      { kind: 'inbox' },
      { kind: 'today' },
      { kind: 'upcoming' },
      { kind: 'completed' },
      { kind: 'project', id: PROJECT },
      { kind: 'label', id: PROJECT },
    ] as const) {
      expect(placeOfPath(placePath(place))).toEqual(place);
    }
  });

  it('reads other pages and malformed ids as no place', () => {
    expect(placeOfPath('/settings')).toBeNull();
    expect(placeOfPath('/projects/../settings')).toBeNull();
    expect(placeOfPath('/labels/42')).toBeNull();
  });
});

describe('the last place', () => {
  it('is remembered and read back', () => {
    const store = memoryStorage();
    expect(rememberedPlace(store)).toBeNull();
    rememberPlace({ kind: 'today' }, store);
    expect(rememberedPlace(store)).toEqual({ kind: 'today' });
    rememberPlace({ kind: 'project', id: PROJECT }, store);
    expect(rememberedPlace(store)).toEqual({ kind: 'project', id: PROJECT });
  });

  it('ignores what it cannot read, and forgets only the place it is told', () => {
    const store = memoryStorage();
    store.setItem('taskapp.lastPlace', 'javascript:alert(1)');
    expect(rememberedPlace(store)).toBeNull();
    rememberPlace({ kind: 'project', id: PROJECT }, store);
    forgetPlace({ kind: 'inbox' }, store);
    expect(rememberedPlace(store)).toEqual({ kind: 'project', id: PROJECT });
    forgetPlace({ kind: 'project', id: PROJECT }, store);
    expect(rememberedPlace(store)).toBeNull();
  });

  it('survives storage that throws', () => {
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('denied');
    };
    broken.setItem = broken.getItem;
    expect(() => rememberPlace({ kind: 'inbox' }, broken)).not.toThrow();
    expect(rememberedPlace(broken)).toBeNull();
    expect(rememberedPlace(null)).toBeNull();
  });
});

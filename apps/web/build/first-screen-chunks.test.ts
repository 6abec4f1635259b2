import { describe, expect, it } from 'vitest';
import { chunkNames, findChunkCycle, type ModuleGraph } from './first-screen-chunks';

const root = '/app';
const screens = [
  { name: 'sign-in', roots: ['sign-in'], sharesWith: ['sign-up'] },
  { name: 'tasks', roots: ['places'], sharesWith: [] },
];

/** Modules named by path under /app; `needs` and `lazy` list their static and dynamic imports. */
function moduleGraph(
  needs: Record<string, string[]>,
  lazy: Record<string, string[]>,
  small: string[] = [],
): ModuleGraph {
  const id = (name: string) => `${root}/${name}`;
  return {
    needs: new Map(Object.entries(needs).map(([name, list]) => [id(name), new Set(list.map(id))])),
    lazy: new Map(Object.entries(lazy).map(([name, list]) => [id(name), list.map(id)])),
    entries: [id('main')],
    sizes: new Map(Object.keys(needs).map((name) => [id(name), small.includes(name) ? 100 : 50_000])),
  };
}

describe('chunkNames', () => {
  const graph = moduleGraph(
    {
      main: ['react'],
      react: [],
      'sign-in': ['form', 'button'],
      'sign-up': ['form', 'zod'],
      form: [],
      zod: [],
      button: [],
      places: ['list', 'button', 'menu'],
      list: [],
      panel: ['form', 'list'],
      menu: [],
      'theme-menu': ['menu'],
    },
    { main: ['sign-in', 'sign-up', 'places', 'theme-menu'], places: ['panel'] },
  );
  const names = chunkNames(graph, screens, root);
  const name = (module: string) => names.get(`${root}/${module}`);

  it("puts what only one screen (and its own lazy code) reaches in that screen's chunk", () => {
    expect(name('sign-in')).toBe('sign-in');
    // The edit panel is the task screen's lazy code: what it shares with the list is the screen's.
    expect(name('list')).toBe('tasks');
    expect(name('places')).toBe('tasks');
  });

  it('counts a sharesWith file as the screen only for modules the screen reaches too', () => {
    // sign-up counts as sign-in for the form; the edit panel (the task screen's lazy code) does not count
    // as the task screen for it, since the task screen itself does not reach the form.
    expect(name('form')).toMatch(/^sign-in-shared-[0-9a-f]{6}$/);
    // zod is sign-up's alone: left to the default splitting.
    expect(name('zod')).toBeUndefined();
  });

  it('names a chunk for modules two screens share, and one for what a screen shares with other code', () => {
    expect(name('button')).toBe('sign-in+tasks');
    expect(name('menu')).toMatch(/^tasks-shared-[0-9a-f]{6}$/);
    // Only the app shell and code no screen reaches keep Rolldown's choice.
    expect(name('react')).toBeUndefined();
    expect(name('theme-menu')).toBeUndefined();
  });
});

describe('small shared modules', () => {
  it('go to one chunk when they import nothing but the app shell and each other', () => {
    const graph = moduleGraph(
      {
        main: ['react'],
        react: [],
        'sign-in': ['icon', 'field'],
        places: ['icon', 'field', 'menu'],
        icon: ['react'],
        // Small, but imports a big shared module: it stays with its screens.
        field: ['menu'],
        menu: [],
        'theme-menu': ['menu', 'icon'],
      },
      { main: ['sign-in', 'places', 'theme-menu'] },
      ['icon', 'field'],
    );
    const names = chunkNames(graph, screens, root);
    expect(names.get(`${root}/icon`)).toBe('screens-small-shared');
    expect(names.get(`${root}/field`)).toBe('sign-in+tasks');
    expect(names.get(`${root}/menu`)).toMatch(/^sign-in\+tasks-shared-[0-9a-f]{6}$/);
  });
});

describe('findChunkCycle', () => {
  it('finds chunks that import each other in a circle, and none where there is no circle', () => {
    const imports = new Map([
      ['a.js', ['b.js']],
      ['b.js', ['c.js']],
      ['c.js', ['a.js']],
    ]);
    expect(findChunkCycle(imports)).toEqual(['a.js', 'b.js', 'c.js', 'a.js']);
    expect(
      findChunkCycle(
        new Map([
          ['a.js', ['b.js', 'c.js']],
          ['b.js', ['c.js']],
        ]),
      ),
    ).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import {
  type ImportStatement,
  isBarrel,
  neededImports,
  parseImportStatements,
  type ResolvedModule,
} from './static-imports.js';

/**
 * The first screens' code in a few files, not in dozens. Rolldown's default splitting makes a chunk for
 * every combination of lazily loaded files that share a module, so the task screen's first load was ~30
 * files of 1–10 KB, and the sign-in page's ~10: each one more request on a phone's HTTP/1.1 connections,
 * and for the imports found only once their importer arrived, one more round trip (in Lighthouse's
 * mobile simulation the sign-in page's LCP 2.7 → 2.4 s, the Inbox's 4.2 → 3.6 s).
 *
 * Here a screen's roots and the lazy code that goes with it count as one: a module's chunk is chosen by
 * which screens (and which other lazily loaded files) reach it, so the code only the task screen needs
 * is one chunk, and the code it shares with, say, the theme menu, another.
 */
export interface Screen {
  name: string;
  roots: string[];
  sharesWith: string[];
}

export const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    roots: ['src/routes/sign-in.tsx'],
    // The other signed-out pages, settings and a task's edit panel take the form code they share with
    // sign-in from its chunk.
    sharesWith: [
      'src/routes/settings.tsx',
      'src/features/tasks/edit/task-panel.tsx',
      'src/routes/sign-up.tsx',
      'src/routes/forgot-password.tsx',
      'src/routes/reset-password.tsx',
      'src/routes/verify-email.tsx',
    ],
  },
  {
    name: 'task-screen',
    // The task places and their layout, and the manual-order list's drag code, which the Inbox's first
    // list waits for.
    roots: [
      'src/routes/places.tsx',
      'src/features/navigation/tasks-layout.tsx',
      'src/features/tasks/reorder/sortable-task-list.tsx',
      'src/features/tasks/reorder/sortable-rows.tsx',
    ],
    // Code that loads on its own for someone signed in.
    sharesWith: [
      'src/lib/offline/outbox/outbox.ts',
      'src/lib/offline/outbox/outbox-server.ts',
      'src/lib/sync/live-sync.ts',
    ],
  },
];

export interface ModuleGraph {
  /** Every module, with what it needs through static imports (see static-imports.ts). */
  needs: Map<string, Set<string>>;
  /** What each module loads with import(). */
  lazy: Map<string, readonly string[]>;
  entries: string[];
  /** Each module's transformed source length. */
  sizes: Map<string, number>;
}

/**
 * Each module's chunk name, for the modules a screen reaches (absent: Rolldown's default). The name says
 * which screens reach it and, when other lazily loaded files do too, a hash of which. A module reached by
 * a screen's `sharesWith` (or by lazy code the screen loads) counts as the screen's when the screen reaches
 * it as well. Whatever a module imports is reached by everything that reaches the module, so a chunk only
 * imports chunks reached by more: no cycles.
 */
export function chunkNames(graph: ModuleGraph, screens: Screen[], root: string): Map<string, string> {
  const closures = new Map<string, Set<string>>();
  const closure = (start: string) => {
    const known = closures.get(start);
    if (known) return known;
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const next of graph.needs.get(id) ?? []) visit(next);
    };
    visit(start);
    closures.set(start, seen);
    return seen;
  };
  const loadRoots = new Set(graph.entries);
  for (const lazy of graph.lazy.values()) for (const id of lazy) loadRoots.add(id);
  const reachedBy = new Map<string, string[]>();
  for (const loadRoot of loadRoots)
    for (const id of closure(loadRoot)) reachedBy.set(id, [...(reachedBy.get(id) ?? []), loadRoot]);

  const inShell = new Set(graph.entries.flatMap((entry) => [...closure(entry)]));
  const resolved = (files: string[]) => files.map((file) => path.resolve(root, file));
  const families = screens.map((screen) => {
    const roots = new Set(resolved(screen.roots));
    const reached = new Set([...roots].flatMap((id) => [...closure(id)]));
    const joins = new Set(resolved(screen.sharesWith));
    // The lazy code the screen loads, and the lazy code that loads in turn (not the app shell's).
    const queue = [...reached];
    for (const id of queue)
      for (const lazy of graph.lazy.get(id) ?? [])
        if (!joins.has(lazy) && !inShell.has(lazy)) {
          joins.add(lazy);
          queue.push(...[...closure(lazy)].filter((next) => !inShell.has(next)));
        }
    return { name: screen.name, roots, reached, joins };
  });

  const names = new Map<string, string>();
  for (const [id, by] of reachedBy) {
    const screensHere = new Set<string>();
    const others = new Set<string>();
    for (const loadRoot of by) {
      const family = families.find(
        (f) => f.roots.has(loadRoot) || (f.joins.has(loadRoot) && f.reached.has(id)),
      );
      if (family) screensHere.add(family.name);
      else others.add(path.relative(root, loadRoot));
    }
    if (screensHere.size === 0) continue;
    const screenPart = families
      .filter((f) => screensHere.has(f.name))
      .map((f) => f.name)
      .join('+');
    const otherPart = [...others].sort().join('\n');
    const hash = createHash('sha256').update(otherPart).digest('hex').slice(0, 6);
    names.set(id, otherPart ? `${screenPart}-shared-${hash}` : screenPart);
  }
  for (const id of smallSharedLeaves(graph, names, inShell)) names.set(id, SMALL_SHARED);
  return names;
}

/** Where small modules shared across screens go: one request instead of one per combination. */
const SMALL_SHARED = 'screens-small-shared';
/** Transformed source size up to which a module counts as small (icons, constants, a rule or two). */
const SMALL_MODULE = 3000;

/**
 * Small shared modules (an icon both sign-in and the task screen use, one the theme menu shares with the
 * task screen) that import nothing but the app shell and each other: they make one chunk, which imports
 * no other screen chunk, so it cannot close a circle.
 */
function smallSharedLeaves(
  graph: ModuleGraph,
  names: Map<string, string>,
  inShell: Set<string>,
): Set<string> {
  const isShared = (name: string) => name.includes('+') || name.includes('-shared-');
  const small = new Set(
    [...names]
      .filter(([id, name]) => isShared(name) && (graph.sizes.get(id) ?? Infinity) <= SMALL_MODULE)
      .map(([id]) => id),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of small)
      if ([...(graph.needs.get(id) ?? [])].some((next) => !small.has(next) && !inShell.has(next))) {
        small.delete(id);
        changed = true;
      }
  }
  return small;
}

/** Fails the build when chunks import each other in a circle (they would then fail to load). */
export function findChunkCycle(imports: Map<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'visiting') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of imports.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of imports.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

const sideEffectsByPackage = new Map<string, boolean>();

/**
 * Whether the bundler must keep a file even when nothing it exports is used: unless its package.json
 * says `"sideEffects": false`, it may (a list of files counts as "may", to be safe). Rolldown's own
 * module info does not say it here.
 */
function hasSideEffects(id: string): boolean {
  let dir = path.dirname(id);
  while (dir !== path.dirname(dir)) {
    const known = sideEffectsByPackage.get(dir);
    if (known !== undefined) return known;
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { sideEffects } = JSON.parse(readFileSync(manifest, 'utf8')) as { sideEffects?: unknown };
      sideEffectsByPackage.set(dir, sideEffects !== false);
      return sideEffects !== false;
    }
    dir = path.dirname(dir);
  }
  return true;
}

/** The plugin that reads the module graph once it is built, and the chunk group that reads its answer. */
export function firstScreenChunks(screens: Screen[] = SCREENS) {
  let root = process.cwd();
  let names = new Map<string, string>();
  const plugin: Plugin = {
    name: 'taskapp-first-screen-chunks',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async buildEnd(error) {
      if (error) return;
      const ids = [...this.getModuleIds()];
      // The service worker's own build has no screens: nothing to group.
      if (!screens.some((screen) => screen.roots.some((file) => ids.includes(path.resolve(root, file)))))
        return;
      const missing = screens
        .flatMap((screen) => [...screen.roots, ...screen.sharesWith])
        .filter((file) => !ids.includes(path.resolve(root, file)));
      if (missing.length)
        this.error(`first-screen-chunks: not in the build (renamed?): ${missing.join(', ')}`);
      const modules = new Map<string, ResolvedModule>();
      const lazy = new Map<string, readonly string[]>();
      const entries: string[] = [];
      await Promise.all(
        ids.map(async (id) => {
          const info = this.getModuleInfo(id);
          if (!info) return;
          if (info.isEntry) entries.push(id);
          lazy.set(id, info.dynamicallyImportedIds);
          const statements = info.code ? parseImportStatements(info.code) : [];
          const resolvedStatements = await Promise.all(
            statements.map(async (statement: ImportStatement) => ({
              ...statement,
              id: (await this.resolve(statement.specifier, id))?.id ?? null,
            })),
          );
          modules.set(id, {
            code: info.code,
            barrel: !hasSideEffects(id) && isBarrel(info.code ?? ''),
            importedIds: info.importedIds,
            statements: resolvedStatements,
          });
        }),
      );
      const needs = new Map(ids.map((id) => [id, neededImports(id, modules)]));
      const sizes = new Map(ids.map((id) => [id, modules.get(id)?.code?.length ?? Infinity]));
      names = chunkNames({ needs, lazy, entries, sizes }, screens, root);
    },
    generateBundle(_options, bundle) {
      const imports = new Map<string, readonly string[]>();
      for (const output of Object.values(bundle))
        if (output.type === 'chunk') imports.set(output.fileName, output.imports);
      const cycle = findChunkCycle(imports);
      if (cycle) this.error(`chunks import each other in a circle: ${cycle.join(' → ')}`);
    },
  };
  const group = {
    name: (id: string) => names.get(id) ?? null,
    priority: 1,
    // The names already follow what each module imports; Rolldown must not pull a module's imports into
    // its chunk on top (they may belong to a chunk reached by more).
    includeDependenciesRecursively: false,
  };
  return { plugin, group };
}

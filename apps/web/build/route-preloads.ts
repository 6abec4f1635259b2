import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { PLACE_PATH_PATTERN } from '../src/features/navigation/place';

/** Under dist/, in a dot folder: read by the server (apps/api/src/http/route-preloads.ts), never served. */
export const ROUTE_PRELOADS_FILE = '.vite/route-preloads.json';

interface FirstPage {
  pattern: string;
  /** The address build/prerender.ts renders for this page: its form is in the HTML, the app loads on first use. */
  prerenderPath?: string;
  modules: string[];
  idleModules?: string[];
  signedIn?: boolean;
}

/**
 * First pages whose code is a lazy chunk: the address that opens one and the modules it loads. The server
 * names their chunks in the HTML it sends for that address (rel=modulepreload), so they download beside the
 * entry chunk instead of after it has run. On the sign-in page its LCP came ~0.5 s sooner in Lighthouse's
 * mobile simulation; on the task places (for a browser holding the signed-in marker cookie: anyone else is
 * sent to sign in) ~0.35 s sooner, now that their first screen is a few chunks, not thirty. The signed-out
 * pages with a `prerenderPath` also come prerendered, their chunks named for first use instead of linked
 * (build/prerender.ts, docs/decisions/019-first-use-loading.md).
 */
export const FIRST_PAGES: FirstPage[] = [
  { pattern: '^/sign-in/?$', prerenderPath: '/sign-in', modules: ['src/routes/sign-in.tsx'] },
  { pattern: '^/sign-up/?$', prerenderPath: '/sign-up', modules: ['src/routes/sign-up.tsx'] },
  {
    pattern: '^/forgot-password/?$',
    prerenderPath: '/forgot-password',
    modules: ['src/routes/forgot-password.tsx'],
  },
  {
    pattern: PLACE_PATH_PATTERN,
    modules: ['src/routes/places.tsx', 'src/features/navigation/tasks-layout.tsx'],
    // The edit panel (zod, the form, the date and recurrence fields): fetched once the list is up, run
    // when a task is first opened (lib/idle-modules.ts).
    idleModules: ['src/features/tasks/edit/task-panel.tsx'],
    signedIn: true,
  },
];

export interface RoutePreload {
  pattern: string;
  /** Chunk files (e.g. "assets/places-x.js") beyond the entry's own static imports. */
  files: string[];
  /** Chunks the page fetches (without running them) once its first screen is up, beyond `files`. */
  idleFiles?: string[];
  /** Linked only for a browser that holds the signed-in marker cookie. */
  signedIn?: boolean;
}

export function routePreloads(): Plugin {
  let root = process.cwd();
  return {
    name: 'taskapp-route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    writeBundle(options, bundle) {
      const imports = new Map<string, string[]>();
      const byModule = new Map<string, string>();
      const entries: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        imports.set(output.fileName, output.imports);
        // A route's module can share its chunk with others (build/first-screen-chunks.ts): find it by content.
        for (const moduleId of output.moduleIds) byModule.set(moduleId, output.fileName);
        if (output.isEntry) entries.push(output.fileName);
      }
      // The service worker's own build has no index.html entry and no routes: nothing to write.
      if (
        !FIRST_PAGES.some((page) => page.modules.some((module) => byModule.has(path.resolve(root, module))))
      )
        return;
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const imported of imports.get(file) ?? []) visit(imported);
        };
        start.forEach(visit);
        return seen;
      };
      const initial = closure(entries);
      const chunksOf = (modules: string[]) => {
        const chunks = modules.map((module) => byModule.get(path.resolve(root, module)));
        if (chunks.some((chunk) => chunk === undefined))
          throw new Error(`route-preloads: no chunk for one of ${modules.join(', ')}`);
        return chunks as string[];
      };
      const preloads: RoutePreload[] = FIRST_PAGES.map(({ pattern, modules, idleModules, signedIn }) => {
        const files = [...closure(chunksOf(modules))].filter((file) => !initial.has(file));
        const idleFiles = idleModules
          ? [...closure(chunksOf(idleModules))].filter((file) => !initial.has(file) && !files.includes(file))
          : undefined;
        // JSON leaves `idleFiles` and `signedIn` out where they are undefined.
        return { pattern, files, idleFiles, signedIn };
      });
      const file = path.join(options.dir ?? 'dist', ROUTE_PRELOADS_FILE);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(preloads, null, 2)}\n`);
    },
  };
}

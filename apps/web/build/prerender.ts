import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, defaultServerConditions, type Plugin } from 'vite';
import { staticMarkup } from '../src/prerender/static-markup.js';
import { FIRST_PAGES } from './route-preloads.js';

/** Under dist/, in a dot folder: read by the server (apps/api/src/http/prerendered-pages.ts), never served. */
export const PRERENDERED_FILE = '.vite/prerendered.json';

/** One prerendered first page: the addresses it stands for, its title and the markup of its #root. */
export interface PrerenderedPage {
  pattern: string;
  title: string;
  markup: string;
}

/**
 * Renders the signed-out first pages (FIRST_PAGES with a `prerenderPath`: sign in, sign up,
 * forgot password) with the app's
 * own components after the client build, through Vite's SSR module loader, and writes their markup for the
 * server to put into the HTML it sends for them. Their first paint then needs only the document and the
 * CSS, and the ~220 KiB of JavaScript that makes them work loads when someone first uses the page.
 */
export function prerender(): Plugin {
  let root = process.cwd();
  return {
    name: 'taskapp-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options, bundle) {
      // The service worker's own build has no pages.
      if (!('index.html' in bundle)) return;
      const conditions = ['@taskapp/source', ...defaultServerConditions];
      const server = await createServer({
        configFile: false,
        root,
        logLevel: 'warn',
        appType: 'custom',
        optimizeDeps: { noDiscovery: true, include: [] },
        server: { middlewareMode: true, hmr: false, ws: false },
        resolve: { conditions },
        ssr: { resolve: { conditions } },
      });
      // The app opens BroadcastChannels (between tabs) as its modules load; in Node one keeps the build
      // from exiting. Without the global they take the path written for browsers that lack it.
      const { BroadcastChannel } = globalThis;
      Reflect.deleteProperty(globalThis, 'BroadcastChannel');
      try {
        const { renderFirstPage } = (await server.ssrLoadModule('/src/prerender/render-first-page.tsx')) as {
          renderFirstPage(address: string): Promise<string>;
        };
        const pages: PrerenderedPage[] = [];
        for (const { pattern, prerenderPath } of FIRST_PAGES)
          if (prerenderPath) pages.push({ pattern, ...staticMarkup(await renderFirstPage(prerenderPath)) });
        const file = path.join(options.dir ?? 'dist', PRERENDERED_FILE);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(pages, null, 2)}\n`);
      } finally {
        globalThis.BroadcastChannel = BroadcastChannel;
        await server.close();
      }
    },
  };
}

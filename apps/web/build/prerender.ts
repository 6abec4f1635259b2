import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, defaultServerConditions, type Plugin } from 'vite';
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
 * Turns what renderToString gave for a page into markup that can sit in the HTML before the app runs:
 * the title React hoisted goes to <head> (returned apart), and inline scripts go (the router's scroll
 * restoration: the CSP forbids inline scripts, and the app restores scroll itself). Forms post: the
 * page's first-use script (public/first-use.js) holds a submit back until the app has taken over, and
 * should that script not run, a form without its handler must not put the password in the address.
 */
export function staticMarkup(rendered: string): { title: string; markup: string } {
  const title = /<title>([^<]*)<\/title>/.exec(rendered)?.[1];
  const start = rendered.indexOf('<div');
  if (title === undefined || start < 0)
    throw new Error('prerender: the page rendered no <title> or no <div>');
  const markup = rendered
    .slice(start)
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<form /g, '<form method="post" ');
  return { title, markup };
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

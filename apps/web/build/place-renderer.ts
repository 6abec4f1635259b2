import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defaultServerConditions, type Plugin } from 'vite';

/** Under dist/, in a dot folder: imported by the API (apps/api/src/http/prerendered-places.ts), never served. */
export const PLACE_RENDERER_FILE = '.vite/ssr/render-place.mjs';

const CLIENTS_MODULE = 'src/lib/clients.ts';
const SERVER_CLIENTS_MODULE = 'src/prerender/server-clients.ts';

/**
 * After the client build, builds src/prerender/render-place.tsx for Node: one file with React, the router
 * and every module the task screen needs inside it, so the API can import it without the web app's
 * dependencies. Its queries go to the API's own procedures: lib/clients.ts is swapped for
 * prerender/server-clients.ts.
 */
export function placeRenderer(): Plugin {
  let root = process.cwd();
  return {
    name: 'taskapp-place-renderer',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options, bundle) {
      // The service worker's own build has no pages.
      if (!('index.html' in bundle)) return;
      const outFile = path.join(options.dir ?? path.join(root, 'dist'), PLACE_RENDERER_FILE);
      const conditions = ['@taskapp/source', ...defaultServerConditions];
      const clients = path.resolve(root, CLIENTS_MODULE);
      await build({
        configFile: false,
        root,
        mode: 'production',
        logLevel: 'warn',
        publicDir: false,
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        resolve: { conditions },
        ssr: { noExternal: true, resolve: { conditions, externalConditions: conditions } },
        plugins: [
          react(),
          {
            name: 'taskapp-server-clients',
            enforce: 'pre',
            async resolveId(source, importer, resolveOptions) {
              const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
              if (resolved?.id === clients) return path.resolve(root, SERVER_CLIENTS_MODULE);
              return resolved;
            },
          },
        ],
        build: {
          ssr: path.resolve(root, 'src/prerender/render-place.tsx'),
          outDir: path.dirname(outFile),
          emptyOutDir: true,
          copyPublicDir: false,
          minify: false,
          sourcemap: false,
          rolldownOptions: {
            output: { entryFileNames: path.basename(outFile), codeSplitting: false },
          },
        },
      });
    },
  };
}

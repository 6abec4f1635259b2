import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { apiProxy } from './build/api-proxy.js';
import { bundleReport } from './build/bundle-report.js';
import { firstScreenChunks } from './build/first-screen-chunks.js';
import { placeRenderer } from './build/place-renderer.js';
import { precompress } from './build/precompress.js';
import { prerender } from './build/prerender.js';
import { pwaOptions } from './build/pwa-options.js';
import { quietExit } from './build/quiet-exit.js';
import { routePreloads } from './build/route-preloads.js';
import { stylesFirst } from './build/styles-first.js';

const apiPort = Number(process.env.PORT || 3000);
const screenChunks = firstScreenChunks();

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    VitePWA(pwaOptions),
    bundleReport({ enforce: process.env.BUNDLE_BUDGET === 'enforce' }),
    routePreloads(),
    screenChunks.plugin,
    prerender(),
    placeRenderer(),
    stylesFirst(),
    precompress(),
    quietExit(),
  ],
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The entry and everything it imports statically in one file: they load together on every
            // page anyway, and as ~16 files (react, react-dom, the router… each its own) they were ~16
            // requests on a phone's HTTP/1.1 connections before anything could show. A deploy now
            // changes this file's hash every time; the service worker downloads a new build whole anyway.
            { name: 'app', tags: ['$initial'], priority: 100 },
            // The sign-in page's and the task screen's code in a few files each (build/first-screen-chunks.ts).
            screenChunks.group,
          ],
        },
      },
    },
    // A lazy chunk's imports are fetched when the chunk has arrived and names them, not announced
    // beforehand: Vite's helper adds a <link rel=modulepreload> per import at the moment of each import(),
    // and on the task screen's first load that was ~20 ms of main-thread work (link scans and inserts,
    // ~80 ms on Lighthouse's phone) before the first list. The first page's own chunks are still named in
    // the HTML, and once the service worker has cached the build the extra hop costs nothing.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
  },
  // Workspace packages are consumed from their TypeScript source.
  resolve: { conditions: ['@taskapp/source', ...defaultClientConditions] },
  server: {
    port: Number(process.env.WEB_PORT || 5173),
    strictPort: true,
    proxy: { '/api': apiProxy({ port: apiPort }) },
    // Playwright writes traces and screenshots there; they are not part of the app.
    watch: { ignored: ['**/e2e/**'] },
  },
});

import type { VitePWAOptions } from 'vite-plugin-pwa';

/**
 * The installable app (issue 16): the web app manifest, and the service worker built from sw/sw.ts
 * (injectManifest: workbox precaches this build's files; the worker also shows pushed reminders). The app
 * registers it itself (src/lib/pwa/), after the first page is on screen, and asks before an update.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'sw',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  injectManifest: {
    // The shell: scripts, styles, the page, icons. Not the .br/.gz twins the build also writes.
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
  manifest: {
    id: '/',
    name: 'Taskapp',
    short_name: 'Taskapp',
    description: 'A calm, fast task manager.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#5b5bd6',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
};

// The app's service worker (built by vite-plugin-pwa, strategy injectManifest, into dist/sw.js): it keeps
// the app shell for offline use and shows pushed reminders. It never answers /api: live data always comes
// from the server (or the app's own persisted cache), never from a stale copy here.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { handleReminderNotifications } from './reminder-notifications';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// The built files of this version (the list is written in at build time), fetched on install.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any page address opens the app shell from the cache; the server's own paths go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/readyz/, /^\/healthz/, /^\/metrics/],
  }),
);

// A new version waits until the person chooses to reload (the app's update prompt sends this).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes the open pages at once, so they work offline without a reload.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

handleReminderNotifications();

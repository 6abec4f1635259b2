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

// A page address is asked of the server first: it sends a signed-in person's task place drawn with their
// list, and sign-in prerendered (decisions 019, 020), neither of which the cached shell can show. Without
// a network, a server in trouble or an answer slower than this, the app shell opens from the cache and
// the app draws the page itself. The server's own paths always go to the network.
const NETWORK_WAIT_MS = 3_000;
const appShell = createHandlerBoundToURL('/index.html');
registerRoute(
  new NavigationRoute(
    async (options) => {
      // A navigation's request cannot be given a signal (its mode is "navigate"): the wait is raced.
      const fromNetwork = fetch(options.request).catch(() => null);
      const tooSlow = new Promise<null>((resolve) => setTimeout(() => resolve(null), NETWORK_WAIT_MS));
      const response = await Promise.race([fromNetwork, tooSlow]);
      // Offline, refused, too slow or a server in trouble: the cached shell.
      return response && response.status < 500 ? response : appShell(options);
    },
    { denylist: [/^\/api\//, /^\/readyz/, /^\/healthz/, /^\/metrics/] },
  ),
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

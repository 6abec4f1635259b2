import './lib/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { placeOfPath } from './features/navigation/place';
import { afterFirstScreen, markFirstScreenShown } from './lib/after-first-screen';
import { getAuthState, subscribeAuth, whenSignedIn } from './lib/auth-store';
import { queryClient, trpcClient } from './lib/clients';
import { openOfflineWith, startSessionSync } from './lib/session';
import { takeOverPrerenderedPage } from './prerender/take-over';
import { router } from './router';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The offline cache (issue 16) loads beside the first page, not in it: it keeps the signed-in person's
// lists in IndexedDB, and opens the app as them when there is no network.
const offlineCache = () => import('./lib/offline/offline-cache');
const followSignInWithOfflineCache = () =>
  void offlineCache().then((offline) =>
    offline.followSignInWithOfflineCache(queryClient, { current: getAuthState, subscribe: subscribeAuth }),
  );
// The outbox sends writes made offline (or before a reload) once the server can be reached. It works for
// a signed-in person only, so its code (and the schemas it checks with) loads once someone is: never on a
// signed-out visit's first page.
const startOutbox = () =>
  void Promise.all([
    import('./lib/offline/outbox/outbox'),
    import('./lib/offline/outbox/outbox-server'),
  ]).then(([outbox, { outboxServer }]) =>
    outbox.startOutbox({
      server: outboxServer(trpcClient),
      queryClient,
      auth: { current: getAuthState, subscribe: subscribeAuth },
    }),
  );
whenSignedIn(startOutbox);
openOfflineWith(() => offlineCache().then((offline) => offline.openOffline(queryClient)));
// Starts restoring the session before React renders, so the request is already on its way.
startSessionSync();
// Someone signed out has no saved lists to show (a signed-out start never had any to restore or wipe):
// their first page, the sign-in form, does not share a phone's connections with the cache's code.
if (getAuthState().status === 'signed-out') whenSignedIn(followSignInWithOfflineCache);
else followSignInWithOfflineCache();
// Whoever opens a task place is usually signed in: fetch the task screen's code and its layout while the
// session restores rather than after (the routes' own lazy imports then find them loaded). The server's
// HTML has already linked them for a browser holding the signed-in marker (build/route-preloads.ts).
if (placeOfPath(window.location.pathname)) {
  void import('./routes/places');
  void import('./features/navigation/tasks-layout');
}

// A prerendered signed-out page is replaced by the app's own as soon as that has rendered (AuthLayout); this is
// for the app going somewhere else instead (someone signed in after all, an error page).
router.subscribe('onRendered', takeOverPrerenderedPage);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// What is not the first screen's waits until it is up (the screen restored, its data in, the browser idle):
// the header's health check, and in production the service worker (offline shell, pushed reminders),
// whose install downloads the whole build. The load event comes before the first screen has its data
// (module scripts are all it waits for): at the first idle moment after it, the worker's registration
// went out while the first list was still on its way.
const signals = { authStatus: () => getAuthState().status, fetching: () => queryClient.isFetching() };
// A fetch of the worker's code that fails (the network dropped meanwhile) is tried on the next page load.
const registerServiceWorker = () =>
  void import('./lib/pwa/register-app').then(
    (pwa) => pwa.registerApp(),
    () => undefined,
  );
const firstScreenShown = () => {
  markFirstScreenShown();
  if (import.meta.env.PROD) registerServiceWorker();
};
const startAfterFirstScreen = () => afterFirstScreen(firstScreenShown, signals);
// A prerendered page loads this code when it is first used, often after its load event.
if (document.readyState === 'complete') startAfterFirstScreen();
else window.addEventListener('load', startAfterFirstScreen, { once: true });

import './lib/zod-without-eval';
import { onlineManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { placeOfPath } from './features/navigation/place';
import { afterFirstScreen, markFirstScreenShown } from './lib/after-first-screen';
import { getAuthState, subscribeAuth, whenSignedIn } from './lib/auth-store';
import { queryClient, trpcClient } from './lib/clients';
import { openOfflineWith, startSessionSync } from './lib/session';
import { hydrateFirstScreen } from './prerender/first-screen-data';
import { holdRootUntilTakeOver, takeOverPrerenderedPage } from './prerender/take-over';
import { router } from './router';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Beside a prerendered page the app renders out of the document until it takes the page over.
holdRootUntilTakeOver(container);

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
// React Query assumes a network until the browser says otherwise, which it only does on a change: an app
// started offline (a page drawn online and first used offline, or opened from the service worker's
// shell) starts knowing it.
onlineManager.setOnline(navigator.onLine);
// A task place the server drew comes with its data: in the cache before anything asks for it.
hydrateFirstScreen(queryClient);
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

// A prerendered page is replaced by the app's own as soon as that has rendered it (AuthLayout; a task place
// once its list is shown, task-screen.tsx); this is for the app going somewhere else instead (someone
// signed in after all, a session that ended, an error page).
router.subscribe('onRendered', ({ toLocation }) => {
  if (!placeOfPath(toLocation.pathname)) takeOverPrerenderedPage();
});

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

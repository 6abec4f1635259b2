import './lib/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { placeOfPath } from './features/navigation/place';
import { getAuthState, subscribeAuth } from './lib/auth-store';
import { queryClient, trpcClient } from './lib/clients';
import { afterFirstScreen } from './lib/pwa/after-first-screen';
import { openOfflineWith, startSessionSync } from './lib/session';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The offline cache (issue 16) loads beside the first page, not in it: it keeps the signed-in person's
// lists in IndexedDB, and opens the app as them when there is no network.
const offlineCache = () => import('./lib/offline/offline-cache');
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
const stopWaitingForSignIn = subscribeAuth((state) => {
  if (state.status !== 'signed-in') return;
  stopWaitingForSignIn();
  startOutbox();
});
openOfflineWith(() => offlineCache().then((offline) => offline.openOffline(queryClient)));
// Starts restoring the session before React renders, so the request is already on its way.
startSessionSync();
// Whoever opens a task place is usually signed in: fetch the task screen's code and its layout while the
// session restores rather than after (the routes' own lazy imports then find them loaded).
if (placeOfPath(window.location.pathname)) {
  void import('./routes/places');
  void import('./features/navigation/tasks-layout');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (offline shell, pushed reminders) once the page is up: never in the first page's way.
// The load event comes before the first screen has its data (module scripts are all it waits for), and
// the worker then downloads the whole build to precache it. Registered at the first idle moment after
// load, it went out while the first list was still on its way; it now waits until the screen has its
// data, leaving a phone's bandwidth and CPU to the first list.
if (import.meta.env.PROD) {
  // A fetch of its code that fails (the network dropped meanwhile) is tried again on the next page load.
  const register = () =>
    void import('./lib/pwa/register-app').then(
      (pwa) => pwa.registerApp(),
      () => undefined,
    );
  const signals = { authStatus: () => getAuthState().status, fetching: () => queryClient.isFetching() };
  window.addEventListener('load', () => afterFirstScreen(register, signals), { once: true });
}

/** The app's one service worker (public/sw.js): shows reminders pushed to this device and opens their task. */
export const SERVICE_WORKER_URL = '/sw.js';

let registering: Promise<ServiceWorkerRegistration | null> | null = null;

export function canUseServiceWorker(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/**
 * Registers the worker at the site's root (once per page); null where the browser has none or refuses
 * it. Called only for a signed-in person: the worker only ever shows their reminders.
 */
export function registerAppServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!canUseServiceWorker()) return Promise.resolve(null);
  registering ??= navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => {
    registering = null;
    return null;
  });
  return registering;
}

/** The registration once its worker is active (what showNotification and pushManager need). */
export async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!(await registerAppServiceWorker())) return null;
  return navigator.serviceWorker.ready;
}

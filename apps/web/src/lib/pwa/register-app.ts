import { registerSW } from 'virtual:pwa-register';
import { toast } from '../toast';

const UPDATE_TOAST_ID = 'app-update';

/**
 * Registers the app's service worker (offline shell, pushed reminders). A new version is never swapped in
 * under the person: it waits, and a lasting toast offers to reload into it.
 */
/**
 * Lets the waiting version take over, then reloads once it controls the page. Reloading on
 * `controllerchange` ourselves: vite-plugin-pwa reloads only for a version this page registered, not for
 * one a later update check found (the usual case for an app left open).
 */
function reloadInto(updateApp: (reload?: boolean) => Promise<void>): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  void updateApp(true);
}

export function registerApp(): void {
  const updateApp = registerSW({
    immediate: true,
    onNeedRefresh() {
      toast('A new version of Taskapp is ready', {
        id: UPDATE_TOAST_ID,
        description: 'Reload when you are ready to use it.',
        duration: Number.POSITIVE_INFINITY,
        action: { label: 'Reload', onClick: () => reloadInto(updateApp) },
      });
    },
  });
}

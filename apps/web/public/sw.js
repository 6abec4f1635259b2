// The app's service worker: shows the reminders pushed to this device and opens their task on a click.
// Plain JavaScript served as is (no build step); a later offline-app worker can import or absorb it.
// The payload is PushPayload from packages/shared/src/schemas/push.ts.

const ICON = '/favicon.svg';

self.addEventListener('install', () => {
  // Nothing to cache: take over from an older copy of this worker at once.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** The payload when it is one this worker knows; anything else is ignored. */
function reminderOf(data) {
  if (!data) return null;
  let payload;
  try {
    payload = data.json();
  } catch {
    return null;
  }
  if (payload?.kind !== 'reminder' || typeof payload.title !== 'string') return null;
  return payload;
}

/** Only addresses of this app, so a payload can never send the person elsewhere. */
function appUrl(url) {
  try {
    const target = new URL(typeof url === 'string' ? url : '/', self.location.origin);
    return target.origin === self.location.origin ? target.href : new URL('/', self.location.origin).href;
  } catch {
    return new URL('/', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  const reminder = reminderOf(event.data);
  if (!reminder) return;
  event.waitUntil(
    self.registration.showNotification(reminder.title, {
      body: typeof reminder.body === 'string' ? reminder.body : '',
      tag: typeof reminder.tag === 'string' ? reminder.tag : undefined,
      data: { url: appUrl(reminder.url) },
      icon: ICON,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appUrl(event.notification.data?.url);
  event.waitUntil(openApp(url));
});

/** Focuses a window of the app and takes it to `url`; a new window when none is open or it can't go. */
async function openApp(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    try {
      const focused = await open.focus();
      // navigate() resolves null for a window this worker does not control yet.
      if (await focused.navigate(url)) return;
    } catch {
      // Not allowed to focus or navigate it: a new window instead.
    }
  }
  await self.clients.openWindow(url);
}

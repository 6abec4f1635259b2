import { appUrl } from './app-url';

declare const self: ServiceWorkerGlobalScope;

const ICON = '/icons/icon-192.png';

/** PushPayload (packages/shared/src/schemas/push.ts) when it is one this worker knows; else null. */
interface ReminderPush {
  title: string;
  body?: unknown;
  url?: unknown;
  tag?: unknown;
}

function reminderOf(data: PushMessageData | null): ReminderPush | null {
  if (!data) return null;
  try {
    const payload = data.json() as { kind?: unknown; title?: unknown } | null;
    return payload?.kind === 'reminder' && typeof payload.title === 'string'
      ? (payload as ReminderPush)
      : null;
  } catch {
    return null;
  }
}

/** Focuses a window of the app and takes it to `url`; a new window when none is open or it can't go. */
async function openApp(url: string): Promise<void> {
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

/** Shows the reminders pushed to this device and opens their task on a click. */
export function handleReminderNotifications(): void {
  self.addEventListener('push', (event) => {
    const reminder = reminderOf(event.data);
    if (!reminder) return;
    event.waitUntil(
      self.registration.showNotification(reminder.title, {
        body: typeof reminder.body === 'string' ? reminder.body : '',
        tag: typeof reminder.tag === 'string' ? reminder.tag : undefined,
        data: { url: appUrl(reminder.url, self.location.origin) },
        icon: ICON,
      }),
    );
  });

  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    event.waitUntil(openApp(appUrl(data?.url, self.location.origin)));
  });
}

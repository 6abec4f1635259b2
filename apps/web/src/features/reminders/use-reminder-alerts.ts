import { useNavigate } from '@tanstack/react-router';
import type { DeliveredReminder } from '@taskapp/shared';
import { useEffect, useRef } from 'react';
import { readHideTitles } from '../../lib/push/hide-titles';
import { activeRegistration } from '../../lib/push/service-worker';
import { toast } from '../../lib/toast';
import { arrivals, taskUrl } from './last-seen';

const HIDDEN_TITLE = 'Taskapp reminder';
const HIDDEN_BODY = 'You have a task reminder. Open Taskapp to see it.';

/** Through the service worker, so a click opens the task like a pushed one; the same tag replaces a push. */
async function notify(reminder: DeliveredReminder): Promise<void> {
  const registration = await activeRegistration();
  const hide = readHideTitles();
  await registration?.showNotification(hide ? HIDDEN_TITLE : reminder.title, {
    body: hide ? HIDDEN_BODY : reminder.late ? 'Reminder (sent late)' : 'Reminder',
    tag: `reminder-${reminder.id}`,
    data: { url: new URL(taskUrl(reminder.taskId), window.location.origin).href },
    icon: '/favicon.svg',
  });
}

/**
 * A reminder delivered while the app is open is announced: a toast while the tab is visible, a system
 * notification while it is hidden (when the browser allows them), even where no push service is set up.
 */
export function useReminderAlerts(reminders: DeliveredReminder[] | undefined, lastSeen: number): void {
  const navigate = useNavigate();
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!reminders) return;
    const fresh = arrivals(reminders, known.current, lastSeen);
    known.current = new Set([...(known.current ?? []), ...reminders.map((reminder) => reminder.id)]);
    const hidden = document.visibilityState === 'hidden';
    const mayNotify = 'Notification' in window && Notification.permission === 'granted';
    for (const reminder of fresh) {
      if (hidden && mayNotify) {
        void notify(reminder).catch(() => undefined);
      } else if (!hidden) {
        toast(reminder.title, {
          id: `reminder-${reminder.id}`,
          description: reminder.late ? 'Reminder (sent late)' : 'Reminder',
          action: {
            label: 'Open',
            onClick: () => void navigate({ to: '/', search: { task: reminder.taskId } }),
          },
        });
      }
    }
  }, [reminders, lastSeen, navigate]);
}

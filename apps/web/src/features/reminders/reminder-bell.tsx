import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import { DeferredMenu, menuChunk } from '../../components/deferred-menu';
import { registerAppServiceWorker } from '../../lib/push/service-worker';
import { badgeText, newestSentAt, unseenReminders } from './last-seen';
import type { ReminderMenuProps } from './reminder-menu-loaded';
import { useLastSeen } from './use-last-seen';
import { useRecentReminders } from './use-recent-reminders';
import { useReminderAlerts } from './use-reminder-alerts';

// The menu itself (Radix) loads after the first screen, or when the bell is first pointed at or pressed.
const reminderMenu = menuChunk<ReminderMenuProps>(() =>
  import('./reminder-menu-loaded').then((module) => module.LoadedReminderMenu),
);

/** The header's bell: delivered reminders with a count of those not seen yet; each opens its task. */
export function ReminderBell({ userId }: { userId: string }) {
  const recent = useRecentReminders();
  const [lastSeen, markSeen] = useLastSeen(userId);
  // What counted as new when the list was opened, so it can still mark them while it is open.
  const [seenBeforeOpen, setSeenBeforeOpen] = useState(lastSeen);
  const reminders = recent.data?.reminders;
  useReminderAlerts(reminders, lastSeen);
  useEffect(() => {
    void registerAppServiceWorker();
  }, []);

  const unseen = unseenReminders(reminders ?? [], lastSeen).length;
  return (
    <DeferredMenu
      chunk={reminderMenu}
      mountWhen="used"
      props={{
        reminders,
        failed: recent.isError,
        newSince: seenBeforeOpen,
        onOpen: () => {
          setSeenBeforeOpen(lastSeen);
          markSeen(newestSentAt(reminders ?? [], lastSeen));
        },
      }}
      trigger={{
        'aria-label': unseen > 0 ? `Reminders, ${unseen} new` : 'Reminders',
        title: 'Reminders',
        className:
          'relative inline-flex size-8 items-center justify-center rounded-md text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle',
        children: (
          <>
            <Bell aria-hidden="true" className="size-4" />
            {unseen > 0 ? (
              <span
                aria-hidden="true"
                data-testid="reminder-badge"
                className="-top-0.5 -right-0.5 absolute flex h-4 min-w-4 items-center justify-center rounded-full bg-danger-solid px-1 font-semibold text-[0.625rem] text-accent-fg leading-none"
              >
                {badgeText(unseen)}
              </span>
            ) : null}
          </>
        ),
      }}
    />
  );
}

import * as Menu from '@radix-ui/react-dropdown-menu';
import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import { MENU_CONTENT } from '../../components/menu-styles';
import { registerAppServiceWorker } from '../../lib/push/service-worker';
import { badgeText, newestSentAt, unseenReminders } from './last-seen';
import { ReminderBellList } from './reminder-bell-list';
import { useLastSeen } from './use-last-seen';
import { useRecentReminders } from './use-recent-reminders';
import { useReminderAlerts } from './use-reminder-alerts';

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
    // Not modal, like the account menu: a modal menu hides the page from assistive technology while open.
    <Menu.Root
      modal={false}
      onOpenChange={(open) => {
        if (!open) return;
        setSeenBeforeOpen(lastSeen);
        markSeen(newestSentAt(reminders ?? [], lastSeen));
      }}
    >
      <Menu.Trigger
        aria-label={unseen > 0 ? `Reminders, ${unseen} new` : 'Reminders'}
        title="Reminders"
        className="relative inline-flex size-8 items-center justify-center rounded-md text-muted transition-colors hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle"
      >
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
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="Recent reminders"
          className={`${MENU_CONTENT} max-h-96 w-80 max-w-[calc(100vw-1rem)] overflow-y-auto`}
        >
          <ReminderBellList reminders={reminders} failed={recent.isError} newSince={seenBeforeOpen} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

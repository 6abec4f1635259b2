import * as Menu from '@radix-ui/react-dropdown-menu';
import type { DeliveredReminder } from '@taskapp/shared';
import { useEffect } from 'react';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { MENU_CONTENT } from '../../components/menu-styles';
import { ReminderBellList } from './reminder-bell-list';

export interface ReminderMenuProps {
  reminders: DeliveredReminder[] | undefined;
  failed: boolean;
  /** What counted as new when the list was opened. */
  newSince: number;
  /** The list was opened: what it shows now counts as seen. */
  onOpen: () => void;
}

/** The bell's menu itself (Radix), mounted once its code has loaded: see ReminderBell. */
export function LoadedReminderMenu({
  trigger,
  triggerRef,
  defaultOpen,
  reminders,
  failed,
  newSince,
  onOpen,
}: LoadedMenuProps & ReminderMenuProps) {
  // Asked for before the code arrived: it opens now, and Radix reports no change for an initial state.
  useEffect(() => {
    if (defaultOpen) onOpen();
  }, []);
  return (
    // Not modal, like the account menu: a modal menu hides the page from assistive technology while open.
    <Menu.Root modal={false} defaultOpen={defaultOpen} onOpenChange={(open) => open && onOpen()}>
      <Menu.Trigger ref={triggerRef} {...trigger} />
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label="Recent reminders"
          className={`${MENU_CONTENT} max-h-96 w-80 max-w-[calc(100vw-1rem)] overflow-y-auto`}
        >
          <ReminderBellList reminders={reminders} failed={failed} newSince={newSince} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

import * as Menu from '@radix-ui/react-dropdown-menu';
import { useNavigate } from '@tanstack/react-router';
import type { DeliveredReminder } from '@taskapp/shared';
import { Clock } from 'lucide-react';
import { MENU_ITEM } from '../../components/menu-styles';
import { formatRelative } from '../account/format-time';

interface ReminderBellListProps {
  reminders: DeliveredReminder[] | undefined;
  /** The last fetch failed (offline, or the server did not answer). */
  failed: boolean;
  /** Reminders sent after this (ms) are marked new. */
  newSince: number;
}

/** The bell's list: newest first, late ones marked, each opening its task's panel. */
export function ReminderBellList({ reminders, failed, newSince }: ReminderBellListProps) {
  const navigate = useNavigate();
  if (!reminders) {
    return (
      <p className="px-2 py-1.5 text-muted text-sm">
        {failed ? 'Couldn’t load reminders. They show here again once the server answers.' : 'Loading…'}
      </p>
    );
  }
  return (
    <>
      <Menu.Label className="px-2 py-1 font-medium text-muted text-xs">Reminders</Menu.Label>
      {reminders.length === 0 ? (
        <p className="px-2 pb-2 text-muted text-sm">
          No reminders yet. Add one to a task with a due date, and it shows here when it goes off.
        </p>
      ) : (
        reminders.map((reminder) => {
          const fresh = reminder.sentAt.getTime() > newSince;
          return (
            <Menu.Item
              key={reminder.id}
              data-testid="bell-reminder"
              className={`${MENU_ITEM} h-auto items-start py-1.5`}
              onSelect={() => void navigate({ to: '/', search: { task: reminder.taskId } })}
            >
              <span
                aria-hidden="true"
                className={`mt-2 size-1.5 shrink-0 rounded-full ${fresh ? 'bg-accent' : 'bg-transparent'}`}
              />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate">
                  {fresh ? <span className="sr-only">New: </span> : null}
                  {reminder.title}
                </span>
                <span className="flex items-center gap-1.5 text-muted text-xs">
                  <Clock aria-hidden="true" className="size-3" />
                  <time dateTime={reminder.sentAt.toISOString()}>{formatRelative(reminder.sentAt)}</time>
                  {reminder.late ? <span className="font-medium text-warning">· late</span> : null}
                </span>
              </span>
            </Menu.Item>
          );
        })
      )}
    </>
  );
}

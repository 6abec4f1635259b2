import * as Menu from '@radix-ui/react-dropdown-menu';
import type { Reminder } from '@taskapp/shared';
import { LIMITS } from '@taskapp/shared/constants';
import { AlertCircle, Bell, ChevronDown, Plus, X } from 'lucide-react';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { buttonClasses } from '../../../components/button';
import { MENU_CONTENT, MENU_ITEM, MENU_SEPARATOR } from '../../../components/menu-styles';
import {
  type AddReminderRefusal,
  addRefusal,
  REMINDER_PRESETS,
  reminderKey,
  reminderText,
  sortedReminders,
} from '../reminders/reminder-text';
import { CustomReminderForm } from './custom-reminder-form';
import type { TaskFormValues } from './task-form';

const REFUSALS: Record<Exclude<AddReminderRefusal, null>, string> = {
  full: `At most ${LIMITS.remindersPerTask} reminders a task: remove one to add another.`,
  duplicate: 'Already set',
  'needs-due-date': 'Needs a due date',
};

/**
 * The edit panel's reminders: each in plain words and removable, and "Add reminder" with the usual
 * choices relative to the due date or a custom one. It writes the list into the form, which saves it
 * like every other field.
 */
export function RemindersField({
  form,
  timeZone,
}: {
  form: UseFormReturn<TaskFormValues>;
  timeZone: string;
}) {
  const reminders = form.watch('reminders') as Reminder[];
  const dueDay = form.watch('dueDay');
  const dueTime = form.watch('dueTime');
  const hasDueDate = dueDay !== '';
  const error = form.formState.errors.reminders?.message;
  const full = reminders.length >= LIMITS.remindersPerTask;
  const [customOpen, setCustomOpen] = useState(false);
  const [said, setSaid] = useState('');
  const hintId = useId();
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // After a removal, focus goes to the reminder that took its place, else to "Add reminder".
  const [focusAfterRemove, setFocusAfterRemove] = useState<number | null>(null);
  useEffect(() => {
    if (focusAfterRemove === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons[Math.min(focusAfterRemove, buttons.length - 1)] ?? addButton.current)?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove]);

  // Closing the custom form hands focus back to "Add reminder", once that is rendered again.
  const [refocusAdd, setRefocusAdd] = useState(false);
  useEffect(() => {
    if (!refocusAdd) return;
    addButton.current?.focus();
    setRefocusAdd(false);
  }, [refocusAdd]);

  const write = (next: Reminder[]) =>
    form.setValue('reminders', next, { shouldDirty: true, shouldValidate: true });
  const add = (reminder: Reminder) => {
    write([...reminders, reminder]);
    setSaid(`Reminder added: ${reminderText(reminder, timeZone)}.`);
  };
  const remove = (reminder: Reminder, at: number) => {
    const key = reminderKey(reminder);
    write(reminders.filter((other) => reminderKey(other) !== key));
    setSaid(`Reminder removed: ${reminderText(reminder, timeZone)}.`);
    setFocusAfterRemove(at);
  };

  const shown = sortedReminders(reminders);
  const relativeWithoutDate = !hasDueDate && reminders.some((reminder) => 'minutesBefore' in reminder);
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={hintId}>
      <legend className="mb-1.5 font-medium text-sm">Reminders</legend>
      {shown.length > 0 ? (
        <ul ref={list} className="flex flex-col gap-1" data-testid="reminder-list">
          {shown.map((reminder, at) => {
            const text = reminderText(reminder, timeZone);
            return (
              <li
                key={reminderKey(reminder)}
                className="flex min-h-9 items-center gap-2 rounded-md bg-subtle py-1 pr-1 pl-2.5 text-sm"
              >
                <Bell aria-hidden="true" className="size-3.5 shrink-0 text-muted" />
                <span className="min-w-0 flex-1">{text}</span>
                <button
                  type="button"
                  aria-label={`Remove reminder: ${text}`}
                  title="Remove"
                  onClick={() => remove(reminder, at)}
                  className="flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface hover:text-danger"
                >
                  <X aria-hidden="true" className="size-4" />
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-muted text-sm">No reminders.</p>
      )}
      {customOpen ? (
        <CustomReminderForm
          reminders={reminders}
          hasDueDate={hasDueDate}
          dueDay={dueDay}
          dueTime={dueTime}
          timeZone={timeZone}
          onAdd={(reminder) => {
            add(reminder);
            setCustomOpen(false);
            setRefocusAdd(true);
          }}
          onCancel={() => {
            setCustomOpen(false);
            setRefocusAdd(true);
          }}
        />
      ) : full ? (
        // Focusable while it can't be used, so its reason is read out with it.
        <button
          ref={addButton}
          type="button"
          aria-disabled="true"
          aria-describedby={`${hintId}-full`}
          className={`${buttonClasses('secondary', 'sm')} self-start cursor-not-allowed opacity-50`}
        >
          <Plus aria-hidden="true" className="size-3.5" />
          Add reminder
        </button>
      ) : (
        <AddReminderMenu
          triggerRef={addButton}
          refusalOf={(reminder) => addRefusal(reminders, reminder, hasDueDate)}
          onAdd={add}
          onCustom={() => setCustomOpen(true)}
        />
      )}
      {full && !customOpen ? (
        <p id={`${hintId}-full`} className="text-muted text-sm">
          {REFUSALS.full}
        </p>
      ) : null}
      {error ? (
        <p className="flex items-start gap-1.5 text-danger text-sm" role="alert">
          <AlertCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          {error}
        </p>
      ) : null}
      <p id={hintId} className="text-muted text-sm">
        {relativeWithoutDate
          ? 'Reminders before the due time wait for a due date: without one they don’t fire.'
          : hasDueDate && !dueTime
            ? 'This task is due all day: its reminders count from 09:00 on its day.'
            : hasDueDate
              ? 'By email and notification, as set in Settings.'
              : 'Set a due date for reminders before it, or pick a custom date and time.'}
      </p>
      <p role="status" className="sr-only">
        {said}
      </p>
    </fieldset>
  );
}

function AddReminderMenu({
  triggerRef,
  refusalOf,
  onAdd,
  onCustom,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  refusalOf: (reminder: Reminder) => AddReminderRefusal;
  onAdd: (reminder: Reminder) => void;
  onCustom: () => void;
}) {
  return (
    <Menu.Root>
      <Menu.Trigger ref={triggerRef} className={`${buttonClasses('secondary', 'sm')} self-start`}>
        <Plus aria-hidden="true" className="size-3.5" />
        Add reminder
        <ChevronDown aria-hidden="true" className="size-3.5" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className={`${MENU_CONTENT} z-50 w-64`}
        >
          {REMINDER_PRESETS.map((preset) => {
            const refusal = refusalOf({ minutesBefore: preset.minutesBefore });
            return (
              <Menu.Item
                key={preset.minutesBefore}
                className={MENU_ITEM}
                disabled={refusal !== null}
                onSelect={() => onAdd({ minutesBefore: preset.minutesBefore })}
              >
                <span className="flex-1">{preset.label}</span>
                {refusal ? <span className="text-muted text-xs">{REFUSALS[refusal]}</span> : null}
              </Menu.Item>
            );
          })}
          <Menu.Separator className={MENU_SEPARATOR} />
          <Menu.Item className={MENU_ITEM} onSelect={onCustom}>
            Custom…
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

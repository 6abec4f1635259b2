import type { Reminder } from '@taskapp/shared';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { addRefusal } from '../reminders/reminder-text';
import { dayAndTimeIn, instantIn } from './zoned-time';

const UNITS = ['minutes', 'hours', 'days'] as const;
type Unit = (typeof UNITS)[number];
const UNIT_LABELS: Record<Unit, string> = { minutes: 'minutes', hours: 'hours', days: 'days' };
const UNIT_MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };
const MAX_MINUTES_BEFORE = 40_320;
const HOUR_MS = 3_600_000;

type Kind = 'at' | 'before';

/** Where the date-time field starts: an hour before a timed due date still ahead, else the next full hour. */
function initialAt(dueDay: string, dueTime: string, timeZone: string, now = new Date()): string {
  const due = dueDay && dueTime ? instantIn(dueDay, dueTime, timeZone) : null;
  const start =
    due && due.getTime() - HOUR_MS > now.getTime()
      ? new Date(due.getTime() - HOUR_MS)
      : new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const { day, time } = dayAndTimeIn(start, timeZone);
  return `${day}T${time}`;
}

interface CustomReminderFormProps {
  reminders: Reminder[];
  hasDueDate: boolean;
  dueDay: string;
  dueTime: string;
  timeZone: string;
  onAdd: (reminder: Reminder) => void;
  onCancel: () => void;
}

/**
 * A reminder of one's own: at a date and time of the account's zone, or some minutes, hours or days
 * before the due time. Not a <form> (it sits inside the panel's), so Enter is handled here.
 */
export function CustomReminderForm({
  reminders,
  hasDueDate,
  dueDay,
  dueTime,
  timeZone,
  onAdd,
  onCancel,
}: CustomReminderFormProps) {
  const [kind, setKind] = useState<Kind>(hasDueDate ? 'before' : 'at');
  const [at, setAt] = useState(() => initialAt(dueDay, dueTime, timeZone));
  const [amount, setAmount] = useState('30');
  const [unit, setUnit] = useState<Unit>('minutes');
  const [error, setError] = useState<string | null>(null);
  const group = useRef<HTMLFieldSetElement>(null);
  const name = useId();

  // The menu that opened this hands focus back to its trigger as it closes; the first field takes it after.
  useEffect(() => {
    const timer = setTimeout(
      () => group.current?.querySelector<HTMLInputElement>('input:checked')?.focus(),
      0,
    );
    return () => clearTimeout(timer);
  }, []);

  const reminderOfFields = (): Reminder | string => {
    if (kind === 'at') {
      const [day, time] = at.split('T');
      if (!day || !time) return 'Pick a date and a time.';
      const instant = instantIn(day, time.slice(0, 5), timeZone);
      if (Number.isNaN(instant.getTime())) return 'Pick a date and a time.';
      if (instant.getTime() <= Date.now()) return 'That time has passed: pick a later one.';
      return { at: instant };
    }
    const value = Number(amount);
    if (!Number.isInteger(value) || value < 0) return 'Use a whole number, 0 or more.';
    const minutes = value * UNIT_MINUTES[unit];
    if (minutes > MAX_MINUTES_BEFORE) return 'Remind at most 4 weeks before.';
    return { minutesBefore: minutes };
  };

  const submit = () => {
    const reminder = reminderOfFields();
    if (typeof reminder === 'string') return setError(reminder);
    const refusal = addRefusal(reminders, reminder, hasDueDate);
    if (refusal === 'duplicate') return setError('This reminder is already set.');
    if (refusal === 'needs-due-date') return setError('Set a due date first.');
    if (refusal === 'full') return setError('At most 5 reminders a task.');
    onAdd(reminder);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter adds the reminder here instead of submitting (and closing) the panel; Esc leaves only this.
    if (event.key === 'Enter' && !(event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <fieldset
      ref={group}
      data-own-escape
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 rounded-md border border-line p-3"
    >
      <legend className="sr-only">Custom reminder</legend>
      <fieldset className="flex flex-col gap-1">
        <legend className="sr-only">Remind</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="radio"
              name={name}
              checked={kind === 'before'}
              disabled={!hasDueDate}
              onChange={() => setKind('before')}
              className="size-4 accent-accent"
            />
            Before the due time
          </label>
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="radio"
              name={name}
              checked={kind === 'at'}
              onChange={() => setKind('at')}
              className="size-4 accent-accent"
            />
            On a date and time
          </label>
        </div>
        {!hasDueDate ? <p className="text-muted text-sm">Before the due time needs a due date.</p> : null}
      </fieldset>
      {kind === 'at' ? (
        <TextField
          label="Date and time"
          type="datetime-local"
          value={at}
          hint={`In your time zone, ${timeZone}.`}
          onChange={(event) => setAt(event.target.value)}
        />
      ) : (
        <div className="grid grid-cols-[minmax(0,6rem)_minmax(0,1fr)] items-end gap-2">
          <TextField
            label="How long before"
            type="number"
            inputMode="numeric"
            min={0}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
          <SelectField
            label="Unit"
            options={UNITS}
            optionLabels={UNIT_LABELS}
            value={unit}
            onChange={(event) => setUnit(event.target.value as Unit)}
          />
        </div>
      )}
      <p role="alert" className="text-danger text-sm empty:hidden">
        {error}
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={submit}>
          Add
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}

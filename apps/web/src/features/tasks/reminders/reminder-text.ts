import type { Reminder } from '@taskapp/shared';
import { LIMITS } from '@taskapp/shared/constants';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** The "Add reminder" choices relative to the due date, in the order the menu shows them. */
export const REMINDER_PRESETS = [
  { label: 'At due time', minutesBefore: 0 },
  { label: '10 minutes before', minutesBefore: 10 },
  { label: '1 hour before', minutesBefore: MINUTES_PER_HOUR },
  { label: '1 day before', minutesBefore: MINUTES_PER_DAY },
] as const;

const count = (amount: number, unit: string) => `${amount} ${unit}${amount === 1 ? '' : 's'}`;

/** "At due time", "45 minutes before", "1 hour 30 minutes before", "2 days before", "1 week before". */
export function minutesBeforeText(minutes: number): string {
  if (minutes === 0) return 'At due time';
  if (minutes % MINUTES_PER_WEEK === 0) return `${count(minutes / MINUTES_PER_WEEK, 'week')} before`;
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  const parts = [
    days ? count(days, 'day') : null,
    hours ? count(hours, 'hour') : null,
    rest ? count(rest, 'minute') : null,
  ].filter(Boolean);
  return `${parts.join(' ')} before`;
}

const atFormats = new Map<string, Intl.DateTimeFormat>();

function atFormat(timeZone: string): Intl.DateTimeFormat {
  let format = atFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    atFormats.set(timeZone, format);
  }
  return format;
}

/** "Mon 30 Nov, 14:00" in `timeZone`; the year only when it is not the current one there. */
export function atText(at: Date, timeZone: string, now: Date = new Date()): string {
  const parts = (date: Date) =>
    Object.fromEntries(
      atFormat(timeZone)
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
  const when = parts(at);
  const year = when.year === parts(now).year ? '' : ` ${when.year}`;
  return `${when.weekday} ${when.day} ${when.month}${year}, ${when.hour}:${when.minute}`;
}

/** A reminder in plain words, an instant read in the account's time zone. */
export function reminderText(reminder: Reminder, timeZone: string, now: Date = new Date()): string {
  return 'at' in reminder ? atText(reminder.at, timeZone, now) : minutesBeforeText(reminder.minutesBefore);
}

/** Identifies a reminder by what it means: two equal keys would fire at the same moment. */
export function reminderKey(reminder: Reminder): string {
  return 'at' in reminder ? `at ${reminder.at.getTime()}` : `before ${reminder.minutesBefore}`;
}

/** Same reminders, whatever their order. */
export function sameReminders(a: readonly Reminder[], b: readonly Reminder[]): boolean {
  if (a.length !== b.length) return false;
  const keys = a.map(reminderKey).sort();
  return b
    .map(reminderKey)
    .sort()
    .every((key, at) => key === keys[at]);
}

/** Soonest first: instants in time order, then relative ones from the latest to the due time itself. */
export function sortedReminders(reminders: readonly Reminder[]): Reminder[] {
  const rank = (reminder: Reminder) =>
    'at' in reminder ? [0, reminder.at.getTime()] : [1, -reminder.minutesBefore];
  return [...reminders].sort((a, b) => {
    const [kindA = 0, valueA = 0] = rank(a);
    const [kindB = 0, valueB = 0] = rank(b);
    return kindA - kindB || valueA - valueB;
  });
}

export type AddReminderRefusal = 'full' | 'duplicate' | 'needs-due-date' | null;

/** Why `reminder` cannot be added to `reminders` (null: it can). */
export function addRefusal(
  reminders: readonly Reminder[],
  reminder: Reminder,
  hasDueDate: boolean,
): AddReminderRefusal {
  if (reminders.length >= LIMITS.remindersPerTask) return 'full';
  if ('minutesBefore' in reminder && !hasDueDate) return 'needs-due-date';
  const key = reminderKey(reminder);
  return reminders.some((other) => reminderKey(other) === key) ? 'duplicate' : null;
}

import { browserTimeZone, calendarDayOf, calendarDaysBetween, formatTimeIn } from '../../../lib/time-zone';

export type DueTone = 'overdue' | 'today' | 'normal';

export interface DueLabel {
  text: string;
  /** The two parts of `text`, for styling; both are shown on every screen size. */
  day: string;
  time: string | null;
  tone: DueTone;
}

export interface DueLabelOptions {
  /** An all-day task's due date is 00:00Z of its calendar day and names that day in every zone. */
  allDay?: boolean;
  completed?: boolean;
  now?: Date;
  /** The zone whose days and clock the label uses: the account's, else the browser's. */
  timeZone?: string;
}

// Calendar days are UTC midnights (see time-zone.ts), so names and dates are read in UTC.
const WEEKDAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' });
const MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const FULL_DATE = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

function dayText(days: number, dueDay: Date, today: Date): string {
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (days > 1 && days < 7) return WEEKDAY.format(dueDay);
  if (days < -1 && days > -7) return `${-days} days ago`;
  return (dueDay.getUTCFullYear() === today.getUTCFullYear() ? MONTH_DAY : FULL_DATE).format(dueDay);
}

/**
 * "Today 9:00 AM", "Tomorrow", "Friday 6:00 PM", "3 days ago", "Mar 5": red when overdue, accent when
 * today. An all-day task never shows a time and is overdue only once its day is over.
 */
export function dueLabel(due: Date, options: DueLabelOptions = {}): DueLabel {
  const { allDay = false, completed = false, now = new Date(), timeZone = browserTimeZone() } = options;
  const today = calendarDayOf(now, timeZone);
  const dueDay = allDay ? due : calendarDayOf(due, timeZone);
  const days = calendarDaysBetween(today, dueDay);
  const day = dayText(days, dueDay, today);
  // A time reads well after a day name ("Friday 9:00 AM"), not after "3 days ago" or a date.
  const time = !allDay && days >= -1 && days < 7 ? formatTimeIn(due, timeZone) : null;
  const text = time ? `${day} ${time}` : day;
  const overdue = allDay ? days < 0 : due < now;
  const tone: DueTone = completed ? 'normal' : overdue ? 'overdue' : days === 0 ? 'today' : 'normal';
  return { text, day, time, tone };
}

import { addCalendarDays, browserTimeZone, calendarDayOf, calendarDaysBetween } from '../../../lib/time-zone';
import { UPCOMING_DAYS } from '../view/place-input';

interface Dated {
  dueDate: Date | null;
  allDay: boolean;
}

export interface UpcomingDay<T> {
  /** The calendar day, as 00:00Z of it (see time-zone.ts). */
  day: Date;
  /** "Today", "Tomorrow" or the weekday; with `date` ("Dec 3") it names the day. */
  name: string;
  date: string;
  tasks: T[];
}

interface DayOptions {
  now?: Date;
  timeZone?: string;
  count?: number;
}

// Calendar days are UTC midnights, so their names are read in UTC.
const WEEKDAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' });
const MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** The calendar day a task is due on in a zone: an all-day task's own day, a timed one's local day. */
export function dueDayOf(task: Dated, timeZone: string): Date | null {
  if (!task.dueDate) return null;
  return task.allDay ? task.dueDate : calendarDayOf(task.dueDate, timeZone);
}

/**
 * The next `count` days from today in the zone, each with its tasks in the given order, days without
 * tasks included (so the person sees the free days too). Tasks due outside those days are left out.
 */
export function groupByDay<T extends Dated>(tasks: readonly T[], options: DayOptions = {}): UpcomingDay<T>[] {
  const { now = new Date(), timeZone = browserTimeZone(), count = UPCOMING_DAYS } = options;
  const today = calendarDayOf(now, timeZone);
  const days: UpcomingDay<T>[] = Array.from({ length: count }, (_, offset) => {
    const day = addCalendarDays(today, offset);
    const name = offset === 0 ? 'Today' : offset === 1 ? 'Tomorrow' : WEEKDAY.format(day);
    return { day, name, date: MONTH_DAY.format(day), tasks: [] };
  });
  for (const task of tasks) {
    const due = dueDayOf(task, timeZone);
    if (!due) continue;
    days[calendarDaysBetween(today, due)]?.tasks.push(task);
  }
  return days;
}

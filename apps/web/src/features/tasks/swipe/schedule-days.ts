import { addCalendarDays, calendarDayOf } from '../../../lib/time-zone';

export interface ScheduleChoice {
  label: string;
  /** The all-day date (00:00Z of the calendar day). */
  day: Date;
}

/** Today, tomorrow and next Monday in the account's zone: the quick dates a swipe offers. */
export function scheduleChoices(now: Date, timeZone: string): ScheduleChoice[] {
  const today = calendarDayOf(now, timeZone);
  const toMonday = (8 - today.getUTCDay()) % 7 || 7;
  return [
    { label: 'Today', day: today },
    { label: 'Tomorrow', day: addCalendarDays(today, 1) },
    { label: 'Next week', day: addCalendarDays(today, toMonday) },
  ];
}

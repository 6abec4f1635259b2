import { differenceInCalendarDays, format } from 'date-fns';

export type DueTone = 'overdue' | 'today' | 'normal';

export interface DueLabel {
  text: string;
  /** The two parts of `text`, so a narrow screen can drop the time. */
  day: string;
  time: string | null;
  tone: DueTone;
}

// Quick add and the edit form store a day without a time as local midnight.
function hasTime(date: Date): boolean {
  return date.getHours() !== 0 || date.getMinutes() !== 0;
}

function dayText(days: number, due: Date, now: Date): string {
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (days > 1 && days < 7) return format(due, 'EEEE');
  if (days < -1 && days > -7) return `${-days} days ago`;
  return format(due, due.getFullYear() === now.getFullYear() ? 'MMM d' : 'MMM d, yyyy');
}

/** "Today 9:00 AM", "Tomorrow", "Friday 6:00 PM", "3 days ago", "Mar 5": red when overdue, accent when today. */
export function dueLabel(due: Date, now: Date = new Date(), completed = false): DueLabel {
  const days = differenceInCalendarDays(due, now);
  const day = dayText(days, due, now);
  // A time reads well after a day name ("Friday 9:00 AM"), not after "3 days ago" or a date.
  const time = hasTime(due) && days >= -1 && days < 7 ? format(due, 'h:mm a') : null;
  const text = time ? `${day} ${time}` : day;
  const overdue = days < 0 || (days === 0 && hasTime(due) && due < now);
  const tone: DueTone = completed ? 'normal' : overdue ? 'overdue' : days === 0 ? 'today' : 'normal';
  return { text, day, time, tone };
}

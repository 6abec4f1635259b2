import { calendarDayOf } from '../../../lib/time-zone';
import type { OccurrenceInput, RecurrenceEngine, TaskRecurrence } from './recurrence-engine';

/** The due date's calendar day (00:00Z): an all-day task's is its own, a timed one's is read in the zone. */
export function dueDayOf(dueDate: Date, allDay: boolean, timeZone: string): Date {
  return allDay ? dueDate : calendarDayOf(dueDate, timeZone);
}

export interface RecurrencePreview {
  /** "Every 2 weeks on Monday, from the due date". */
  summary: string;
  /** The next dates after the first due date. */
  next: Date[];
}

/** The summary and next dates of a schedule, or null when the engine cannot read the rule. */
export function previewOf(
  engine: RecurrenceEngine,
  input: OccurrenceInput,
  count = 3,
): RecurrencePreview | null {
  try {
    const day = dueDayOf(input.dueDate, input.allDay, input.timeZone);
    return { summary: engine.describe(input, day), next: engine.upcoming(input, count) };
  } catch {
    return null;
  }
}

/** "Repeats every week, from the due date": a row's repeat mark read out. */
export function repeatsLabel(
  engine: RecurrenceEngine | null,
  recurrence: TaskRecurrence,
  dueDate: Date | null,
) {
  if (!engine) return 'Repeats';
  try {
    const summary = engine.describe(recurrence, dueDate ?? undefined);
    return `Repeats ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`;
  } catch {
    return 'Repeats';
  }
}

const DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});

/** "Mon, Nov 30", or "Mon, Nov 30, 9:00 AM" for a timed task, in the account's zone. */
export function occurrenceText(date: Date, allDay: boolean, timeZone: string): string {
  if (allDay) return DAY.format(date);
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { parseRecurrenceRule, type RecurrenceRule } from '../schemas/recurrence-rule.js';
import { instantOf, wallClockAt } from './wall-clock.js';

export interface OccurrenceInput {
  rule: string;
  from: 'due' | 'completion';
  /** The task's current due date: an all-day task's is 00:00:00.000Z of its calendar day (it means that DAY in every zone); a timed task's is the instant. */
  dueDate: Date;
  allDay: boolean;
  /** When it was completed (for from: 'completion'); now by default. */
  completedAt?: Date;
  /** The user's IANA zone; a timed task keeps its local wall-clock time in this zone across DST. */
  timeZone: string;
  /** How many occurrences came before (for COUNT): the series' first task is 1. */
  occurrence?: number;
}

/**
 * The due date of the next occurrence, or null when the series is over (COUNT/UNTIL). For from:'due' the
 * next date strictly after dueDate per the rule anchored at dueDate; for from:'completion' the first date per
 * the rule anchored at the completion day (in the user's zone) that is after the completion day, keeping the
 * task's time of day (timed) — e.g. FREQ=DAILY;INTERVAL=3 from completion on the 10th → the 13th.
 */
export function nextOccurrence(input: OccurrenceInput): Date | null {
  return occurrences(input, 1)[0] ?? null;
}

/** The next `count` due dates after dueDate (for the UI's "next 3 dates"), same rules as from:'due'. */
export function upcomingOccurrences(input: OccurrenceInput, count: number): Date[] {
  return occurrences({ ...input, from: 'due' }, count);
}

function occurrences(input: OccurrenceInput, wanted: number): Date[] {
  const rule = parse(input.rule);
  // An all-day task's day is the same everywhere, so its series runs in UTC; a timed one in the user's zone.
  const zone = input.allDay ? 'UTC' : input.timeZone;
  const due = input.allDay
    ? wallClockAt(input.dueDate, 'UTC').toPlainDate().toPlainDateTime()
    : wallClockAt(input.dueDate, zone);

  let start = due;
  let searchFrom = due;
  let inclusive = false;
  if (input.from === 'completion') {
    const completionDay = wallClockAt(input.completedAt ?? new Date(), input.timeZone).toPlainDate();
    start = completionDay.toPlainDateTime(due.toPlainTime());
    // From the first moment of the next day: the first date after the completion day.
    searchFrom = completionDay.add({ days: 1 }).toPlainDateTime();
    inclusive = true;
  }

  // COUNT and UNTIL are applied here, not by rrule-temporal: the series is re-anchored at every task, so
  // its own COUNT would restart each time, and its UNTIL would compare with the wall-clock times below.
  const left = rule.count === undefined ? wanted : Math.min(wanted, rule.count - (input.occurrence ?? 1));
  // The pattern runs on wall-clock times written as UTC, which has no DST: rrule-temporal itself would drop
  // an occurrence whose time falls in the hour the clocks skip, where a task should still come due.
  const series = new RRuleTemporal({
    temporal: Temporal,
    rruleString: patternOf(input.rule),
    dtstart: start.toZonedDateTime('UTC'),
  });

  const found: Date[] = [];
  let cursor = searchFrom.toZonedDateTime('UTC');
  while (found.length < left) {
    const next = nextOf(series, cursor, inclusive);
    if (!next) break;
    const wallClock = next.toPlainDateTime();
    const instant = instantOf(wallClock, zone);
    if (rule.until && isAfterUntil(wallClock, instant, rule.until)) break;
    found.push(instant);
    cursor = next;
    inclusive = false;
  }
  return found;
}

function parse(text: string): RecurrenceRule {
  const parsed = parseRecurrenceRule(text.trim().toUpperCase());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
}

/** The rule without COUNT and UNTIL, which `occurrences` applies itself. */
function patternOf(text: string): string {
  const parts = text.trim().toUpperCase().split(';');
  return parts.filter((part) => !part.startsWith('COUNT=') && !part.startsWith('UNTIL=')).join(';');
}

function nextOf(
  series: RRuleTemporal<Temporal.ZonedDateTime>,
  after: Temporal.ZonedDateTime,
  inclusive: boolean,
): Temporal.ZonedDateTime | null {
  try {
    return series.next(after, inclusive);
  } catch (error) {
    // A rule no date satisfies has no next date; rrule-temporal gives up at its search limits. The schema
    // refuses the plain cases (February 30), not every one: FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2.
    if (error instanceof Error && error.message.startsWith('Maximum ')) return null;
    throw error;
  }
}

/** UNTIL=YYYYMMDD is the last day in the task's own terms; UNTIL=…Z an instant. */
function isAfterUntil(
  wallClock: Temporal.PlainDateTime,
  instant: Date,
  until: NonNullable<RecurrenceRule['until']>,
): boolean {
  if (!until.dateOnly) return instant.getTime() > until.at.getTime();
  const lastDay = wallClockAt(until.at, 'UTC').toPlainDate();
  return Temporal.PlainDate.compare(wallClock.toPlainDate(), lastDay) > 0;
}

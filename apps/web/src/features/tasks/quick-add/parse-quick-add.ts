import type { TaskPriority } from '@taskapp/shared';
import * as chrono from 'chrono-node';
import { addDays, startOfDay, startOfWeek } from 'date-fns';
import { instantOfWallClockIn, wallClockIn } from '../../../lib/time-zone';
import { findRecurrence, firstDayOf } from './parse-recurrence';
import { emptyDraft, type QuickAddDraft, type QuickAddMark, type QuickAddPick } from './quick-add-reading';
import { findTags, type NamedRef, sameName } from './quick-add-tags';

export type { QuickAddDraft, QuickAddMark, QuickAddPick } from './quick-add-reading';

export interface QuickAddOptions {
  /** The first day of the person's week (0 Sunday, 1 Monday, 6 Saturday), for "next week". */
  weekStart?: 0 | 1 | 6;
  /** Whose "today" and "3pm" the text means: the account's zone. The browser's when not given. */
  timeZone?: string;
  /** The person's projects and labels, which `#name` and `@name` are matched against. */
  projects?: NamedRef[];
  labels?: NamedRef[];
}

const QUOTED = /"[^"]*"/g;
const PRIORITY = /(^|\s)!(low|medium|high)(?=\s|$)/gi;
// Chrono leaves the word that introduces a date behind ("call mom on friday" → "call mom on").
const DANGLING_PREPOSITION = /\s+(on|at|by|due|in)$/i;

/** "the 1st", "the 15th": the next such day of a month, today included. */
const dayOfMonth: chrono.Parser = {
  pattern: () => /\bthe\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    const today = context.reference.instant;
    let month = new Date(today.getFullYear(), today.getMonth(), 1);
    if (today.getDate() > day) month = new Date(month.getFullYear(), month.getMonth() + 1, 1);
    // Skip months too short for the day ("the 31st" in November means December 31).
    while (new Date(month.getFullYear(), month.getMonth(), day).getDate() !== day) {
      month = new Date(month.getFullYear(), month.getMonth() + 1, 1);
    }
    return { day, month: month.getMonth() + 1, year: month.getFullYear() };
  },
};

const parser = chrono.casual.clone();
parser.parsers.push(dayOfMonth);

/** Replaces quoted text with spaces, so nothing inside quotes is read as a date or a priority. */
function maskQuoted(text: string): string {
  return text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
}

function cut(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
}

/** Whether a match is meant as a date, rather than a word that only looks like one. */
function isMeantAsDate(result: chrono.ParsedResult, text: string): boolean {
  const { start } = result;
  // "Email March report to Sam": a month on its own names a thing, not a day.
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('hour')) return false;
  // "Watch Friday Night Lights": a capitalised weekday inside a title, before another capitalised word.
  if (start.isCertain('weekday') && result.index > 0 && /^[A-Z]/.test(result.text)) {
    const nextWord = text.slice(result.index).match(/^\S+\s+(\S)/)?.[1];
    if (nextWord && /[A-Z]/.test(nextWord)) return false;
  }
  return true;
}

/** The moment a match means, with the readings people intend rather than chrono's literal ones. */
function dueMoment(result: chrono.ParsedResult, now: Date, weekStart: 0 | 1 | 6): Date {
  const { start } = result;
  const date = start.date();
  const hour = start.get('hour') ?? 0;
  const dayGiven = start.isCertain('day') || start.isCertain('weekday');
  // "Meeting at 3" means 3 PM: an hour from 1 to 7 without AM/PM is in the daytime.
  if (start.isCertain('hour') && !start.isCertain('meridiem') && hour >= 1 && hour <= 7) {
    const daytime = dayGiven ? date : new Date(now.getFullYear(), now.getMonth(), now.getDate());
    daytime.setHours(hour + 12, start.get('minute') ?? 0, 0, 0);
    return dayGiven || daytime > now ? daytime : addDays(daytime, 1);
  }
  // "next week" is the first day of next week, not seven days from now.
  if (/\bnext week\b/i.test(result.text) && !start.isCertain('weekday')) {
    const nextWeek = addDays(startOfWeek(startOfDay(now), { weekStartsOn: weekStart }), 7);
    nextWeek.setHours(date.getHours(), date.getMinutes(), 0, 0);
    return nextWeek;
  }
  return date;
}

/** A Date whose local fields read what `wall` (a wall clock written as UTC) reads. */
function asLocalWallClock(wall: Date): Date {
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );
}

/** The same wall-clock time on the first day on or after `moment`'s that the schedule falls on. */
function onFirstDay(repeat: Parameters<typeof firstDayOf>[0], moment: Date): Date {
  const from = { year: moment.getFullYear(), month: moment.getMonth(), day: moment.getDate() };
  const first = firstDayOf(repeat, from);
  const on = new Date(moment);
  on.setFullYear(first.year, first.month, first.day);
  return on;
}

/**
 * Reads `Pay rent tomorrow 9am #Home @errands !high` as a title, a due date, a project, labels and a
 * priority. Text in "double quotes" stays literal. Pure: `now` is the reference for relative dates, read
 * in the browser's zone.
 */
export function parseQuickAdd(
  input: string,
  now: Date = new Date(),
  options: QuickAddOptions = {},
): QuickAddDraft {
  return readQuickAdd(input, now, options).draft;
}

/** The draft, and where in the text each understood word is. */
export function readQuickAdd(
  input: string,
  now: Date = new Date(),
  { weekStart = 1, timeZone, projects = [], labels: knownLabels = [] }: QuickAddOptions = {},
): { draft: QuickAddDraft; marks: QuickAddMark[] } {
  // The field is empty on every page load: nothing to read, and chrono's first parse (building its
  // patterns) would cost the task screen's first render a long task on a phone.
  if (input.trim() === '') return { draft: emptyDraft(), marks: [] };
  const marks: QuickAddMark[] = [];
  let text = input;
  let project: QuickAddPick | null = null;
  const labels: QuickAddPick[] = [];
  // Tags first: `#"Two words"` holds quotes, and a project named "Friday" is not a date.
  for (const tag of findTags(input, projects, knownLabels)) {
    const pick = { name: tag.name, id: tag.id };
    if (tag.kind === 'project') project = pick;
    else if (!labels.some((label) => sameName(label.name, tag.name))) labels.push(pick);
    marks.push({ kind: tag.kind, start: tag.start, end: tag.end });
    text = cut(text, tag.start, tag.end);
  }
  let masked = maskQuoted(text);

  let priority: TaskPriority | null = null;
  for (const match of masked.matchAll(PRIORITY)) {
    // The last one wins, as when someone corrects themselves while typing.
    priority = match[2]?.toLowerCase() as TaskPriority;
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const end = (match.index ?? 0) + match[0].length;
    masked = cut(masked, start, end);
    text = cut(text, start, end);
    marks.push({ kind: 'priority', start, end });
  }

  // Read before dates, so chrono does not take "monday" out of "every monday".
  const repeat = findRecurrence(masked);
  if (repeat) {
    masked = cut(masked, repeat.start, repeat.end);
    text = cut(text, repeat.start, repeat.end);
    marks.push({ kind: 'recurrence', start: repeat.start, end: repeat.end });
  }

  let dueDate: Date | null = null;
  let allDay = false;
  // chrono reads the browser's clock; it is handed the account zone's wall clock instead, and its
  // answer's wall clock is read back in that zone.
  const reference = timeZone ? asLocalWallClock(wallClockIn(now, timeZone)) : now;
  const result = parser
    .parse(masked, reference, { forwardDate: true })
    .find((candidate) => isMeantAsDate(candidate, masked));
  if (result) {
    let moment = dueMoment(result, reference, weekStart);
    allDay = !result.start.isCertain('hour');
    // "every monday 9am": the time is on the schedule's first day, not on the next 9am.
    if (repeat && !result.start.isCertain('day') && !result.start.isCertain('weekday')) {
      moment = onFirstDay(repeat, moment);
    }
    const day = Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate());
    if (allDay) dueDate = new Date(day);
    else if (timeZone) {
      const wall = new Date(day + moment.getHours() * 3_600_000 + moment.getMinutes() * 60_000);
      dueDate = instantOfWallClockIn(wall, timeZone);
    } else dueDate = moment;
    text = cut(text, result.index, result.index + result.text.length);
    marks.push({ kind: 'date', start: result.index, end: result.index + result.text.length });
    const before = text.slice(0, result.index).trimEnd();
    const dangling = before.match(DANGLING_PREPOSITION);
    if (dangling) text = cut(text, before.length - dangling[0].trimStart().length, result.index);
  } else if (repeat) {
    // "every monday" alone is first due on the next Monday (today included), all day.
    const first = onFirstDay(repeat, reference);
    dueDate = new Date(Date.UTC(first.getFullYear(), first.getMonth(), first.getDate()));
    allDay = true;
  }

  const title = text
    .replace(QUOTED, (quoted) => quoted.slice(1, -1))
    .replace(/\s+/g, ' ')
    .trim();
  marks.sort((a, b) => a.start - b.start);
  const recurrence = repeat ? { rule: repeat.rule, from: repeat.from } : null;
  return { draft: { title, dueDate, allDay, priority, project, labels, recurrence }, marks };
}

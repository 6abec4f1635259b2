/**
 * Quick add's repeat phrases: "every day", "every weekday", "every mon, thu", "every 2 weeks", "every month
 * on the 15th", "every last friday", "every last day of the month", "every year"… read as an RFC 5545 RRULE
 * body. "every! 3 days" or "every 3 days after completion" repeats from the day it is done instead of the
 * due date. Only "every" followed by a schedule counts, so "Every little thing" stays a title.
 */

export interface RecurrenceMatch {
  rule: string;
  from: 'due' | 'completion';
  start: number;
  end: number;
  /** Whether a calendar day (as year, month 0-11, day) is one this schedule falls on, for the first due day. */
  fallsOn: (year: number, month: number, day: number) => boolean;
}

interface Schedule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  /** RRULE BYDAY values: 'MO', or with a month's nth ('-1FR', '2TU'). */
  byDay: string[];
  byMonthDay: number | null;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_NAMES: Record<string, (typeof WEEKDAYS)[number]> = {
  sunday: 'SU',
  sun: 'SU',
  monday: 'MO',
  mon: 'MO',
  tuesday: 'TU',
  tues: 'TU',
  tue: 'TU',
  wednesday: 'WE',
  wed: 'WE',
  thursday: 'TH',
  thurs: 'TH',
  thu: 'TH',
  friday: 'FR',
  fri: 'FR',
  saturday: 'SA',
  sat: 'SA',
};
const DAY = `(?:${Object.keys(DAY_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const DAY_LIST = `${DAY}(?:\\s*(?:,|&|\\band\\b)\\s*(?:and\\s+)?${DAY})*`;
const NUMBER_WORDS: Record<string, number> = {
  other: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
const NTH: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: -1,
};
const NTH_WORD = `(${Object.keys(NTH).join('|')})`;
const ORDINAL = '([1-9]|[12]\\d|3[01])(?:st|nd|rd|th)';
const OF_MONTH = '(?:\\s+of\\s+(?:the|every|each)\\s+month)?';
// Nothing but a space or punctuation may follow: "every month's bill" is not a schedule.
const END = "(?![\\w'’])";

const EVERY = /\bevery(!?)\s+/gi;
const AFTER_COMPLETION = new RegExp(`\\s+after\\s+(?:completion|completing|done|it'?s\\s+done)${END}`, 'iy');

function dayCodes(list: string): string[] {
  const codes: string[] =
    list.match(new RegExp(DAY, 'gi'))?.map((name) => DAY_NAMES[name.toLowerCase()] ?? 'MO') ?? [];
  // Monday first, the order the recurrence editor writes, so opening the task there changes nothing.
  return [...WEEKDAYS.slice(1), 'SU'].filter((code) => codes.includes(code));
}

function countOf(word: string | undefined): number {
  if (!word) return 1;
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

function nthOf(word: string | undefined): number {
  return NTH[word?.toLowerCase() ?? ''] ?? 1;
}

/** Each form quick add knows, tried in order at the text right after "every". */
const FORMS: Array<{ pattern: RegExp; read: (match: RegExpExecArray) => Schedule | null }> = [
  {
    pattern: new RegExp(`(?:weekday|workday)s?${END}`, 'iy'),
    read: () => ({ freq: 'WEEKLY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], byMonthDay: null }),
  },
  {
    pattern: new RegExp(`weekends?${END}`, 'iy'),
    read: () => ({ freq: 'WEEKLY', interval: 1, byDay: ['SA', 'SU'], byMonthDay: null }),
  },
  {
    pattern: new RegExp(`last\\s+day${OF_MONTH}${END}`, 'iy'),
    read: () => ({ freq: 'MONTHLY', interval: 1, byDay: [], byMonthDay: -1 }),
  },
  {
    pattern: new RegExp(`${NTH_WORD}\\s+(${DAY})${OF_MONTH}${END}`, 'iy'),
    read: (m) => ({
      freq: 'MONTHLY',
      interval: 1,
      byDay: [`${nthOf(m[1])}${dayCodes(m[2] ?? '')[0]}`],
      byMonthDay: null,
    }),
  },
  {
    pattern: new RegExp(`${ORDINAL}${OF_MONTH}${END}`, 'iy'),
    read: (m) => ({ freq: 'MONTHLY', interval: 1, byDay: [], byMonthDay: Number(m[1]) }),
  },
  {
    pattern: new RegExp(`(${DAY_LIST})${END}`, 'iy'),
    read: (m) => ({ freq: 'WEEKLY', interval: 1, byDay: dayCodes(m[1] ?? ''), byMonthDay: null }),
  },
  {
    pattern: new RegExp(`(?:${COUNT}\\s+)?days?${END}`, 'iy'),
    read: (m) => ({ freq: 'DAILY', interval: countOf(m[1]), byDay: [], byMonthDay: null }),
  },
  {
    pattern: new RegExp(`(?:${COUNT}\\s+)?weeks?(?:\\s+on\\s+(${DAY_LIST}))?${END}`, 'iy'),
    read: (m) => ({ freq: 'WEEKLY', interval: countOf(m[1]), byDay: dayCodes(m[2] ?? ''), byMonthDay: null }),
  },
  {
    pattern: new RegExp(
      `(?:${COUNT}\\s+)?months?(?:\\s+on\\s+the\\s+(?:${ORDINAL}|(last\\s+day)|${NTH_WORD}\\s+(${DAY})))?${END}`,
      'iy',
    ),
    read: (m) => ({
      freq: 'MONTHLY',
      interval: countOf(m[1]),
      byDay: m[4] ? [`${nthOf(m[4])}${dayCodes(m[5] ?? '')[0]}`] : [],
      byMonthDay: m[2] ? Number(m[2]) : m[3] ? -1 : null,
    }),
  },
  {
    pattern: new RegExp(`(?:${COUNT}\\s+)?years?${END}`, 'iy'),
    read: (m) => ({ freq: 'YEARLY', interval: countOf(m[1]), byDay: [], byMonthDay: null }),
  },
];

function ruleOf({ freq, interval, byDay, byMonthDay }: Schedule): string {
  const parts = [`FREQ=${freq}`];
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (byDay.length > 0) parts.push(`BYDAY=${byDay.join(',')}`);
  if (byMonthDay !== null) parts.push(`BYMONTHDAY=${byMonthDay}`);
  return parts.join(';');
}

/** Whether a day matches the schedule's days; a schedule without any falls on every day. */
function fallsOnOf({ byDay, byMonthDay }: Schedule) {
  return (year: number, month: number, day: number): boolean => {
    const date = new Date(Date.UTC(year, month, day));
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    if (byMonthDay !== null) return byMonthDay === -1 ? day === lastDay : day === byMonthDay;
    if (byDay.length === 0) return true;
    const weekday = WEEKDAYS[date.getUTCDay()] ?? 'SU';
    return byDay.some((code) => {
      const nth = Number(code.slice(0, -2) || 0);
      if (code.slice(-2) !== weekday) return false;
      if (nth === 0) return true;
      return nth > 0 ? Math.ceil(day / 7) === nth : day > lastDay - 7;
    });
  };
}

/** The first repeat phrase in `text`, or null. */
export function findRecurrence(text: string): RecurrenceMatch | null {
  for (const every of text.matchAll(EVERY)) {
    const at = (every.index ?? 0) + every[0].length;
    for (const { pattern, read } of FORMS) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      const schedule = match ? read(match) : null;
      if (!match || !schedule || schedule.interval < 1) continue;
      let end = at + match[0].length;
      AFTER_COMPLETION.lastIndex = end;
      const after = AFTER_COMPLETION.exec(text);
      if (after) end += after[0].length;
      return {
        rule: ruleOf(schedule),
        from: every[1] === '!' || after ? 'completion' : 'due',
        start: every.index ?? 0,
        end,
        fallsOn: fallsOnOf(schedule),
      };
    }
  }
  return null;
}

/** The first day on or after the given one that the schedule falls on, as year, month (0-11) and day. */
export function firstDayOf(
  recurrence: Pick<RecurrenceMatch, 'fallsOn'>,
  from: { year: number; month: number; day: number },
): { year: number; month: number; day: number } {
  // A schedule falls on some day within 13 months ("the 31st" may skip a few months).
  for (let offset = 0; offset < 400; offset += 1) {
    const date = new Date(Date.UTC(from.year, from.month, from.day + offset));
    const day = { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
    if (recurrence.fallsOn(day.year, day.month, day.day)) return day;
  }
  return from;
}

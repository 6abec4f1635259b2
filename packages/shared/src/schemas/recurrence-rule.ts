/**
 * Reads the RRULE bodies tasks may use (the subset of RFC 5545 the app supports) without rrule-temporal,
 * so the schema that checks them stays small enough for the first page's JavaScript.
 */

export const RECURRENCE_RULE_MAX = 200;
export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

export interface RecurrenceRule {
  freq: RecurrenceFrequency;
  interval: number;
  /** `nth` (e.g. -1 in -1FR, the last Friday) only with MONTHLY and YEARLY. */
  byDay: { weekday: Weekday; nth?: number }[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  count?: number;
  /** `dateOnly`: UNTIL=YYYYMMDD, the last day the series may fall on; `at` is then that day's 00:00Z. */
  until?: { at: Date; dateOnly: boolean };
}

export type ParsedRecurrenceRule = { ok: true; rule: RecurrenceRule } | { ok: false; message: string };

const SUPPORTED_KEYS = 'FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL';
// Leap years count: a rule on February 29 is possible, just rare.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

class RuleError extends Error {}

function fail(message: string): never {
  throw new RuleError(`Repeat rule: ${message}`);
}

function integer(key: string, text: string, min: number, max: number, allowZero = true): number {
  const value = /^[+-]?\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max) || (!allowZero && value === 0)) {
    fail(`${key} must be a whole number from ${min} to ${max}${allowZero ? '' : ', not 0'}`);
  }
  return value;
}

function integers(key: string, text: string, min: number, max: number): number[] {
  return text.split(',').map((item) => integer(key, item, min, max, false));
}

function parseUntil(text: string): { at: Date; dateOnly: boolean } {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(text);
  const [year, month, day, hour, minute, second] = (match?.slice(1) ?? []).map((part) => Number(part ?? 0));
  const at = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second));
  const real =
    match &&
    at.getUTCFullYear() === year &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second;
  if (!real) fail('UNTIL must be a date as YYYYMMDD or a UTC time as YYYYMMDDTHHMMSSZ');
  return { at, dateOnly: match[4] === undefined };
}

function parseByDay(text: string): RecurrenceRule['byDay'] {
  return text.split(',').map((item) => {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) fail(`BYDAY takes weekdays MO to SU, optionally numbered as in 2TU or -1FR, not "${item}"`);
    const weekday = match[2] as Weekday;
    return match[1] === undefined
      ? { weekday }
      : { weekday, nth: integer('a BYDAY number', match[1], -53, 53, false) };
  });
}

function read(text: string): RecurrenceRule {
  if (text.length > RECURRENCE_RULE_MAX) fail(`use at most ${RECURRENCE_RULE_MAX} characters`);
  if (text === '') fail('give a rule such as FREQ=WEEKLY;BYDAY=MO');
  if (text.startsWith('RRULE:')) fail('leave out "RRULE:" and give only the rule, such as FREQ=DAILY');

  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) fail(`"${part}" is not KEY=VALUE`);
    const [, key = '', value = ''] = match;
    if (parts.has(key)) fail(`${key} is given twice`);
    parts.set(key, value);
  }

  const rule: RecurrenceRule = {
    freq: 'DAILY',
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
    bySetPos: [],
  };
  for (const [key, value] of parts) {
    if (key === 'FREQ') {
      if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(value)) {
        fail('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
      }
      rule.freq = value as RecurrenceFrequency;
    } else if (key === 'INTERVAL') rule.interval = integer(key, value, 1, 999);
    else if (key === 'COUNT') rule.count = integer(key, value, 1, 1000);
    else if (key === 'UNTIL') rule.until = parseUntil(value);
    else if (key === 'BYDAY') rule.byDay = parseByDay(value);
    else if (key === 'BYMONTHDAY') rule.byMonthDay = integers(key, value, -31, 31);
    else if (key === 'BYMONTH') rule.byMonth = integers(key, value, 1, 12);
    else if (key === 'BYSETPOS') rule.bySetPos = integers(key, value, -366, 366);
    else fail(`${key} is not supported; use ${SUPPORTED_KEYS}`);
  }

  if (!parts.has('FREQ')) fail('FREQ is required, such as FREQ=WEEKLY');
  if (rule.count !== undefined && rule.until) fail('use COUNT or UNTIL, not both');
  const monthly = rule.freq === 'MONTHLY';
  const numbered = rule.byDay.filter((day) => day.nth !== undefined);
  if (numbered.length > 0 && !monthly && rule.freq !== 'YEARLY') {
    fail('numbered weekdays such as 2TU or -1FR need FREQ=MONTHLY or FREQ=YEARLY');
  }
  if (monthly && numbered.some((day) => Math.abs(day.nth ?? 0) > 5)) {
    fail('with FREQ=MONTHLY a numbered weekday goes from -5 to 5, as in 2TU or -1FR');
  }
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length > 0) fail('BYMONTHDAY does not go with FREQ=WEEKLY');
  if (rule.bySetPos.length > 0 && !rule.byDay.length && !rule.byMonthDay.length && !rule.byMonth.length) {
    fail('BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to pick from');
  }
  const fits = (day: number) =>
    rule.byMonth.some((month) => Math.abs(day) <= (DAYS_IN_MONTH[month - 1] ?? 0));
  if (rule.byMonth.length > 0 && rule.byMonthDay.length > 0 && !rule.byMonthDay.some(fits)) {
    fail('none of the BYMONTH months has that BYMONTHDAY, so it would never repeat');
  }
  return rule;
}

/** Expects the rule already trimmed and in capitals, as `recurrenceSchema` makes it. */
export function parseRecurrenceRule(text: string): ParsedRecurrenceRule {
  try {
    return { ok: true, rule: read(text) };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, message: error.message };
    throw error;
  }
}

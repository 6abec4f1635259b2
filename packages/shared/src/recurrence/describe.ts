import {
  parseRecurrenceRule,
  type RecurrenceRule,
  WEEKDAYS,
  type Weekday,
} from '../schemas/recurrence-rule.js';

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Plain English: "Every day", "Every weekday", "Every 2 weeks on Monday and Thursday", "Every month on the
 * 15th", "Every month on the last day", "Every month on the last Friday", "Every year on March 3", "…, 5
 * times", "…, until Jan 1, 2027", then ", from the due date" / ", after completion".
 *
 * `dueDate` names what the rule leaves to the series' start (the weekday of FREQ=WEEKLY, the day of
 * FREQ=MONTHLY, the date of FREQ=YEARLY). Its calendar day is read in UTC, which is an all-day task's day;
 * for a timed task pass its local day as 00:00Z of that day.
 */
export function describeRecurrence(
  recurrence: { rule: string; from: 'due' | 'completion' },
  dueDate?: Date,
): string {
  const parsed = parseRecurrenceRule(recurrence.rule.trim().toUpperCase());
  if (!parsed.ok) throw new Error(parsed.message);
  const rule = parsed.rule;

  const parts = [schedule(rule, dueDate)];
  if (rule.count !== undefined) parts.push(rule.count === 1 ? 'once' : `${rule.count} times`);
  if (rule.until) parts.push(`until ${shortDate(rule.until.at)}`);
  parts.push(recurrence.from === 'due' ? 'from the due date' : 'after completion');
  return parts.join(', ');
}

function schedule(rule: RecurrenceRule, dueDate: Date | undefined): string {
  const plainWeekdays = rule.interval === 1 && rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY';
  if (plainWeekdays && isWeekdays(rule.byDay) && !rule.byMonthDay.length && !rule.bySetPos.length) {
    return joinWords(['Every weekday', inMonths(rule)]);
  }
  const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[rule.freq];
  const every = rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`;
  if (rule.freq === 'YEARLY') return joinWords([every, onInYear(rule, dueDate)]);
  return joinWords([every, onInPeriod(rule, dueDate), inMonths(rule)]);
}

/** What picks the days within a day, week or month: "on Monday and Thursday", "on the last Friday". */
function onInPeriod(rule: RecurrenceRule, dueDate: Date | undefined): string {
  if (rule.bySetPos.length) return `on ${setPositions(rule)}`;
  if (rule.byDay.length && rule.byMonthDay.length) {
    return `on the ${list(rule.byMonthDay.map(monthDay))} when it is a ${list(rule.byDay.map(dayName), 'or')}`;
  }
  if (rule.byDay.length && rule.freq === 'MONTHLY') return `on ${list(rule.byDay.map(dayOfMonth))}`;
  if (rule.byDay.length) return `on ${list(rule.byDay.map(dayName))}`;
  if (rule.byMonthDay.length) return `on the ${list(rule.byMonthDay.map(monthDay))}`;
  if (!dueDate) return '';
  if (rule.freq === 'WEEKLY') return `on ${DAY_NAMES[weekdayOf(dueDate)]}`;
  if (rule.freq === 'MONTHLY') return `on the ${ordinal(dueDate.getUTCDate())}`;
  return '';
}

function onInYear(rule: RecurrenceRule, dueDate: Date | undefined): string {
  const months = list(rule.byMonth.map(monthName));
  const ofMonths = rule.byMonth.length ? `of ${months}` : 'of every month';
  if (rule.bySetPos.length)
    return `on ${setPositions(rule)} ${rule.byMonth.length ? `of ${months}` : 'of the year'}`;
  if (rule.byMonthDay.length) {
    const days = rule.byMonthDay;
    if (rule.byMonth.length === 1 && days.every((day) => day > 0))
      return `on ${months} ${list(days.map(String))}`;
    return `on the ${list(days.map(monthDay))} ${ofMonths}`;
  }
  if (rule.byDay.length) {
    const days = list(rule.byDay.map(dayOfMonth));
    return `on ${days} ${rule.byMonth.length ? `of ${months}` : 'of the year'}`;
  }
  const day = dueDate?.getUTCDate();
  if (rule.byMonth.length) return day ? `on the ${ordinal(day)} of ${months}` : `in ${months}`;
  return dueDate ? `on ${monthName(dueDate.getUTCMonth() + 1)} ${day}` : '';
}

function inMonths(rule: RecurrenceRule): string {
  return rule.byMonth.length ? `in ${list(rule.byMonth.map(monthName))}` : '';
}

/** BYSETPOS picks from the days the rest of the rule gives: "the last weekday", "the 1st Monday or Friday". */
function setPositions(rule: RecurrenceRule): string {
  const positions = list(rule.bySetPos.map(position), 'and');
  if (isWeekdays(rule.byDay)) return `the ${positions} weekday`;
  if (rule.byDay.length) return `the ${positions} ${list(rule.byDay.map(dayName), 'or')}`;
  return `the ${positions} day`;
}

function isWeekdays(days: RecurrenceRule['byDay']): boolean {
  const names = new Set<string>(days.map((day) => (day.nth === undefined ? day.weekday : '')));
  return names.size === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((day) => names.has(day));
}

function dayName(day: RecurrenceRule['byDay'][number]): string {
  return DAY_NAMES[day.weekday];
}

/** 2TU → "the 2nd Tuesday", -1FR → "the last Friday", MO → "every Monday". */
function dayOfMonth(day: RecurrenceRule['byDay'][number]): string {
  return day.nth === undefined ? `every ${dayName(day)}` : `the ${position(day.nth)} ${dayName(day)}`;
}

/** 15 → "15th", -1 → "last day", -2 → "2nd to last day". */
function monthDay(day: number): string {
  return day > 0 ? ordinal(day) : `${position(day)} day`;
}

/** 2 → "2nd", -1 → "last", -2 → "2nd to last". */
function position(n: number): string {
  if (n === -1) return 'last';
  return n > 0 ? ordinal(n) : `${ordinal(-n)} to last`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

function weekdayOf(date: Date): Weekday {
  return WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'MO';
}

/** "Jan 1, 2027", the UTC calendar day. */
function shortDate(date: Date): string {
  return `${monthName(date.getUTCMonth() + 1).slice(0, 3)} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

function joinWords(words: string[]): string {
  return words.filter(Boolean).join(' ');
}

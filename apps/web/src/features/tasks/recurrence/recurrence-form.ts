/**
 * The recurrence editor's choices and the RRULE body they make. A rule the presets cannot show exactly
 * (BYMONTH, BYSETPOS, several month days…) opens as a custom rule, so nothing in it is lost by opening it.
 */

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export const PRESETS = ['none', 'daily', 'weekdays', 'weekly', 'monthly', 'yearly', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const MONTHLY_MODES = ['due-day', 'day', 'last-day', 'nth-weekday'] as const;
export type MonthlyMode = (typeof MONTHLY_MODES)[number];
export const NTHS = [1, 2, 3, 4, -1] as const;
export type Nth = (typeof NTHS)[number];
export const ENDS = ['never', 'count', 'until'] as const;
export type Ends = (typeof ENDS)[number];

export interface RecurrenceFormState {
  preset: Preset;
  /** Every N days, weeks, months or years. */
  interval: number;
  /** None picked: the due date's weekday. */
  weekdays: WeekdayCode[];
  /** 'due-day': the due date's day of the month. */
  monthly: MonthlyMode;
  monthDay: number;
  nth: Nth;
  nthWeekday: WeekdayCode;
  ends: Ends;
  count: number;
  /** YYYY-MM-DD: the last day the series may fall on. */
  until: string;
  /** The rule as typed, for the custom preset. */
  custom: string;
}

const WEEKDAYS_RULE = 'MO,TU,WE,TH,FR';
const FREQ_OF: Partial<Record<Preset, string>> = {
  daily: 'DAILY',
  weekdays: 'WEEKLY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/** Choices that follow the due date: weekly on its weekday, monthly on its day of the month. */
export function defaultFormState(dueDay: Date | null): RecurrenceFormState {
  const day = dueDay ?? new Date();
  const weekday = WEEKDAY_CODES[(day.getUTCDay() + 6) % 7] ?? 'MO';
  const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    preset: 'none',
    interval: 1,
    weekdays: [weekday],
    monthly: 'day',
    monthDay: day.getUTCDate(),
    // The 27th of a 30-day month is its last Friday, however many came before.
    nth: day.getUTCDate() > lastDay - 7 ? -1 : (Math.ceil(day.getUTCDate() / 7) as Nth),
    nthWeekday: weekday,
    ends: 'never',
    count: 10,
    until: '',
    custom: '',
  };
}

function partsOf(rule: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const part of rule.trim().toUpperCase().split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || !value || extra !== undefined || parts.has(key)) return null;
    parts.set(key, value);
  }
  return parts;
}

function positive(text: string | undefined): number | null {
  return text && /^\d{1,3}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** The editor's choices for a rule (`dueDay` fills what the rule leaves open). */
export function formStateOf(rule: string | null, dueDay: Date | null): RecurrenceFormState {
  const state = defaultFormState(dueDay);
  if (!rule) return state;
  const custom = { ...state, preset: 'custom' as const, custom: rule };
  const parts = partsOf(rule);
  if (!parts) return custom;
  const take = (key: string) => {
    const value = parts.get(key);
    parts.delete(key);
    return value;
  };
  const freq = take('FREQ');
  const interval = take('INTERVAL');
  const byDay = take('BYDAY');
  const byMonthDay = take('BYMONTHDAY');
  const count = take('COUNT');
  const until = take('UNTIL');
  // Parts the presets cannot show, or a count together with an end date, stay a custom rule.
  if (parts.size > 0 || (count && until)) return custom;
  const next: RecurrenceFormState = {
    ...state,
    interval: interval === undefined ? 1 : (positive(interval) ?? 0),
  };
  if (next.interval === 0) return custom;
  if (count) {
    const n = positive(count);
    if (n === null) return custom;
    Object.assign(next, { ends: 'count', count: n });
  }
  if (until) {
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
    if (!match) return custom;
    Object.assign(next, { ends: 'until', until: `${match[1]}-${match[2]}-${match[3]}` });
  }
  const days = byDay?.split(',') ?? [];
  const plainDays = days.every((day) => (WEEKDAY_CODES as readonly string[]).includes(day));

  if (freq === 'DAILY' && !byDay && !byMonthDay) return { ...next, preset: 'daily' };
  if (freq === 'YEARLY' && !byDay && !byMonthDay) return { ...next, preset: 'yearly' };
  if (freq === 'WEEKLY' && !byMonthDay && plainDays) {
    if (byDay === WEEKDAYS_RULE && next.interval === 1) return { ...next, preset: 'weekdays' };
    const weekdays = WEEKDAY_CODES.filter((day) => days.includes(day));
    // The rule's own order is kept only if it is the usual one, so saving it again changes nothing.
    if (byDay && weekdays.join(',') !== byDay) return custom;
    return { ...next, preset: 'weekly', weekdays };
  }
  if (freq === 'MONTHLY' && !(byDay && byMonthDay)) {
    if (!byDay && !byMonthDay) return { ...next, preset: 'monthly', monthly: 'due-day' };
    if (byMonthDay === '-1') return { ...next, preset: 'monthly', monthly: 'last-day' };
    const day = positive(byMonthDay);
    if (day !== null && day <= 31) return { ...next, preset: 'monthly', monthly: 'day', monthDay: day };
    const nth = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '');
    if (nth) {
      return {
        ...next,
        preset: 'monthly',
        monthly: 'nth-weekday',
        nth: Number(nth[1]) as Nth,
        nthWeekday: nth[2] as WeekdayCode,
      };
    }
  }
  return custom;
}

/**
 * The choices after picking another preset: "every 3 days" made weekly is every week, not every 3 weeks;
 * a custom rule starts from the rule shown so far.
 */
export function withPreset(state: RecurrenceFormState, preset: Preset): RecurrenceFormState {
  if (preset === state.preset) return state;
  const custom = preset === 'custom' ? (ruleOfForm(state) ?? '') : state.custom;
  return { ...state, preset, interval: 1, custom };
}

/** The RRULE body the choices make, or null for "does not repeat". */
export function ruleOfForm(state: RecurrenceFormState): string | null {
  if (state.preset === 'none') return null;
  if (state.preset === 'custom') return state.custom.trim().toUpperCase();
  const parts = [`FREQ=${FREQ_OF[state.preset]}`];
  if (state.interval > 1 && state.preset !== 'weekdays') parts.push(`INTERVAL=${state.interval}`);
  if (state.preset === 'weekdays') parts.push(`BYDAY=${WEEKDAYS_RULE}`);
  if (state.preset === 'weekly' && state.weekdays.length > 0) {
    parts.push(`BYDAY=${WEEKDAY_CODES.filter((day) => state.weekdays.includes(day)).join(',')}`);
  }
  if (state.preset === 'monthly') {
    if (state.monthly === 'day') parts.push(`BYMONTHDAY=${state.monthDay}`);
    if (state.monthly === 'last-day') parts.push('BYMONTHDAY=-1');
    if (state.monthly === 'nth-weekday') parts.push(`BYDAY=${state.nth}${state.nthWeekday}`);
  }
  if (state.ends === 'count') parts.push(`COUNT=${state.count}`);
  if (state.ends === 'until' && state.until) parts.push(`UNTIL=${state.until.replaceAll('-', '')}`);
  return parts.join(';');
}

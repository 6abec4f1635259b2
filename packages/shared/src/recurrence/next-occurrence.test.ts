import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextOccurrence, type OccurrenceInput, upcomingOccurrences } from './index.js';

/** UTC, two zones with DST on different dates (2026: Berlin 03-29 and 10-25, New York 03-08 and 11-01), and a half-hour offset. */
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'] as const;
type Zone = (typeof ZONES)[number];

/**
 * Timed cases give `due`, `completed` and `next` as wall-clock times in the zone under test, so each case
 * holds in every zone; all-day cases give calendar days (`completed` stays a local time: the completion
 * day is the user's). `next` may differ by zone where the wall-clock time does not exist there.
 */
interface Case {
  name: string;
  rule: string;
  from?: 'due' | 'completion';
  allDay?: boolean;
  due: string;
  completed?: string;
  occurrence?: number;
  next: string | null | ({ default: string | null } & Partial<Record<Zone, string | null>>);
}

const CASES: Case[] = [
  // Daily and intervals, across both DST changes of both zones
  {
    name: 'daily over Berlin spring-forward',
    rule: 'FREQ=DAILY',
    due: '2026-03-28T09:00',
    next: '2026-03-29T09:00',
  },
  {
    name: 'daily over New York spring-forward',
    rule: 'FREQ=DAILY',
    due: '2026-03-07T09:00',
    next: '2026-03-08T09:00',
  },
  {
    name: 'daily over Berlin fall-back',
    rule: 'FREQ=DAILY',
    due: '2026-10-24T09:00',
    next: '2026-10-25T09:00',
  },
  {
    name: 'daily over New York fall-back',
    rule: 'FREQ=DAILY',
    due: '2026-10-31T18:30',
    next: '2026-11-01T18:30',
  },
  {
    name: 'daily at 02:30 into the hour Berlin skips: 03:30 there',
    rule: 'FREQ=DAILY',
    due: '2026-03-28T02:30',
    next: { default: '2026-03-29T02:30', 'Europe/Berlin': '2026-03-29T03:30' },
  },
  {
    name: 'daily at 02:30 into the hour New York skips: 03:30 there',
    rule: 'FREQ=DAILY',
    due: '2026-03-07T02:30',
    next: { default: '2026-03-08T02:30', 'America/New_York': '2026-03-08T03:30' },
  },
  {
    name: 'daily at 02:30 on the night it happens twice',
    rule: 'FREQ=DAILY',
    due: '2026-10-24T02:30',
    next: '2026-10-25T02:30',
  },
  {
    name: 'every 2 days over DST',
    rule: 'FREQ=DAILY;INTERVAL=2',
    due: '2026-03-27T09:00',
    next: '2026-03-29T09:00',
  },
  {
    name: 'every 3 days, all-day',
    rule: 'FREQ=DAILY;INTERVAL=3',
    allDay: true,
    due: '2026-01-10',
    next: '2026-01-13',
  },
  {
    name: 'daily into a new year, all-day',
    rule: 'FREQ=DAILY',
    allDay: true,
    due: '2026-12-31',
    next: '2027-01-01',
  },
  {
    name: 'daily, all-day, on the night clocks change',
    rule: 'FREQ=DAILY',
    allDay: true,
    due: '2026-11-01',
    next: '2026-11-02',
  },

  // Weekdays
  {
    name: 'weekdays: Friday to Monday over DST',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    due: '2026-03-27T09:00',
    next: '2026-03-30T09:00',
  },
  {
    name: 'weekdays as DAILY;BYDAY, all-day',
    rule: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    allDay: true,
    due: '2026-10-30',
    next: '2026-11-02',
  },
  {
    name: 'weekdays: Tuesday to Wednesday',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    due: '2026-11-03T07:45',
    next: '2026-11-04T07:45',
  },

  // Specific weekdays
  {
    name: 'Monday and Thursday: Monday to Thursday',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    due: '2026-03-23T08:00',
    next: '2026-03-26T08:00',
  },
  {
    name: 'Monday and Thursday: Thursday to Monday over DST',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    due: '2026-03-26T08:00',
    next: '2026-03-30T08:00',
  },
  {
    name: 'Monday and Thursday from a Tuesday due date',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    due: '2026-03-24T08:00',
    next: '2026-03-26T08:00',
  },
  {
    name: 'weekly on the due date weekday over DST',
    rule: 'FREQ=WEEKLY',
    due: '2026-10-24T10:00',
    next: '2026-10-31T10:00',
  },

  // Every 2 weeks
  {
    name: 'every 2 weeks, all-day, over DST',
    rule: 'FREQ=WEEKLY;INTERVAL=2',
    allDay: true,
    due: '2026-10-19',
    next: '2026-11-02',
  },
  {
    name: 'every 2 weeks on Mon and Thu: same week',
    rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    due: '2026-03-02T09:00',
    next: '2026-03-05T09:00',
  },
  {
    name: 'every 2 weeks on Mon and Thu: skips a week, over DST',
    rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    due: '2026-03-05T09:00',
    next: '2026-03-16T09:00',
  },

  // The 15th
  {
    name: 'the 15th over DST',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=15',
    due: '2026-02-15T09:00',
    next: '2026-03-15T09:00',
  },
  {
    name: 'the 15th, all-day',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=15',
    allDay: true,
    due: '2026-10-15',
    next: '2026-11-15',
  },
  {
    name: 'the 15th from a due date after it',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=15',
    due: '2026-03-20T12:00',
    next: '2026-04-15T12:00',
  },

  // The last day of the month (BYMONTHDAY=-1): what "every month on the 31st" usually means
  {
    name: 'last day: January to February',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
    allDay: true,
    due: '2026-01-31',
    next: '2026-02-28',
  },
  {
    name: 'last day: February to March',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
    allDay: true,
    due: '2026-02-28',
    next: '2026-03-31',
  },
  {
    name: 'last day, timed, over DST',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
    due: '2026-03-31T17:00',
    next: '2026-04-30T17:00',
  },
  {
    name: 'last day of a leap February',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
    allDay: true,
    due: '2028-01-31',
    next: '2028-02-29',
  },

  // BYMONTHDAY=31 follows RFC 5545: months without a 31st are skipped, not clamped
  {
    name: 'the 31st skips April',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=31',
    allDay: true,
    due: '2026-03-31',
    next: '2026-05-31',
  },
  {
    name: 'the 31st skips February',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=31',
    allDay: true,
    due: '2026-01-31',
    next: '2026-03-31',
  },
  {
    name: 'monthly from the 31st skips February too',
    rule: 'FREQ=MONTHLY',
    due: '2026-01-31T09:00',
    next: '2026-03-31T09:00',
  },
  {
    name: 'the 30th skips February',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=30',
    allDay: true,
    due: '2026-01-30',
    next: '2026-03-30',
  },

  // Last Friday, 2nd Tuesday
  {
    name: 'last Friday: January to February',
    rule: 'FREQ=MONTHLY;BYDAY=-1FR',
    allDay: true,
    due: '2026-01-30',
    next: '2026-02-27',
  },
  {
    name: 'last Friday over both fall-backs',
    rule: 'FREQ=MONTHLY;BYDAY=-1FR',
    due: '2026-10-30T16:00',
    next: '2026-11-27T16:00',
  },
  {
    name: 'last Friday from the 1st',
    rule: 'FREQ=MONTHLY;BYDAY=-1FR',
    due: '2026-03-01T16:00',
    next: '2026-03-27T16:00',
  },
  {
    name: '2nd Tuesday over DST',
    rule: 'FREQ=MONTHLY;BYDAY=2TU',
    due: '2026-03-10T10:00',
    next: '2026-04-14T10:00',
  },
  {
    name: '2nd Tuesday, all-day',
    rule: 'FREQ=MONTHLY;BYDAY=2TU',
    allDay: true,
    due: '2026-10-13',
    next: '2026-11-10',
  },

  // Yearly
  { name: 'yearly, all-day', rule: 'FREQ=YEARLY', allDay: true, due: '2026-03-03', next: '2027-03-03' },
  {
    name: 'yearly from February 29 skips to the next leap year',
    rule: 'FREQ=YEARLY',
    allDay: true,
    due: '2028-02-29',
    next: '2032-02-29',
  },
  {
    name: 'yearly on the last day of February reaches the 29th',
    rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
    allDay: true,
    due: '2027-02-28',
    next: '2028-02-29',
  },
  {
    name: 'yearly, timed, on a DST day',
    rule: 'FREQ=YEARLY',
    due: '2026-11-01T09:00',
    next: '2027-11-01T09:00',
  },

  // COUNT: `occurrence` is the current task's place in the series
  {
    name: 'COUNT=5, 4th task: a 5th follows',
    rule: 'FREQ=DAILY;COUNT=5',
    due: '2026-03-28T09:00',
    occurrence: 4,
    next: '2026-03-29T09:00',
  },
  {
    name: 'COUNT=5, 5th task: the series is over',
    rule: 'FREQ=DAILY;COUNT=5',
    due: '2026-03-28T09:00',
    occurrence: 5,
    next: null,
  },
  {
    name: 'COUNT=1: the first task is the only one',
    rule: 'FREQ=WEEKLY;COUNT=1',
    allDay: true,
    due: '2026-10-19',
    next: null,
  },

  // UNTIL
  {
    name: 'UNTIL a day: its day still comes',
    rule: 'FREQ=DAILY;UNTIL=20261025',
    allDay: true,
    due: '2026-10-24',
    next: '2026-10-25',
  },
  {
    name: 'UNTIL a day: nothing after it',
    rule: 'FREQ=DAILY;UNTIL=20261025',
    allDay: true,
    due: '2026-10-25',
    next: null,
  },
  {
    name: 'UNTIL a day, timed: late that local day still counts',
    rule: 'FREQ=DAILY;UNTIL=20261025',
    due: '2026-10-24T23:30',
    next: '2026-10-25T23:30',
  },
  {
    name: 'UNTIL a day, timed: nothing after it',
    rule: 'FREQ=DAILY;UNTIL=20261025',
    due: '2026-10-25T09:00',
    next: null,
  },
  {
    name: 'UNTIL an instant: before it',
    rule: 'FREQ=WEEKLY;UNTIL=20270101T000000Z',
    due: '2026-12-24T09:00',
    next: '2026-12-31T09:00',
  },
  {
    name: 'UNTIL an instant: after it',
    rule: 'FREQ=WEEKLY;UNTIL=20270101T000000Z',
    due: '2026-12-31T09:00',
    next: null,
  },
  {
    name: 'UNTIL an instant, all-day: on its day',
    rule: 'FREQ=YEARLY;UNTIL=20270101T000000Z',
    allDay: true,
    due: '2026-01-01',
    next: '2027-01-01',
  },
  {
    name: 'UNTIL an instant, all-day: after it',
    rule: 'FREQ=YEARLY;UNTIL=20270101T000000Z',
    allDay: true,
    due: '2027-01-01',
    next: null,
  },

  // After completion: the completion DAY in the user's zone, the task's time of day
  {
    name: 'every 3 days after completion, completed late',
    rule: 'FREQ=DAILY;INTERVAL=3',
    from: 'completion',
    due: '2026-01-08T09:00',
    completed: '2026-01-10T15:00',
    next: '2026-01-13T09:00',
  },
  {
    name: 'weekly after completion, completed early',
    rule: 'FREQ=WEEKLY',
    from: 'completion',
    due: '2026-03-16T09:00',
    completed: '2026-03-13T20:00',
    next: '2026-03-20T09:00',
  },
  {
    name: 'after completion at 23:30 local: that day, even when UTC is past midnight',
    rule: 'FREQ=DAILY;INTERVAL=3',
    from: 'completion',
    due: '2026-03-10T09:00',
    completed: '2026-03-10T23:30',
    next: '2026-03-13T09:00',
  },
  {
    name: 'after completion at 00:30 local: that day, even when UTC is still the day before',
    rule: 'FREQ=DAILY;INTERVAL=3',
    from: 'completion',
    due: '2026-03-10T09:00',
    completed: '2026-03-11T00:30',
    next: '2026-03-14T09:00',
  },
  {
    name: 'after completion, all-day: the local completion day',
    rule: 'FREQ=DAILY',
    from: 'completion',
    allDay: true,
    due: '2026-10-10',
    completed: '2026-10-10T23:30',
    next: '2026-10-11',
  },
  {
    name: 'the 15th after completion, all-day',
    rule: 'FREQ=MONTHLY;BYMONTHDAY=15',
    from: 'completion',
    allDay: true,
    due: '2026-10-15',
    completed: '2026-10-20T23:30',
    next: '2026-11-15',
  },
  {
    name: 'daily after completion over DST keeps the time',
    rule: 'FREQ=DAILY',
    from: 'completion',
    due: '2026-10-20T09:00',
    completed: '2026-10-24T21:00',
    next: '2026-10-25T09:00',
  },
  {
    name: 'Mon and Thu after completion on a Wednesday',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    from: 'completion',
    due: '2026-11-02T07:15',
    completed: '2026-11-04T12:00',
    next: '2026-11-05T07:15',
  },
  {
    name: 'Mon and Thu after completion on a Thursday: not the same day',
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    from: 'completion',
    due: '2026-03-23T08:00',
    completed: '2026-03-26T10:00',
    next: '2026-03-30T08:00',
  },
  {
    name: 'after completion with COUNT used up',
    rule: 'FREQ=DAILY;COUNT=3',
    from: 'completion',
    due: '2026-03-10T09:00',
    completed: '2026-03-12T09:00',
    occurrence: 3,
    next: null,
  },
];

/** A wall-clock time (or an all-day calendar day) as the Date the app stores. */
function stored(text: string, zone: Zone, allDay: boolean): Date {
  if (allDay) return new Date(`${text}T00:00:00.000Z`);
  return new Date(Temporal.PlainDateTime.from(text).toZonedDateTime(zone).epochMilliseconds);
}

function localTime(date: Date, zone: Zone): string {
  const local = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(zone);
  return local.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

function inputFor(testCase: Case, zone: Zone): OccurrenceInput {
  const allDay = testCase.allDay ?? false;
  return {
    rule: testCase.rule,
    from: testCase.from ?? 'due',
    dueDate: stored(testCase.due, zone, allDay),
    allDay,
    completedAt: testCase.completed ? stored(testCase.completed, zone, false) : undefined,
    timeZone: zone,
    occurrence: testCase.occurrence,
  };
}

function expected(testCase: Case, zone: Zone): string | null {
  const next = testCase.next;
  if (next === null || typeof next === 'string') return next;
  return next[zone] === undefined ? next.default : (next[zone] ?? null);
}

describe.each(ZONES)('nextOccurrence in %s', (zone) => {
  it.each(CASES)('$name', (testCase) => {
    const next = nextOccurrence(inputFor(testCase, zone));
    const want = expected(testCase, zone);
    if (want === null) return expect(next).toBeNull();
    expect(next).not.toBeNull();
    if (testCase.allDay) expect(next?.toISOString()).toBe(`${want}T00:00:00.000Z`);
    else expect(localTime(next as Date, zone)).toBe(want);
  });
});

describe('nextOccurrence as instants', () => {
  const at = (iso: string) => new Date(iso);
  const timed = (rule: string, dueDate: string, timeZone: string) =>
    nextOccurrence({ rule, from: 'due', dueDate: at(dueDate), allDay: false, timeZone })?.toISOString();

  it('keeps 09:00 Berlin across both changes: 08:00Z, then 07:00Z in summer, 08:00Z again in winter', () => {
    expect(timed('FREQ=DAILY', '2026-03-28T08:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
    expect(timed('FREQ=DAILY', '2026-10-24T07:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('keeps 09:00 New York across both changes', () => {
    expect(timed('FREQ=DAILY', '2026-03-07T14:00:00Z', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    expect(timed('FREQ=DAILY', '2026-10-31T13:00:00Z', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('moves 02:30 on the night Berlin skips it to 03:30 summer time, and takes the first of two 02:30s', () => {
    expect(timed('FREQ=DAILY', '2026-03-28T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(timed('FREQ=DAILY', '2026-10-24T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('keeps 09:00 Kolkata (+05:30) at 03:30Z', () => {
    expect(timed('FREQ=WEEKLY', '2026-03-02T03:30:00Z', 'Asia/Kolkata')).toBe('2026-03-09T03:30:00.000Z');
  });

  it('gives an all-day task the next day at 00:00Z whatever the zone', () => {
    for (const timeZone of ZONES) {
      const next = nextOccurrence({
        rule: 'FREQ=DAILY',
        from: 'due',
        dueDate: at('2026-03-08T00:00:00Z'),
        allDay: true,
        timeZone,
      });
      expect(next?.toISOString()).toBe('2026-03-09T00:00:00.000Z');
    }
  });

  it('reads completion at 23:30 New York time on the 10th (03:30Z on the 11th) as the 10th', () => {
    const next = nextOccurrence({
      rule: 'FREQ=DAILY;INTERVAL=3',
      from: 'completion',
      dueDate: at('2026-03-10T13:00:00Z'),
      allDay: false,
      completedAt: at('2026-03-11T03:30:00Z'),
      timeZone: 'America/New_York',
    });
    expect(next?.toISOString()).toBe('2026-03-13T13:00:00.000Z');
  });
});

describe('nextOccurrence edges', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts from now when completedAt is left out', () => {
    vi.useFakeTimers({ now: new Date('2026-03-20T10:00:00Z') });
    const next = nextOccurrence({
      rule: 'FREQ=DAILY;INTERVAL=2',
      from: 'completion',
      dueDate: new Date('2026-03-01T00:00:00Z'),
      allDay: true,
      timeZone: 'UTC',
    });
    expect(next?.toISOString()).toBe('2026-03-22T00:00:00.000Z');
  });

  it('reads an all-day due date by its UTC day even if it is not exactly midnight', () => {
    const next = nextOccurrence({
      rule: 'FREQ=DAILY',
      from: 'due',
      dueDate: new Date('2026-03-08T15:00:00Z'),
      allDay: true,
      timeZone: 'America/New_York',
    });
    expect(next?.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('accepts a rule in lower case', () => {
    const next = nextOccurrence({
      rule: 'freq=weekly;byday=mo',
      from: 'due',
      dueDate: new Date('2026-03-02T00:00:00Z'),
      allDay: true,
      timeZone: 'UTC',
    });
    expect(next?.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('ends a series no date can satisfy instead of searching forever', () => {
    const next = nextOccurrence({
      rule: 'FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2',
      from: 'due',
      dueDate: new Date('2026-03-01T00:00:00Z'),
      allDay: true,
      timeZone: 'UTC',
    });
    expect(next).toBeNull();
  });

  it('refuses a rule the schema would refuse', () => {
    const input = {
      from: 'due',
      dueDate: new Date('2026-03-01T00:00:00Z'),
      allDay: true,
      timeZone: 'UTC',
    } as const;
    expect(() => nextOccurrence({ ...input, rule: 'FREQ=HOURLY' })).toThrow(/^Repeat rule: FREQ must be/);
  });
});

describe('upcomingOccurrences', () => {
  const base = { from: 'due', allDay: false, timeZone: 'Europe/Berlin' } as const;
  const local = (dates: Date[]) => dates.map((date) => localTime(date, 'Europe/Berlin'));

  it('lists the next dates after the due date, across DST', () => {
    const dates = upcomingOccurrences(
      {
        ...base,
        rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
        dueDate: stored('2026-03-23T08:00', 'Europe/Berlin', false),
      },
      3,
    );
    expect(local(dates)).toEqual(['2026-03-26T08:00', '2026-03-30T08:00', '2026-04-02T08:00']);
  });

  it('stops where COUNT ends the series', () => {
    const dates = upcomingOccurrences(
      {
        ...base,
        rule: 'FREQ=DAILY;COUNT=5',
        dueDate: stored('2026-03-28T09:00', 'Europe/Berlin', false),
        occurrence: 3,
      },
      3,
    );
    expect(local(dates)).toEqual(['2026-03-29T09:00', '2026-03-30T09:00']);
  });

  it('stops where UNTIL ends the series', () => {
    const dates = upcomingOccurrences(
      {
        ...base,
        rule: 'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260601',
        allDay: true,
        dueDate: new Date('2026-03-31T00:00:00Z'),
      },
      3,
    );
    expect(dates.map((date) => date.toISOString())).toEqual([
      '2026-04-30T00:00:00.000Z',
      '2026-05-31T00:00:00.000Z',
    ]);
  });

  it('counts from the due date even for a series repeated after completion', () => {
    const dates = upcomingOccurrences(
      {
        ...base,
        from: 'completion',
        completedAt: new Date('2026-06-01T00:00:00Z'),
        rule: 'FREQ=DAILY;INTERVAL=2',
        allDay: true,
        dueDate: new Date('2026-03-01T00:00:00Z'),
      },
      2,
    );
    expect(dates.map((date) => date.toISOString())).toEqual([
      '2026-03-03T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
    ]);
  });

  it('gives nothing for a count of 0', () => {
    expect(
      upcomingOccurrences({ ...base, rule: 'FREQ=DAILY', dueDate: new Date('2026-03-01T09:00:00Z') }, 0),
    ).toEqual([]);
  });
});

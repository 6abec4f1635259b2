import { describe, expect, it } from 'vitest';
import { RECURRENCE_FROM, recurrenceSchema } from '../index.js';

function messageFor(rule: unknown): string | undefined {
  const result = recurrenceSchema.safeParse({ rule, from: 'due' });
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ');
}

describe('recurrenceSchema', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=2',
    'FREQ=WEEKLY;BYDAY=MO,TH',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=MONTHLY;BYMONTHDAY=15',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYMONTHDAY=1,15,-1',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=+2TU',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=YEARLY',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=DAILY;COUNT=5',
    'FREQ=DAILY;COUNT=1000',
    'FREQ=WEEKLY;UNTIL=20270101T000000Z',
    'FREQ=WEEKLY;UNTIL=20270101',
    'FREQ=DAILY;INTERVAL=999',
    'BYDAY=MO;FREQ=WEEKLY',
  ])('accepts %s', (rule) => {
    expect(messageFor(rule)).toBeUndefined();
  });

  it('trims the rule and puts it in capitals', () => {
    expect(recurrenceSchema.parse({ rule: '  freq=weekly;byday=mo,th ', from: 'completion' })).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      from: 'completion',
    });
  });

  it.each([
    ['', 'Repeat rule: give a rule such as FREQ=WEEKLY;BYDAY=MO'],
    ['RRULE:FREQ=DAILY', 'Repeat rule: leave out "RRULE:"'],
    ['INTERVAL=2', 'Repeat rule: FREQ is required'],
    ['FREQ=HOURLY', 'Repeat rule: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=MINUTELY', 'Repeat rule: FREQ must be'],
    ['FREQ=SECONDLY', 'Repeat rule: FREQ must be'],
    ['FREQ=DAILY;DTSTART=20260101T090000Z', 'Repeat rule: DTSTART is not supported'],
    ['FREQ=DAILY;RDATE=20260101', 'Repeat rule: RDATE is not supported'],
    ['FREQ=DAILY;EXDATE=20260101', 'Repeat rule: EXDATE is not supported'],
    ['FREQ=DAILY;BYHOUR=9', 'Repeat rule: BYHOUR is not supported'],
    ['FREQ=WEEKLY;WKST=SU', 'Repeat rule: WKST is not supported'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'Repeat rule: FREQ is given twice'],
    ['FREQ=DAILY;', 'Repeat rule: "" is not KEY=VALUE'],
    ['FREQ DAILY', 'Repeat rule: "FREQ DAILY" is not KEY=VALUE'],
    ['FREQ=DAILY;INTERVAL=0', 'Repeat rule: INTERVAL must be a whole number from 1 to 999'],
    ['FREQ=DAILY;INTERVAL=1000', 'Repeat rule: INTERVAL must be'],
    ['FREQ=DAILY;INTERVAL=1.5', 'Repeat rule: INTERVAL must be'],
    ['FREQ=DAILY;COUNT=0', 'Repeat rule: COUNT must be a whole number from 1 to 1000'],
    ['FREQ=DAILY;COUNT=1001', 'Repeat rule: COUNT must be'],
    ['FREQ=DAILY;COUNT=5;UNTIL=20270101', 'Repeat rule: use COUNT or UNTIL, not both'],
    ['FREQ=DAILY;UNTIL=2027-01-01', 'Repeat rule: UNTIL must be a date as YYYYMMDD'],
    ['FREQ=DAILY;UNTIL=20270230', 'Repeat rule: UNTIL must be'],
    ['FREQ=DAILY;UNTIL=20270101T240000Z', 'Repeat rule: UNTIL must be'],
    ['FREQ=DAILY;UNTIL=20270101T000000', 'Repeat rule: UNTIL must be'],
    ['FREQ=WEEKLY;BYDAY=XX', 'Repeat rule: BYDAY takes weekdays MO to SU'],
    ['FREQ=WEEKLY;BYDAY=MO,', 'Repeat rule: BYDAY takes weekdays'],
    [
      'FREQ=WEEKLY;BYDAY=2TU',
      'Repeat rule: numbered weekdays such as 2TU or -1FR need FREQ=MONTHLY or FREQ=YEARLY',
    ],
    ['FREQ=DAILY;BYDAY=-1FR', 'Repeat rule: numbered weekdays'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'Repeat rule: a BYDAY number must be a whole number from -53 to 53, not 0'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'Repeat rule: with FREQ=MONTHLY a numbered weekday goes from -5 to 5'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'Repeat rule: BYMONTHDAY must be a whole number from -31 to 31, not 0'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'Repeat rule: BYMONTHDAY must be'],
    ['FREQ=WEEKLY;BYMONTHDAY=15', 'Repeat rule: BYMONTHDAY does not go with FREQ=WEEKLY'],
    ['FREQ=YEARLY;BYMONTH=13', 'Repeat rule: BYMONTH must be a whole number from 1 to 12'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'Repeat rule: none of the BYMONTH months has that BYMONTHDAY'],
    ['FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=-31', 'Repeat rule: none of the BYMONTH months'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'Repeat rule: BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'Repeat rule: BYSETPOS must be'],
    [`FREQ=DAILY;${'INTERVAL=1;'.repeat(20)}`, 'Repeat rule: use at most 200 characters'],
    [42, 'Repeat rule: give a rule such as'],
  ])('refuses %j', (rule, message) => {
    expect(messageFor(rule)).toContain(message);
  });

  it('accepts exactly 200 characters', () => {
    const rule = `FREQ=WEEKLY;BYDAY=MO${',MO'.repeat(60)}`;
    expect(rule).toHaveLength(200);
    expect(messageFor(rule)).toBeUndefined();
    expect(messageFor(`${rule};`)).toBe('Repeat rule: use at most 200 characters');
  });

  it('knows both ways of counting', () => {
    expect(RECURRENCE_FROM).toEqual(['due', 'completion']);
    expect(recurrenceSchema.safeParse({ rule: 'FREQ=DAILY', from: 'start' }).error?.issues[0]?.message).toBe(
      "Repeat from must be 'due' or 'completion'",
    );
  });

  it('takes no other fields', () => {
    expect(recurrenceSchema.safeParse({ rule: 'FREQ=DAILY', from: 'due', dtstart: 'x' }).success).toBe(false);
  });
});

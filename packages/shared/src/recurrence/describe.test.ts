import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './index.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('describeRecurrence', () => {
  it.each([
    ['FREQ=DAILY', 'due', undefined, 'Every day, from the due date'],
    ['FREQ=DAILY;INTERVAL=3', 'completion', undefined, 'Every 3 days, after completion'],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'due', undefined, 'Every weekday, from the due date'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'due', undefined, 'Every weekday, from the due date'],
    ['FREQ=WEEKLY;BYDAY=FR,TH,WE,TU,MO', 'due', undefined, 'Every weekday, from the due date'],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR',
      'due',
      undefined,
      'Every 2 weeks on Monday, Tuesday, Wednesday, Thursday and Friday, from the due date',
    ],
    ['FREQ=WEEKLY;BYDAY=MO,TH', 'due', undefined, 'Every week on Monday and Thursday, from the due date'],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'due',
      undefined,
      'Every 2 weeks on Monday and Thursday, from the due date',
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'due',
      undefined,
      'Every week on Monday, Wednesday and Friday, from the due date',
    ],
    ['FREQ=WEEKLY', 'due', undefined, 'Every week, from the due date'],
    ['FREQ=WEEKLY', 'due', day('2026-03-26'), 'Every week on Thursday, from the due date'],
    ['FREQ=WEEKLY;INTERVAL=2', 'completion', day('2026-03-23'), 'Every 2 weeks on Monday, after completion'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'due', undefined, 'Every month on the 15th, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'due', undefined, 'Every month on the 1st and 15th, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'due', undefined, 'Every month on the last day, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=-2', 'due', undefined, 'Every month on the 2nd to last day, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', 'due', undefined, 'Every month on the 31st, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=22', 'due', undefined, 'Every month on the 22nd, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=23', 'due', undefined, 'Every month on the 23rd, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=11', 'due', undefined, 'Every month on the 11th, from the due date'],
    ['FREQ=MONTHLY;BYMONTHDAY=12', 'due', undefined, 'Every month on the 12th, from the due date'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'due', undefined, 'Every month on the last Friday, from the due date'],
    ['FREQ=MONTHLY;BYDAY=2TU', 'due', undefined, 'Every month on the 2nd Tuesday, from the due date'],
    [
      'FREQ=MONTHLY;BYDAY=1MO,3MO',
      'due',
      undefined,
      'Every month on the 1st Monday and the 3rd Monday, from the due date',
    ],
    [
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=-2WE',
      'due',
      undefined,
      'Every 3 months on the 2nd to last Wednesday, from the due date',
    ],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'due',
      undefined,
      'Every month on the last weekday, from the due date',
    ],
    [
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      'due',
      undefined,
      'Every month on the 13th when it is a Friday, from the due date',
    ],
    ['FREQ=MONTHLY', 'due', day('2026-01-31'), 'Every month on the 31st, from the due date'],
    ['FREQ=MONTHLY', 'due', undefined, 'Every month, from the due date'],
    ['FREQ=YEARLY', 'due', day('2026-03-03'), 'Every year on March 3, from the due date'],
    ['FREQ=YEARLY', 'due', undefined, 'Every year, from the due date'],
    [
      'FREQ=YEARLY;INTERVAL=2',
      'completion',
      day('2028-02-29'),
      'Every 2 years on February 29, after completion',
    ],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3', 'due', undefined, 'Every year on March 3, from the due date'],
    [
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
      'due',
      undefined,
      'Every year on the last day of February, from the due date',
    ],
    [
      'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
      'due',
      undefined,
      'Every year on the 4th Thursday of November, from the due date',
    ],
    [
      'FREQ=YEARLY;BYMONTH=1,7',
      'due',
      day('2026-01-10'),
      'Every year on the 10th of January and July, from the due date',
    ],
    ['FREQ=YEARLY;BYMONTH=6', 'due', undefined, 'Every year in June, from the due date'],
    ['FREQ=DAILY;BYMONTH=12', 'due', undefined, 'Every day in December, from the due date'],
    ['FREQ=DAILY;COUNT=5', 'due', undefined, 'Every day, 5 times, from the due date'],
    ['FREQ=DAILY;COUNT=1', 'due', undefined, 'Every day, once, from the due date'],
    [
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270101',
      'due',
      undefined,
      'Every week on Monday, until Jan 1, 2027, from the due date',
    ],
    [
      'FREQ=DAILY;UNTIL=20270101T000000Z',
      'completion',
      undefined,
      'Every day, until Jan 1, 2027, after completion',
    ],
    ['freq=daily', 'due', undefined, 'Every day, from the due date'],
  ] as const)('%s (%s, due %s) → %s', (rule, from, dueDate, text) => {
    expect(describeRecurrence({ rule, from }, dueDate)).toBe(text);
  });

  it('refuses a rule the schema would refuse', () => {
    expect(() => describeRecurrence({ rule: 'FREQ=HOURLY', from: 'due' })).toThrow(/^Repeat rule:/);
  });
});

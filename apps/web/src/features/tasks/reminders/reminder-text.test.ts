import { describe, expect, it } from 'vitest';
import {
  addRefusal,
  atText,
  minutesBeforeText,
  reminderText,
  sameReminders,
  sortedReminders,
} from './reminder-text';

const NOW = new Date('2026-11-29T18:00:00Z');

describe('reminder wording', () => {
  it.each([
    [0, 'At due time'],
    [1, '1 minute before'],
    [10, '10 minutes before'],
    [45, '45 minutes before'],
    [60, '1 hour before'],
    [90, '1 hour 30 minutes before'],
    [120, '2 hours before'],
    [1440, '1 day before'],
    [1500, '1 day 1 hour before'],
    [2880, '2 days before'],
    [10_080, '1 week before'],
    [40_320, '4 weeks before'],
  ])('%i minutes before reads “%s”', (minutes, text) => {
    expect(minutesBeforeText(minutes)).toBe(text);
  });

  it('reads an instant in the account’s zone, not the browser’s', () => {
    const at = new Date('2026-11-30T13:00:00Z');
    expect(atText(at, 'Europe/Berlin', NOW)).toBe('Mon 30 Nov, 14:00');
    expect(atText(at, 'America/New_York', NOW)).toBe('Mon 30 Nov, 08:00');
    expect(atText(at, 'Asia/Kolkata', NOW)).toBe('Mon 30 Nov, 18:30');
    expect(reminderText({ at }, 'UTC', NOW)).toBe('Mon 30 Nov, 13:00');
  });

  it('names the year only when it is not this year in that zone', () => {
    expect(atText(new Date('2027-01-04T09:00:00Z'), 'UTC', NOW)).toBe('Mon 4 Jan 2027, 09:00');
    // Already 2027 in Auckland.
    expect(
      atText(new Date('2027-01-01T00:30:00Z'), 'Pacific/Auckland', new Date('2026-12-31T12:00:00Z')),
    ).toBe('Fri 1 Jan, 13:30');
  });
});

describe('reminder lists', () => {
  const at = new Date('2026-12-01T09:00:00Z');

  it('compares by meaning, in any order', () => {
    expect(
      sameReminders([{ minutesBefore: 10 }, { at }], [{ at: new Date(at) }, { minutesBefore: 10 }]),
    ).toBe(true);
    expect(sameReminders([{ minutesBefore: 10 }], [{ minutesBefore: 60 }])).toBe(false);
    expect(sameReminders([{ minutesBefore: 10 }], [])).toBe(false);
  });

  it('sorts instants by time, then relative ones from the earliest to the due time', () => {
    expect(sortedReminders([{ minutesBefore: 0 }, { minutesBefore: 1440 }, { at }])).toEqual([
      { at },
      { minutesBefore: 1440 },
      { minutesBefore: 0 },
    ]);
  });

  it('says why a reminder cannot be added', () => {
    const five = [0, 10, 60, 1440, 2880].map((minutesBefore) => ({ minutesBefore }));
    expect(addRefusal(five, { at }, true)).toBe('full');
    expect(addRefusal([], { minutesBefore: 10 }, false)).toBe('needs-due-date');
    expect(addRefusal([], { at }, false)).toBe(null);
    expect(addRefusal([{ minutesBefore: 10 }], { minutesBefore: 10 }, true)).toBe('duplicate');
    expect(addRefusal([{ minutesBefore: 10 }], { minutesBefore: 60 }, true)).toBe(null);
  });
});

import { describe, expect, it } from 'vitest';
import { parseQuickAdd, readQuickAdd } from './parse-quick-add';

// Friday 27 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 27, 14, 0);

describe('parseQuickAdd', () => {
  it('reads an empty or blank field as an empty draft with nothing marked', () => {
    for (const blank of ['', '   ']) {
      expect(readQuickAdd(blank, NOW)).toEqual({
        draft: {
          title: '',
          dueDate: null,
          allDay: false,
          priority: null,
          project: null,
          labels: [],
          recurrence: null,
        },
        marks: [],
      });
    }
  });

  it('reads a date with a time and a priority out of the title', () => {
    expect(parseQuickAdd('Pay rent tomorrow 9am !high', NOW)).toEqual({
      title: 'Pay rent',
      dueDate: new Date(2026, 10, 28, 9, 0),
      allDay: false,
      priority: 'high',
      project: null,
      labels: [],
      recurrence: null,
    });
  });

  it('makes a day without a time an all-day task: its calendar day at 00:00 UTC', () => {
    const draft = parseQuickAdd('Water plants tomorrow', NOW);
    expect(draft.title).toBe('Water plants');
    expect(draft.dueDate).toEqual(new Date('2026-11-28T00:00:00Z'));
    expect(draft.allDay).toBe(true);
  });

  it('reads "Call mom friday" as all-day and "friday 3pm" as a moment', () => {
    expect(parseQuickAdd('Call mom friday', NOW)).toEqual({
      title: 'Call mom',
      dueDate: new Date('2026-12-04T00:00:00Z'),
      allDay: true,
      priority: null,
      project: null,
      labels: [],
      recurrence: null,
    });
    expect(parseQuickAdd('Call mom friday 3pm', NOW)).toMatchObject({
      title: 'Call mom',
      dueDate: new Date(2026, 10, 27, 15, 0),
      allDay: false,
    });
  });

  it('leaves plain text alone', () => {
    expect(parseQuickAdd('  Buy 2   apples ', NOW)).toEqual({
      title: 'Buy 2 apples',
      dueDate: null,
      allDay: false,
      priority: null,
      project: null,
      labels: [],
      recurrence: null,
    });
  });

  it('drops the preposition that introduced the date', () => {
    const draft = parseQuickAdd('Call mom on friday', NOW);
    expect(draft.title).toBe('Call mom');
    expect(draft.dueDate?.getUTCDay()).toBe(5);
    expect(draft.dueDate && draft.dueDate > NOW).toBe(true);
  });

  it('keeps quoted text literal and drops the quotes', () => {
    expect(parseQuickAdd('Read "Tomorrow and tomorrow !low" today !medium', NOW)).toEqual({
      title: 'Read Tomorrow and tomorrow !low',
      dueDate: new Date('2026-11-27T00:00:00Z'),
      allDay: true,
      priority: 'medium',
      project: null,
      labels: [],
      recurrence: null,
    });
  });

  it('reads priorities in any case and only as whole words', () => {
    expect(parseQuickAdd('Ship it !HIGH', NOW).priority).toBe('high');
    expect(parseQuickAdd('Ship it!high', NOW)).toMatchObject({ title: 'Ship it!high', priority: null });
    expect(parseQuickAdd('Ship it !urgent', NOW)).toMatchObject({ title: 'Ship it !urgent', priority: null });
  });

  it('lets the last priority win', () => {
    expect(parseQuickAdd('!low Tidy desk !high', NOW)).toMatchObject({
      title: 'Tidy desk',
      priority: 'high',
    });
  });

  it('gives an empty title when only a date and a priority were typed', () => {
    expect(parseQuickAdd('tomorrow !low', NOW).title).toBe('');
  });
});

describe('parseQuickAdd leaves titles alone where a word only looks like a date', () => {
  it('does not read a bare month name as a date', () => {
    expect(parseQuickAdd('Email March report to Sam', NOW)).toEqual({
      title: 'Email March report to Sam',
      dueDate: null,
      allDay: false,
      priority: null,
      project: null,
      labels: [],
      recurrence: null,
    });
    expect(parseQuickAdd('Book flights March 5', NOW).dueDate).toEqual(new Date('2027-03-05T00:00:00Z'));
  });

  it('does not read a capitalised weekday in a name as a date', () => {
    expect(parseQuickAdd('Watch Friday Night Lights', NOW)).toMatchObject({
      title: 'Watch Friday Night Lights',
      dueDate: null,
    });
    expect(parseQuickAdd('Call Mom Friday', NOW)).toMatchObject({
      title: 'Call Mom',
      dueDate: new Date('2026-12-04T00:00:00Z'),
    });
  });
});

describe('parseQuickAdd reads dates the way people mean them', () => {
  it('reads an hour without AM/PM as the next such hour in the daytime', () => {
    expect(parseQuickAdd('Meeting at 3', NOW)).toMatchObject({
      title: 'Meeting',
      dueDate: new Date(2026, 10, 27, 15, 0),
      allDay: false,
    });
    const evening = new Date(2026, 10, 27, 16, 0);
    expect(parseQuickAdd('Meeting at 3:30', evening).dueDate).toEqual(new Date(2026, 10, 28, 15, 30));
    expect(parseQuickAdd('Standup at 9', NOW).dueDate).toEqual(new Date(2026, 10, 28, 9, 0));
    expect(parseQuickAdd('Meeting at 3am', NOW).dueDate).toEqual(new Date(2026, 10, 28, 3, 0));
  });

  it('reads "the 1st" as the next first of a month', () => {
    expect(parseQuickAdd('Pay rent on the 1st', NOW)).toEqual({
      title: 'Pay rent',
      dueDate: new Date('2026-12-01T00:00:00Z'),
      allDay: true,
      priority: null,
      project: null,
      labels: [],
      recurrence: null,
    });
    expect(parseQuickAdd('Report on the 27th', NOW).dueDate).toEqual(new Date('2026-11-27T00:00:00Z'));
    expect(parseQuickAdd('Close books the 31st', NOW).dueDate).toEqual(new Date('2026-12-31T00:00:00Z'));
  });

  it('reads "next week" as the first day of next week, per the person’s week start', () => {
    expect(parseQuickAdd('Plan trip next week', NOW).dueDate).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(parseQuickAdd('Plan trip next week', NOW, { weekStart: 0 }).dueDate).toEqual(
      new Date('2026-11-29T00:00:00Z'),
    );
    expect(parseQuickAdd('Plan trip next week', NOW, { weekStart: 6 }).dueDate).toEqual(
      new Date('2026-11-28T00:00:00Z'),
    );
    expect(parseQuickAdd('Plan trip next week', NOW).title).toBe('Plan trip');
  });
});

describe('parseQuickAdd in the account’s time zone', () => {
  // 23:30 on Thursday 3 December in UTC is already Friday 08:30 in Tokyo and still Thursday 18:30 in New York.
  const now = new Date('2026-12-03T23:30:00Z');

  it('reads "today" and "tomorrow" as the account’s days', () => {
    expect(parseQuickAdd('Call mom tomorrow', now, { timeZone: 'Asia/Tokyo' }).dueDate).toEqual(
      new Date('2026-12-05T00:00:00Z'),
    );
    expect(parseQuickAdd('Call mom tomorrow', now, { timeZone: 'America/New_York' }).dueDate).toEqual(
      new Date('2026-12-04T00:00:00Z'),
    );
  });

  it('reads a time on the account’s clocks', () => {
    expect(parseQuickAdd('Dentist today 3pm', now, { timeZone: 'Asia/Tokyo' })).toMatchObject({
      dueDate: new Date('2026-12-04T06:00:00Z'),
      allDay: false,
    });
    expect(parseQuickAdd('Dentist today 3pm', now, { timeZone: 'America/New_York' }).dueDate).toEqual(
      new Date('2026-12-03T20:00:00Z'),
    );
  });
});

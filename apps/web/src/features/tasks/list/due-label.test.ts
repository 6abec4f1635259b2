import { describe, expect, it } from 'vitest';
import { dueLabel } from './due-label';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
// Friday 27 November 2026, 14:00 in Berlin (13:00Z, 8:00 AM in New York).
const NOW = new Date('2026-11-27T13:00:00Z');

describe('dueLabel for timed tasks', () => {
  it('names nearby days and shows the time on the zone’s clock', () => {
    expect(dueLabel(new Date('2026-11-28T08:00:00Z'), { now: NOW, timeZone: BERLIN })).toEqual({
      text: 'Tomorrow 9:00 AM',
      day: 'Tomorrow',
      time: '9:00 AM',
      tone: 'normal',
    });
    expect(dueLabel(new Date('2026-11-28T08:00:00Z'), { now: NOW, timeZone: NEW_YORK }).text).toBe(
      'Tomorrow 3:00 AM',
    );
    expect(dueLabel(new Date('2026-12-01T10:00:00Z'), { now: NOW, timeZone: BERLIN }).text).toBe(
      'Tuesday 11:00 AM',
    );
    expect(dueLabel(new Date('2027-01-15T10:00:00Z'), { now: NOW, timeZone: BERLIN }).text).toBe(
      'Jan 15, 2027',
    );
    expect(dueLabel(new Date('2026-12-25T10:00:00Z'), { now: NOW, timeZone: BERLIN }).text).toBe('Dec 25');
  });

  it('keeps a midnight time instead of reading it as a day without a time', () => {
    expect(dueLabel(new Date('2026-11-27T23:00:00Z'), { now: NOW, timeZone: BERLIN }).text).toBe(
      'Tomorrow 12:00 AM',
    );
  });

  it('marks today in the accent until its time has passed, then overdue', () => {
    expect(dueLabel(new Date('2026-11-27T17:30:00Z'), { now: NOW, timeZone: BERLIN })).toMatchObject({
      text: 'Today 6:30 PM',
      tone: 'today',
    });
    expect(dueLabel(new Date('2026-11-27T08:00:00Z'), { now: NOW, timeZone: BERLIN }).tone).toBe('overdue');
  });

  it('marks past days overdue, unless the task is completed', () => {
    const threeDaysAgo = new Date('2026-11-24T16:00:00Z');
    expect(dueLabel(threeDaysAgo, { now: NOW, timeZone: BERLIN })).toMatchObject({
      text: '3 days ago',
      tone: 'overdue',
    });
    expect(dueLabel(threeDaysAgo, { now: NOW, timeZone: BERLIN, completed: true }).tone).toBe('normal');
  });
});

describe('dueLabel for all-day tasks', () => {
  const wednesday = new Date('2026-12-02T00:00:00Z');

  it('shows the same calendar day in every zone and never a time', () => {
    for (const timeZone of [BERLIN, NEW_YORK, 'Pacific/Auckland', 'Pacific/Honolulu', 'UTC']) {
      expect(dueLabel(wednesday, { allDay: true, now: NOW, timeZone })).toMatchObject({
        day: 'Wednesday',
        text: 'Wednesday',
        time: null,
      });
    }
  });

  it('is today all day long and overdue only from the next day in the viewer’s zone', () => {
    const today = new Date('2026-11-27T00:00:00Z');
    // 11:30 PM on Friday in New York is already Saturday in UTC.
    const lateFridayInNewYork = new Date('2026-11-28T04:30:00Z');
    expect(dueLabel(today, { allDay: true, now: lateFridayInNewYork, timeZone: NEW_YORK })).toMatchObject({
      text: 'Today',
      tone: 'today',
    });
    // Early Saturday in Berlin is still Friday in UTC.
    const earlySaturdayInBerlin = new Date('2026-11-27T23:30:00Z');
    expect(dueLabel(today, { allDay: true, now: earlySaturdayInBerlin, timeZone: BERLIN })).toMatchObject({
      text: 'Yesterday',
      tone: 'overdue',
    });
  });

  it('is not overdue when completed', () => {
    const lastWeek = new Date('2026-11-20T00:00:00Z');
    expect(dueLabel(lastWeek, { allDay: true, completed: true, now: NOW, timeZone: BERLIN }).tone).toBe(
      'normal',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  calendarDayOf,
  formatTimeIn,
  startOfCalendarWeek,
  startOfDayIn,
  supportedTimeZones,
} from './time-zone';

describe('calendar days in a time zone', () => {
  it('reads the day an instant falls on in the zone, as 00:00Z of that day', () => {
    const instant = new Date('2026-11-28T03:30:00Z');
    expect(calendarDayOf(instant, 'Europe/Berlin')).toEqual(new Date('2026-11-28T00:00:00Z'));
    expect(calendarDayOf(instant, 'America/New_York')).toEqual(new Date('2026-11-27T00:00:00Z'));
    expect(calendarDayOf(instant, 'Pacific/Kiritimati')).toEqual(new Date('2026-11-28T00:00:00Z'));
  });

  it('finds the instant a day starts, across daylight saving changes and at odd offsets', () => {
    const day = new Date('2026-03-29T00:00:00Z');
    expect(startOfDayIn(day, 'Europe/Berlin')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(startOfDayIn(new Date('2026-03-30T00:00:00Z'), 'Europe/Berlin')).toEqual(
      new Date('2026-03-29T22:00:00Z'),
    );
    expect(startOfDayIn(day, 'Asia/Kolkata')).toEqual(new Date('2026-03-28T18:30:00Z'));
    expect(startOfDayIn(day, 'UTC')).toEqual(day);
  });

  it('starts weeks on Sunday, Monday or Saturday', () => {
    const wednesday = new Date('2026-11-25T00:00:00Z');
    expect(startOfCalendarWeek(wednesday, 0)).toEqual(new Date('2026-11-22T00:00:00Z'));
    expect(startOfCalendarWeek(wednesday, 1)).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(startOfCalendarWeek(wednesday, 6)).toEqual(new Date('2026-11-21T00:00:00Z'));
    const saturday = new Date('2026-11-28T00:00:00Z');
    expect(startOfCalendarWeek(saturday, 6)).toEqual(saturday);
  });

  it('shows a time on the zone’s clock', () => {
    expect(formatTimeIn(new Date('2026-11-27T14:05:00Z'), 'Europe/Berlin')).toBe('3:05 PM');
  });

  it('offers UTC and the IANA zones to pick from', () => {
    const zones = supportedTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
  });
});

import { Temporal } from 'temporal-polyfill';

/**
 * Recurrence is worked out on wall-clock dates and times (what a calendar on the wall shows), never on
 * instants: a timed task at 09:00 Europe/Berlin stays at 09:00 there across a DST change, and an all-day
 * task's day is its UTC calendar day, the same day in every zone.
 */
export function wallClockAt(date: Date, timeZone: string): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime();
}

/**
 * The instant a wall-clock time happens in a zone. A time the clocks skip (02:30 on the night they go
 * forward) becomes the same length of time after the gap, 03:30; a time that happens twice, the first.
 */
export function instantOf(wallClock: Temporal.PlainDateTime, timeZone: string): Date {
  return new Date(wallClock.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
}

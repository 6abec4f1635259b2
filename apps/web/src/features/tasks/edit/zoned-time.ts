import { instantOfWallClockIn, wallClockIn } from '../../../lib/time-zone';

/** The day ("2026-12-01") and time ("09:30") an instant reads as in a zone. */
export function dayAndTimeIn(instant: Date, timeZone: string): { day: string; time: string } {
  const wall = wallClockIn(instant, timeZone).toISOString();
  return { day: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** The instant a day and a time name in a zone; a time skipped by a DST change moves forward with it. */
export function instantIn(day: string, time: string, timeZone: string): Date {
  return instantOfWallClockIn(new Date(`${day}T${time}:00.000Z`), timeZone);
}

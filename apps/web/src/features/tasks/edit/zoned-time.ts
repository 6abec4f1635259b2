import { calendarDayOf, startOfDayIn } from '../../../lib/time-zone';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "09:30": the 24-hour wall clock of an instant in a zone, as a time input shows it. */
function clockIn(instant: Date, timeZone: string): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  return clock.format(instant);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The day ("2026-12-01") and time ("09:30") an instant reads as in a zone. */
export function dayAndTimeIn(instant: Date, timeZone: string): { day: string; time: string } {
  return {
    day: calendarDayOf(instant, timeZone).toISOString().slice(0, 10),
    time: clockIn(instant, timeZone),
  };
}

/** The instant a day and a time name in a zone; a time skipped by a DST change moves forward with it. */
export function instantIn(day: string, time: string, timeZone: string): Date {
  const midnight = startOfDayIn(new Date(`${day}T00:00:00.000Z`), timeZone);
  const guess = new Date(midnight.getTime() + minutesOf(time) * 60_000);
  // Counting minutes from midnight is off by the DST shift on the day the clocks change.
  const drift = minutesOf(clockIn(guess, timeZone)) - minutesOf(time);
  return drift === 0 || Math.abs(drift) > 180 ? guess : new Date(guess.getTime() - drift * 60_000);
}

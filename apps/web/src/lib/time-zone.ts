/** The browser's IANA zone, so "due today" and "overdue" mean the person's own day. */
export function browserTimeZone(): string {
  // Asking costs a new Intl.DateTimeFormat (about half a millisecond in Chromium), and rows ask while
  // they render: read it at most once a minute, which still notices a device moved to another zone.
  const now = Date.now();
  if (cachedZone === undefined || now - cachedZoneAt > ZONE_CACHE_MS) {
    cachedZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    cachedZoneAt = now;
  }
  return cachedZone;
}

const ZONE_CACHE_MS = 60_000;
let cachedZone: string | undefined;
let cachedZoneAt = 0;

/**
 * The browser's zone when it is a canonical IANA name (what sign-up sends as the account's zone);
 * aliases such as US/Pacific-New are left out, since the server's database may not know them.
 */
export function canonicalBrowserTimeZone(): string | undefined {
  const zone = browserTimeZone();
  return knownZones().has(zone) ? zone : undefined;
}

let zoneSet: Set<string> | undefined;
const knownZones = () => {
  zoneSet ??= new Set(supportedTimeZones());
  return zoneSet;
};

/** Every IANA zone the browser knows, for the settings' time zone picker. */
export function supportedTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some engines leave out UTC itself, the default for accounts made without a browser zone.
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

const DAY_MS = 86_400_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading of an instant in a zone, written as if it were UTC. */
function wallClock(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/**
 * A calendar day is written as 00:00:00.000Z of that day, the same form an all-day task's due date
 * has, so days compare and subtract as plain dates whatever zone they came from.
 */
export function calendarDayOf(instant: Date, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  return new Date(wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS));
}

export function addCalendarDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** The first day of the week holding `day`; weekStart is 0 (Sunday), 1 (Monday) or 6 (Saturday). */
export function startOfCalendarWeek(day: Date, weekStart: number): Date {
  return addCalendarDays(day, -((day.getUTCDay() - weekStart + 7) % 7));
}

/** The wall-clock reading of an instant in a zone, written as if it were UTC. */
export function wallClockIn(instant: Date, timeZone: string): Date {
  return new Date(wallClock(instant, timeZone));
}

/**
 * The instant a zone's clocks show a wall-clock time (written as if it were UTC); a time skipped by a
 * DST change moves forward with the clocks (02:30 on a night that jumps from 02:00 to 03:00 is 03:30).
 */
export function instantOfWallClockIn(wall: Date, timeZone: string): Date {
  // The zone's offset near that time, then once more in case the guess crossed a DST change.
  let instant = wall.getTime() - (wallClock(wall, timeZone) - wall.getTime());
  instant = wall.getTime() - (wallClock(new Date(instant), timeZone) - instant);
  return new Date(instant);
}

/** The instant a calendar day begins in a zone (its midnight, or the first moment after a DST gap). */
export function startOfDayIn(day: Date, timeZone: string): Date {
  return instantOfWallClockIn(day, timeZone);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "9:00 AM" on the wall clock of a zone. */
export function formatTimeIn(instant: Date, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
    timeFormats.set(timeZone, format);
  }
  return format.format(instant);
}

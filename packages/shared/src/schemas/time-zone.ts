import { z } from 'zod';

// Building an Intl.DateTimeFormat costs ~100 µs here, a noticeable share of a task.stats call, and clients
// send the same zone on every call. Bounded, so a caller inventing spellings cannot grow it forever.
const knownTimeZones = new Set<string>();
const MAX_REMEMBERED_TIME_ZONES = 2_000;

function isIntlTimeZone(name: string): boolean {
  if (knownTimeZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return false;
  }
  if (knownTimeZones.size < MAX_REMEMBERED_TIME_ZONES) knownTimeZones.add(name);
  return true;
}

export const TIME_ZONE_MESSAGE = 'Not a known IANA time zone, such as Europe/Berlin';

/**
 * An IANA time zone name the browser (Intl) knows. The API also checks it against PostgreSQL's own list
 * (pg_timezone_names), which lacks a few names Intl accepts, such as US/Pacific-New.
 */
export const timeZoneSchema = z.string().max(64, TIME_ZONE_MESSAGE).refine(isIntlTimeZone, TIME_ZONE_MESSAGE);

import type { Queries } from '@taskapp/db/queries';
import { TIME_ZONE_MESSAGE } from '@taskapp/shared';
import { invalid } from './domain-error.js';

// The names PostgreSQL knows, read once per database: Intl (which the shared schema checks) accepts a few
// that PostgreSQL does not, such as US/Pacific-New, and those would fail inside a query with a 500.
// Keyed by lower case, as PostgreSQL matches zone names ignoring case; the value is its own spelling.
const namesByDatabase = new WeakMap<Queries, Promise<ReadonlyMap<string, string>>>();

function postgresTimeZones(queries: Queries): Promise<ReadonlyMap<string, string>> {
  let names = namesByDatabase.get(queries);
  if (!names) {
    names = queries.settings
      .timeZoneNames()
      .then((list) => new Map(list.map((name) => [name.toLowerCase(), name])));
    names.catch(() => namesByDatabase.delete(queries));
    namesByDatabase.set(queries, names);
  }
  return names;
}

/** PostgreSQL's spelling of a time zone; refuses (BAD_REQUEST) one that SQL could not read "today" in. */
export async function postgresTimeZone(queries: Queries, name: string, field = 'timeZone'): Promise<string> {
  const known = (await postgresTimeZones(queries)).get(name.toLowerCase());
  if (known === undefined) throw invalid(TIME_ZONE_MESSAGE, field);
  return known;
}

/** The zone a request reads "today" in: the one it names (checked), else the caller's settings zone. */
export async function timeZoneFor(
  queries: Queries,
  userId: string,
  given: string | undefined,
): Promise<string> {
  if (given === undefined) return (await queries.settings.of(userId)).timeZone;
  return postgresTimeZone(queries, given);
}

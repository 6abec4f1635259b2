import type { Queries } from '@taskapp/db/queries';
import { TIME_ZONE_MESSAGE } from '@taskapp/shared';
import { invalid } from './domain-error.js';

// The names PostgreSQL knows, read once per database: Intl (which the shared schema checks) accepts a few
// that PostgreSQL does not, such as US/Pacific-New, and those would fail inside a query with a 500.
const namesByDatabase = new WeakMap<Queries, Promise<ReadonlySet<string>>>();

function postgresTimeZones(queries: Queries): Promise<ReadonlySet<string>> {
  let names = namesByDatabase.get(queries);
  if (!names) {
    names = queries.settings.timeZoneNames().then((list) => new Set(list));
    names.catch(() => namesByDatabase.delete(queries));
    namesByDatabase.set(queries, names);
  }
  return names;
}

/** Refuses (BAD_REQUEST) a time zone that SQL could not read "today" in. */
export async function assertPostgresTimeZone(
  queries: Queries,
  name: string,
  field = 'timeZone',
): Promise<void> {
  if (!(await postgresTimeZones(queries)).has(name)) throw invalid(TIME_ZONE_MESSAGE, field);
}

/** The zone a request reads "today" in: the one it names (checked), else the caller's settings zone. */
export async function timeZoneFor(
  queries: Queries,
  userId: string,
  given: string | undefined,
): Promise<string> {
  if (given === undefined) return (await queries.settings.of(userId)).timeZone;
  await assertPostgresTimeZone(queries, given);
  return given;
}

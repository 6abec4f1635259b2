/**
 * The stored form of an all-day due date: 00:00:00.000Z of the date's UTC calendar day. Clients send the
 * calendar day the person picked as UTC midnight, so the day reads the same in every time zone.
 */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

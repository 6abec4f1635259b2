const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "just now", "5 minutes ago", "yesterday", then a plain date once it is more than a week ago. */
export function formatRelative(date: Date, now = Date.now()): string {
  const elapsed = now - date.getTime();
  if (Math.abs(elapsed) < MINUTE) return 'just now';
  if (Math.abs(elapsed) < HOUR) return relativeFormat.format(-Math.round(elapsed / MINUTE), 'minute');
  if (Math.abs(elapsed) < DAY) return relativeFormat.format(-Math.round(elapsed / HOUR), 'hour');
  if (Math.abs(elapsed) < 7 * DAY) return relativeFormat.format(-Math.round(elapsed / DAY), 'day');
  return formatDate(date);
}

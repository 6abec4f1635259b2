import { formatDate, formatDateTime, formatRelative } from './format-time';

/** A date in words, with the exact moment in a tooltip and in machine-readable form. */
export function TimeLabel({ date, relative = false }: { date: Date; relative?: boolean }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {relative ? formatRelative(date) : formatDate(date)}
    </time>
  );
}

/** The browser's IANA zone, so "due today" and "overdue" mean the person's own day. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

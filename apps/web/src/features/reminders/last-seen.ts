import type { DeliveredReminder } from '@taskapp/shared';

/** The bell's memory of what this person has seen, per person, in this browser. */
export function lastSeenKey(userId: string): string {
  return `taskapp.reminders.lastSeen.${userId}`;
}

/** When the newest reminder they saw was sent (ms); 0 when they never opened the bell here. */
export function readLastSeen(storage: Pick<Storage, 'getItem'>, userId: string): number {
  try {
    const value = Number(storage.getItem(lastSeenKey(userId)));
    return Number.isFinite(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

export function writeLastSeen(storage: Pick<Storage, 'setItem'>, userId: string, sentAt: number): void {
  try {
    storage.setItem(lastSeenKey(userId), String(sentAt));
  } catch {
    // No storage (private mode): the count starts again on the next visit.
  }
}

/**
 * The reminders sent after the last one seen. Times are the server's (sentAt), never this device's clock,
 * so a clock that is off does not hide or repeat any.
 */
export function unseenReminders<T extends Pick<DeliveredReminder, 'sentAt'>>(
  reminders: T[],
  lastSeen: number,
): T[] {
  return reminders.filter((reminder) => reminder.sentAt.getTime() > lastSeen);
}

/** What "seen" moves to when the list is opened: the newest reminder's sending time. */
export function newestSentAt(reminders: Pick<DeliveredReminder, 'sentAt'>[], before: number): number {
  return reminders.reduce((newest, reminder) => Math.max(newest, reminder.sentAt.getTime()), before);
}

/** The badge: a number up to 9, then "9+". */
export function badgeText(count: number): string {
  return count > 9 ? '9+' : String(count);
}

/**
 * Reminders that arrived since the previous fetch and are not seen yet: the ones to announce (a toast, or a
 * notification when the tab is hidden). `known` holds the ids already fetched; the first fetch only fills it.
 */
export function arrivals<T extends Pick<DeliveredReminder, 'id' | 'sentAt'>>(
  reminders: T[],
  known: Set<string> | null,
  lastSeen: number,
): T[] {
  if (known === null) return [];
  return unseenReminders(
    reminders.filter((reminder) => !known.has(reminder.id)),
    lastSeen,
  );
}

/** Where a reminder's task opens: its panel over All tasks. */
export function taskUrl(taskId: string): string {
  return `/?task=${encodeURIComponent(taskId)}`;
}

/** Where a click on a reminder goes: the app with the task's panel open. */
export const taskPath = (taskId: string) => `/?task=${encodeURIComponent(taskId)}`;

export const taskLink = (appOrigin: string, taskId: string) => `${appOrigin}${taskPath(taskId)}`;

/** Formats by time zone ('' for all-day): building one costs far more than using it, once per reminder. */
const dueFormats = new Map<string, Intl.DateTimeFormat>();

function dueFormat(allDay: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = allDay ? '' : timeZone;
  let format = dueFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(allDay ? { timeZone: 'UTC' } : { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }),
    });
    dueFormats.set(key, format);
  }
  return format;
}

/** "Due Mon 30 Nov, 14:00" in the owner's time zone; all-day tasks by their day alone. Null without a due date. */
export function describeDue(dueDate: Date | null, allDay: boolean, timeZone: string): string | null {
  if (!dueDate) return null;
  return `Due ${dueFormat(allDay, timeZone).format(dueDate)}`;
}

/** Where a click on a reminder goes: the app with the task's panel open. */
export const taskPath = (taskId: string) => `/?task=${encodeURIComponent(taskId)}`;

export const taskLink = (appOrigin: string, taskId: string) => `${appOrigin}${taskPath(taskId)}`;

/** "Due Mon 30 Nov, 14:00" in the owner's time zone; all-day tasks by their day alone. Null without a due date. */
export function describeDue(dueDate: Date | null, allDay: boolean, timeZone: string): string | null {
  if (!dueDate) return null;
  const format = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(allDay ? { timeZone: 'UTC' } : { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }),
  });
  return `Due ${format.format(dueDate)}`;
}

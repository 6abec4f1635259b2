import { expect, type Page } from '@playwright/test';
import type { Account } from './accounts';
import { taskApi } from './tasks';

/** The row of the task with exactly this title. */
export function row(page: Page, title: string) {
  return page
    .getByTestId('task-row')
    .filter({ has: page.getByTestId('task-title').getByText(title, { exact: true }) });
}

export async function quickAdd(page: Page, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  // The field clears at once; a line typed before quick add's reader arrived waits for it ("Adding …"),
  // and only then goes to the server (or the outbox): a reload before that puts it back in the field.
  await expect(page.getByTestId('quick-add-waiting')).toHaveCount(0);
}

/** Local time, `days` from today, as the browser (same machine, same zone) sees it. */
export function daysFromNow(days: number, hours = 0, minutes = 0): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hours, minutes, 0, 0);
  return date;
}

/** An all-day due date `days` from today: that calendar day (in the browser's zone) at 00:00Z. */
export function dayFromNow(days: number): Date {
  const local = daysFromNow(days);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

export const VARIED_TASKS = [
  { title: 'Send the quarterly report', priority: 'high', dueDate: daysFromNow(-2, 17) },
  { title: 'Renew car insurance', dueDate: dayFromNow(-1), allDay: true },
  {
    title: 'Pick up dry cleaning',
    priority: 'low',
    status: 'completed',
    dueDate: dayFromNow(-1),
    allDay: true,
  },
  { title: 'Draft the team offsite agenda', status: 'in_progress', dueDate: dayFromNow(0), allDay: true },
  { title: 'Call the dentist to move the appointment', priority: 'low', dueDate: daysFromNow(1, 9) },
  {
    title: 'Book flights for the conference in Lisbon',
    priority: 'high',
    dueDate: dayFromNow(4),
    allDay: true,
  },
  { title: 'Read “Thinking in Systems”', status: 'completed' },
  { title: 'Plan weekend hike', dueDate: dayFromNow(20), allDay: true },
] as const;

/** A list with one of everything: overdue, today, later, no date, each status, each priority. */
export async function seedVariedTasks(page: Page, account: Account): Promise<void> {
  const api = await taskApi(page, account);
  for (const task of VARIED_TASKS) await api.create(task);
  await page.reload();
  await expect(page.getByTestId('task-row')).toHaveCount(VARIED_TASKS.length);
}

export function visibleTitles(page: Page) {
  return page.getByTestId('task-title');
}

/** How many writes the outbox holds in IndexedDB (for anyone signed in on this browser). */
export function outboxSize(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('taskapp-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('entries').objectStore('entries').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/**
 * Waits until the outbox holds no write: the screen shows a change at once, the server has it a moment
 * later. Read the server after this, not after the row appears.
 */
export async function allSent(page: Page): Promise<void> {
  await expect.poll(() => outboxSize(page)).toBe(0);
}

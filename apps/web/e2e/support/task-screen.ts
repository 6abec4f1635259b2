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
  const input = page.getByRole('textbox', { name: 'New task' });
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

/** Local time, `days` from today, as the browser (same machine, same zone) sees it. */
export function daysFromNow(days: number, hours = 0, minutes = 0): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hours, minutes, 0, 0);
  return date;
}

export const VARIED_TASKS = [
  { title: 'Send the quarterly report', priority: 'high', dueDate: daysFromNow(-2, 17) },
  { title: 'Renew car insurance', dueDate: daysFromNow(-1) },
  { title: 'Pick up dry cleaning', priority: 'low', status: 'completed', dueDate: daysFromNow(-1) },
  { title: 'Draft the team offsite agenda', status: 'in_progress', dueDate: daysFromNow(0) },
  { title: 'Call the dentist to move the appointment', priority: 'low', dueDate: daysFromNow(1, 9) },
  { title: 'Book flights for the conference in Lisbon', priority: 'high', dueDate: daysFromNow(4) },
  { title: 'Read “Thinking in Systems”', status: 'completed' },
  { title: 'Plan weekend hike', dueDate: daysFromNow(20) },
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

import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { allSent, row } from './support/task-screen';
import { type ApiTask, taskApi } from './support/tasks';

type RepeatingTask = ApiTask & { recurrence: { rule: string; from: 'due' | 'completion' } | null };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test('a repeating task: quick add with its schedule, the recurrence editor, and the next one on completion', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const input = page.getByRole('combobox', { name: 'New task' });

  // Quick add: the schedule is highlighted and summed up, with its next dates, before Enter.
  await input.fill('Water plants every 3 days !low');
  await expect(page.getByTestId('quick-add-highlight').locator('mark')).toHaveText(['every 3 days', '!low']);
  const chip = page.getByTestId('quick-add-repeat');
  await expect(chip).toContainText('Every 3 days, from the due date');
  await expect(chip).toContainText('then');
  await expect(page.locator('#quick-add-preview')).toContainText('Today');
  await input.press('Enter');
  await expect(input).toHaveValue('');

  const plants = row(page, 'Water plants');
  await expect(plants.getByRole('img', { name: 'Repeats every 3 days, from the due date' })).toBeVisible();
  await expect(plants.getByTestId('task-due')).toHaveText(/Today$/);
  await allSent(page);
  const api = await taskApi(page, account);
  const [created] = (await api.list()) as RepeatingTask[];
  expect(created).toMatchObject({
    title: 'Water plants',
    priority: 'low',
    allDay: true,
    recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' },
  });

  // The editor: weekly on Monday and Thursday, picked with the keyboard.
  await page.getByTestId('task-title').getByText('Water plants').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  const repeat = panel.getByRole('combobox', { name: 'Repeat' });
  await expect(repeat).toHaveValue('daily');
  await expect(panel.getByTestId('recurrence-summary')).toContainText('Every 3 days, from the due date');
  await repeat.selectOption({ label: 'Weekly' });
  for (const day of WEEKDAYS) {
    const button = panel.getByRole('button', { name: day, exact: true });
    const wanted = day === 'Monday' || day === 'Thursday';
    if ((await button.getAttribute('aria-pressed')) !== String(wanted)) {
      await button.focus();
      await page.keyboard.press('Space');
    }
    await expect(button).toHaveAttribute('aria-pressed', String(wanted));
  }
  const summary = panel.getByTestId('recurrence-summary');
  await expect(summary).toContainText('Every week on Monday and Thursday, from the due date');
  await expect(summary.getByRole('listitem')).toHaveCount(3);
  for (const date of await summary.getByRole('listitem').allTextContents())
    expect(date).toMatch(/^(Mon|Thu),/);
  const [firstNext] = await summary.getByRole('listitem').allTextContents();

  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 760 });
  await expect(repeat).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await panel.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Saved as you go, like every field.
  await expect
    .poll(async () => ((await api.list()) as RepeatingTask[])[0]?.recurrence)
    .toEqual({ rule: 'FREQ=WEEKLY;BYDAY=MO,TH', from: 'due' });
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel).toBeHidden();
  await expect(
    plants.getByRole('img', { name: 'Repeats every week on Monday and Thursday, from the due date' }),
  ).toBeVisible();

  // Completing it keeps it as history and brings the next one, due on the first of the next dates.
  await plants.getByRole('button', { name: 'Mark as completed: Water plants' }).click();
  await expect
    .poll(async () => ((await api.list()) as RepeatingTask[]).map((task) => task.status).sort())
    .toEqual(['completed', 'pending']);
  const next = ((await api.list()) as RepeatingTask[]).find((task) => task.status === 'pending');
  expect(next).toMatchObject({ allDay: true, recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', from: 'due' } });
  const nextDay = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(next?.dueDate ?? new Date(0));
  expect(nextDay).toBe(firstNext);
  const nextRow = page
    .getByTestId('task-row')
    .filter({ has: page.getByRole('button', { name: 'Mark as completed: Water plants' }) });
  await expect(nextRow).toHaveCount(1);
  await expect(nextRow.getByTestId('task-due')).not.toHaveText(/Today$/);
  await expect(nextRow.getByRole('img', { name: /^Repeats every week/ })).toBeVisible();

  // Ending the series is its own action: the task stays, and completing it brings no next one.
  await nextRow.getByTestId('task-title').click();
  await panel.getByRole('button', { name: 'Stop repeating' }).click();
  await expect(repeat).toHaveValue('none');
  await expect(panel.getByRole('button', { name: 'Stop repeating' })).toBeHidden();
  await expect
    .poll(
      async () => ((await api.list()) as RepeatingTask[]).find((task) => task.id === next?.id)?.recurrence,
    )
    .toBeNull();
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(nextRow.getByRole('img', { name: /^Repeats/ })).toBeHidden();
  await nextRow.getByRole('button', { name: 'Mark as completed: Water plants' }).click();
  // Polled: the outbox can still be empty when asked right after the click, before the write is queued.
  await expect
    .poll(async () => ((await api.list()) as RepeatingTask[]).map((task) => task.status))
    .toEqual(['completed', 'completed']);
  await allSent(page);
});

test('the editor checks a custom rule before saving it, and needs a due date to repeat', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  await api.create({ title: 'Pay rent', dueDate: new Date('2030-01-15T00:00:00Z'), allDay: true });
  await page.reload();
  await page.getByTestId('task-title').getByText('Pay rent').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  const repeat = panel.getByRole('combobox', { name: 'Repeat' });

  await repeat.selectOption({ label: 'Monthly' });
  await panel.getByRole('combobox', { name: 'On' }).selectOption({ label: 'The last day' });
  const summary = panel.getByTestId('recurrence-summary');
  await expect(summary).toContainText('Every month on the last day, from the due date');
  await expect(summary.getByRole('listitem')).toHaveText([/Jan 31/, /Feb 28/, /Mar 31/]);

  await repeat.selectOption({ label: 'Custom rule (RRULE)' });
  const rule = panel.getByRole('textbox', { name: 'Rule' });
  await expect(rule).toHaveValue('FREQ=MONTHLY;BYMONTHDAY=-1');
  await rule.fill('FREQ=HOURLY');
  await expect(panel.getByText('Repeat rule: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY')).toBeVisible();
  await expect(summary).toContainText('Fix the rule to see the next dates.');
  await rule.fill('FREQ=YEARLY;COUNT=3');
  await panel.getByText('When it is completed').click();
  await expect(summary).toContainText('Every year on January 15, 3 times, after completion');
  await expect
    .poll(async () => ((await api.list()) as RepeatingTask[])[0]?.recurrence)
    .toEqual({ rule: 'FREQ=YEARLY;COUNT=3', from: 'completion' });

  // Clearing the due date of a repeating task is explained, not saved.
  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect(panel.getByText('A repeating task needs a due date')).toBeVisible();
  await repeat.selectOption({ label: 'Does not repeat' });
  await expect
    .poll(async () => ((await api.list()) as RepeatingTask[])[0])
    .toMatchObject({ recurrence: null, dueDate: null });
});

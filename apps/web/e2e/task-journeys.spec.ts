import { format } from 'date-fns';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { startTheApp } from './support/first-use';
import { allSent, daysFromNow, quickAdd, row, seedVariedTasks, visibleTitles } from './support/task-screen';
import { taskApi } from './support/tasks';

test('filters, search and sort narrow the list, live in the URL and survive a reload', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await seedVariedTasks(page, account);
  const titles = visibleTitles(page);

  await page.getByRole('button', { name: 'Priority', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'High' }).click();
  await page.keyboard.press('Escape');
  await expect(titles).toHaveText(['Book flights for the conference in Lisbon', 'Send the quarterly report']);
  await expect(page).toHaveURL(/priority=/);

  await page.getByRole('button', { name: 'Due', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Overdue' }).click();
  await expect(titles).toHaveText(['Send the quarterly report']);

  await page.getByRole('button', { name: 'Priority: High' }).click();
  await page.getByRole('menuitem', { name: 'Any priority' }).click();
  // Overdue means past due and not completed: the dry cleaning was due yesterday but is done.
  await expect(titles).toHaveText(['Renew car insurance', 'Send the quarterly report']);

  // Typed quickly: only the last search decides what shows.
  const search = page.getByRole('searchbox', { name: 'Search tasks' });
  await search.pressSequentially('insur', { delay: 20 });
  await expect(titles).toHaveText(['Renew car insurance']);
  await expect(page).toHaveURL(/q=insur/);

  await page.reload();
  await expect(titles).toHaveText(['Renew car insurance']);
  await expect(search).toHaveValue('insur');
  await expect(page.getByRole('button', { name: 'Due: Overdue' })).toBeVisible();

  await search.fill('no such task');
  await expect(page.getByRole('heading', { name: 'No tasks match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(titles).toHaveCount(8);
  await expect(search).toHaveValue('');

  await page.getByRole('button', { name: /^Sort:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Title' }).click();
  await expect(titles.first()).toHaveText('Book flights for the conference in Lisbon');
  await expect(titles.last()).toHaveText('Send the quarterly report');
  await page.getByRole('button', { name: 'Sort: Title' }).click();
  await page.getByRole('menuitemradio', { name: 'Z to A' }).click();
  await expect(titles.first()).toHaveText('Send the quarterly report');

  // Filters combine with the status tabs, and Back walks through the views.
  await page.getByRole('tab', { name: /Completed/ }).click();
  await expect(titles).toHaveText(['Read “Thinking in Systems”', 'Pick up dry cleaning']);
  await page.goBack();
  await expect(titles).toHaveCount(8);
});

test('the side panel edits the due date and time, status and description', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Renew passport');
  await page.getByTestId('task-title').getByText('Renew passport').click();

  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Title')).toBeFocused();
  await expect(page).toHaveURL(/task=/);
  const due = daysFromNow(2, 14, 30);
  await panel.getByLabel('Due date').fill(format(due, 'yyyy-MM-dd'));
  await panel.getByLabel('Time').fill('14:30');
  await panel.getByLabel('Status').selectOption({ label: 'In progress' });
  await panel.getByLabel('Priority').selectOption({ label: 'High' });
  await panel.getByLabel('Description').fill('Bring the old one and two photos.');
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel).toBeHidden();

  const edited = row(page, 'Renew passport');
  await expect(edited.getByTestId('task-due')).toHaveText(new RegExp(`${format(due, 'EEEE')} 2:30 PM$`));
  await expect(edited.getByRole('button', { name: /^High priority/ })).toBeVisible();
  await expect(page.getByTestId('count-in_progress')).toHaveText('1');
  const api = await taskApi(page, account);
  const [saved] = await api.list();
  expect(saved).toMatchObject({
    status: 'in_progress',
    priority: 'high',
    dueDate: due,
    description: 'Bring the old one and two photos.',
  });

  // Opened from a link, the panel shows what was saved; clearing the date removes it.
  await page.goto(`/?task=${saved?.id}`);
  await expect(panel.getByLabel('Time')).toHaveValue('14:30');
  await panel.getByRole('button', { name: 'Clear' }).click();
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel).toBeHidden();
  await expect(edited.getByTestId('task-due')).toHaveCount(0);
  await expect.poll(async () => (await api.list())[0]?.dueDate).toBeNull();
});

test('a bad edit is explained in the panel and nothing is saved', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Keep this title');
  await page.getByTestId('task-title').getByText('Keep this title').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await panel.getByLabel('Title').fill('   ');
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel.getByText('Give the task a title')).toBeVisible();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Discard changes' }).click();
  await expect(row(page, 'Keep this title')).toBeVisible();
  await allSent(page);
  expect((await (await taskApi(page, account)).list())[0]?.title).toBe('Keep this title');
});

test('multi-select with shift-click, then complete, reprioritise and delete in bulk', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await seedVariedTasks(page, account);
  const api = await taskApi(page, account);

  // Newest first: Plan weekend hike, Read…, Book flights…
  await row(page, 'Plan weekend hike').getByRole('checkbox').click();
  await row(page, 'Book flights for the conference in Lisbon')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  const bar = page.getByRole('region', { name: 'Selected tasks' });
  await expect(bar.getByText('3 selected')).toBeVisible();

  await bar.getByRole('button', { name: /^Complete/ }).click();
  await expect(page.getByTestId('count-completed')).toHaveText('4');
  await expect
    .poll(async () =>
      (await api.list())
        .filter((task) => task.status === 'completed')
        .map((task) => task.title)
        .sort(),
    )
    .toEqual([
      'Book flights for the conference in Lisbon',
      'Pick up dry cleaning',
      'Plan weekend hike',
      'Read “Thinking in Systems”',
    ]);

  // The selection stays after a bulk action, so the bar offers to widen it.
  await bar.getByRole('button', { name: 'Select all' }).click();
  await expect(bar.getByText('8 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Priority' }).click();
  await page.getByRole('menuitem', { name: /^Low/ }).click();
  await expect
    .poll(async () => new Set((await api.list()).map((task) => task.priority)))
    .toEqual(new Set(['low']));

  await bar.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('0');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(visibleTitles(page)).toHaveCount(8);
  await expect(page.getByTestId('count-all')).toHaveText('8');
});

test('everything works from the keyboard alone', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.keyboard.press('n');
  await page.keyboard.type('Water the plants tomorrow');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pay rent !high');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Call the bank');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(visibleTitles(page)).toHaveText(['Call the bank', 'Pay rent', 'Water the plants']);
  // Saved (rows shown before the server answers take no keys yet), the newest row is the tab stop.
  await expect(row(page, 'Call the bank')).toHaveAttribute('tabindex', '0');

  await page.keyboard.press('j');
  await expect(row(page, 'Call the bank')).toBeFocused();
  await page.keyboard.press('j');
  await expect(row(page, 'Pay rent')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'Water the plants')).toBeFocused();
  await page.keyboard.press('k');
  await expect(row(page, 'Pay rent')).toBeFocused();

  await page.keyboard.press('c');
  await expect(row(page, 'Pay rent').getByRole('button', { name: /^Mark as not completed/ })).toBeVisible();
  await page.keyboard.press('2');
  await expect(row(page, 'Pay rent').getByRole('button', { name: /^Medium priority/ })).toBeAttached();

  await page.keyboard.press('e');
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel.getByLabel('Title')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Pay the rent');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(panel).toBeHidden();
  // Focus comes back to the row that was edited.
  await expect(row(page, 'Pay the rent')).toBeFocused();

  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('2 selected')).toHaveCount(0);
  await page.keyboard.press('Shift+X');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await page.keyboard.press('Shift+X');
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('count-all')).toHaveText('0');
  await page.keyboard.press('Alt+T'); // sonner's shortcut to the toasts
  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-all')).toHaveText('3');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Select all tasks in view')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search tasks' })).toBeFocused();
  await page.keyboard.type('bank');
  await expect(visibleTitles(page)).toHaveText(['Call the bank']);
  await page.keyboard.press('Escape');
  await expect(visibleTitles(page)).toHaveCount(3);
});

test('two open tabs stay in sync, and a change from another device shows on return', async ({
  page,
  context,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Water the plants');
  const other = await context.newPage();
  await other.goto('/');
  await expect(row(other, 'Water the plants')).toBeVisible();

  await quickAdd(page, 'Call the bank');
  await expect(row(other, 'Call the bank')).toBeVisible();
  await expect(other.getByTestId('count-all')).toHaveText('2');

  await other.getByRole('button', { name: 'Mark as completed: Water the plants' }).click();
  await expect(
    row(page, 'Water the plants').getByRole('button', { name: /^Mark as not completed/ }),
  ).toBeVisible();
  await expect(page.getByTestId('count-completed')).toHaveText('1');
  await other.close();

  // Another device: the change arrives when this tab becomes visible again.
  await (await taskApi(page, account)).create({ title: 'Added on the phone' });
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await expect(row(page, 'Added on the phone')).toBeVisible();
});

test('the theme follows the system until chosen, and the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signUp(page, newAccount());
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Theme: System' }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();

  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await page.getByRole('menuitemradio', { name: 'System' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  // A choice made in another tab reaches this one.
  const otherTab = await page.context().newPage();
  await otherTab.goto(page.url());
  await otherTab.getByRole('button', { name: 'Theme: System' }).click();
  await otherTab.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  await otherTab.close();
});

test('a long list scrolls through every page while only the rows on screen exist', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  const total = 260;
  for (let start = 0; start < total; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, total - start) }, (_, offset) =>
        api.create({ title: `Task number ${String(start + offset + 1).padStart(3, '0')}` }),
      ),
    );
  }
  await page.reload();
  await expect(page.getByTestId('count-all')).toHaveText(String(total));

  // Scroll to the end repeatedly: each time the next page (50 tasks) loads ahead of the viewport.
  const list = page.getByRole('list', { name: 'Tasks' });
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 20_000);
        return list.getByRole('listitem').last().getAttribute('aria-posinset');
      },
      { timeout: 30_000 },
    )
    .toBe(String(total));
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-setsize', String(total));
  expect(await page.getByTestId('task-row').count()).toBeLessThan(60);
  // The oldest batch is at the end (tasks made in one batch share their creation order at random).
  await expect(page.getByTestId('task-title').last()).toHaveText(/^Task number 0(0\d|1\d|20)$/);
});

test('opening the task screen reads the first page once: drawn with it by the server, or fetched before the screen has rendered', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await seedVariedTasks(page, account);
  const listRequests: string[][] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const calls = pathname.startsWith('/api/trpc/') ? pathname.slice('/api/trpc/'.length).split(',') : [];
    if (calls.includes('task.list')) listRequests.push(calls);
  });

  // Drawn by the server (decision 020): nothing is asked for until the app runs; it starts from the
  // answers the page was drawn from, then reads the list once again to catch up with what changed since.
  await page.reload();
  await expect(row(page, 'Send the quarterly report')).toBeVisible();
  expect(listRequests).toEqual([]);
  await startTheApp(page);
  await expect(row(page, 'Send the quarterly report')).toBeVisible();
  await expect.poll(() => listRequests.length).toBe(1);
  listRequests.length = 0;

  // Not drawn (no page credential): the route's prefetch asked for the list and the counts together
  // (batched with whatever else started in that moment, such as the settings); the screen then found
  // them cached.
  await page.context().clearCookies({ name: 'taskapp_page' });
  await page.reload();
  await expect(row(page, 'Send the quarterly report')).toBeVisible();
  expect(listRequests).toHaveLength(1);
  expect(listRequests[0]).toEqual(expect.arrayContaining(['task.list', 'task.stats']));
});

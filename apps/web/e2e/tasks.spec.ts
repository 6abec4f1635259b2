import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { holdChunk } from './support/hold-chunk';
import { allSent, daysFromNow, quickAdd, row, seedVariedTasks } from './support/task-screen';
import { taskApi } from './support/tasks';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
// Committed: README.md shows them.
const README_SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

test('a new person sees an empty list that teaches quick add, and n focuses it', async ({ page }) => {
  await signUp(page, newAccount());
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
  await expect(page.getByText('Pay rent tomorrow 9am !high')).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('0');

  await page.keyboard.press('n');
  await expect(page.getByRole('combobox', { name: 'New task' })).toBeFocused();
});

test('quick add reads the due date and priority out of the title', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill('Pay rent tomorrow 9am !high');
  const preview = page.locator('#quick-add-preview');
  await expect(preview).toContainText('Tomorrow 9:00 AM');
  await expect(preview).toContainText('High priority');
  await input.press('Enter');

  const created = row(page, 'Pay rent');
  await expect(created.getByTestId('task-due')).toHaveText(/Tomorrow 9:00 AM$/);
  await expect(created.getByRole('button', { name: /^High priority/ })).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('1');

  // Quoted words stay in the title, unparsed.
  await quickAdd(page, 'Read "next week" notes !low');
  const literal = row(page, 'Read next week notes');
  await expect(literal).toBeVisible();
  await expect(literal.getByTestId('task-due')).toHaveCount(0);
  await expect(literal.getByRole('button', { name: /^Low priority/ })).toBeVisible();

  const saved = await (await taskApi(page, account)).list();
  expect(saved.map(({ title, priority, dueDate }) => ({ title, priority, dueDate }))).toEqual([
    { title: 'Read next week notes', priority: 'low', dueDate: null },
    { title: 'Pay rent', priority: 'high', dueDate: daysFromNow(1, 9) },
  ]);
});

test('completing from the list moves the counts and sticks', async ({ page }) => {
  await signUp(page, newAccount());
  await quickAdd(page, 'Water the plants');
  await quickAdd(page, 'Book flights');
  await expect(page.getByTestId('count-pending')).toHaveText('2');
  await expect(page.getByTestId('count-completed')).toHaveText('0');

  await page.getByRole('button', { name: 'Mark as completed: Water the plants' }).click();
  const done = row(page, 'Water the plants');
  await expect(done.getByRole('button', { name: 'Mark as not completed: Water the plants' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(done.getByTestId('task-title')).toHaveClass(/line-through/);
  await expect(page.getByTestId('count-completed')).toHaveText('1');
  await expect(page.getByTestId('count-pending')).toHaveText('1');

  await page.getByRole('tab', { name: /Completed/ }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(row(page, 'Water the plants')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('count-completed')).toHaveText('1');
});

test('delete shows an undo that brings the task back as it was', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Renew passport next friday 10am !high');
  await quickAdd(page, 'Buy milk');
  await expect(page.getByTestId('count-all')).toHaveText('2');
  await allSent(page);
  const api = await taskApi(page, account);
  const before = (await api.list()).find((task) => task.title === 'Renew passport');
  expect(before).toBeDefined();

  await page.getByRole('button', { name: 'Delete: Renew passport' }).click();
  await expect(row(page, 'Renew passport')).toHaveCount(0);
  await expect(page.getByTestId('count-all')).toHaveText('1');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Renew passport')).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('2');
  // The row comes back at once; the server has it once the restore is sent.
  await allSent(page);
  // The same task, fields and createdAt; updatedAt is the moment it came back.
  expect((await api.list()).find((task) => task.id === before?.id)).toEqual({
    ...before,
    updatedAt: expect.any(Date),
  });

  // The Delete key on a focused row does the same.
  await row(page, 'Buy milk').focus();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Buy milk')).toHaveCount(0);
  // Focus stays in the list, on the row that took the deleted one's place.
  await expect(row(page, 'Renew passport')).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Buy milk')).toBeVisible();
  await expect(page.getByTestId('count-all')).toHaveText('2');
});

test('a toast raised before the toaster’s code has arrived is shown once it does', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Water the plants');
  await allSent(page);
  // Sonner's toaster loads after the first screen (components/deferred-toaster.tsx): hold it back.
  const toaster = await holdChunk(page, 'toaster');
  await page.reload();
  await page.getByRole('button', { name: 'Delete: Water the plants' }).click();
  await expect(row(page, 'Water the plants')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  toaster.release();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Water the plants')).toBeVisible();
});

test('Enter pressed before quick add’s reader has loaded sends that line, read, once it has', async ({
  page,
}) => {
  await signUp(page, newAccount());
  // The reader (chrono-node's date parsing) loads when the field is first used: hold it back.
  const reader = await holdChunk(page, 'parse-quick-add');
  await page.reload();
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill('Call the plumber tomorrow !high');
  await input.press('Enter');
  // Nothing is sent half-read. The field clears as for any line sent, so what is typed next is a new
  // line, not more of the waiting one, which is shown meanwhile.
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('quick-add-waiting')).toHaveText('Adding “Call the plumber tomorrow !high”…');
  await input.pressSequentially('Pay rent');
  await expect(page.getByTestId('task-row')).toHaveCount(0);

  reader.release();
  await expect(row(page, 'Call the plumber')).toBeVisible();
  await expect(page.getByTestId('quick-add-waiting')).toHaveCount(0);
  await expect(input).toHaveValue('Pay rent');
  await expect(page.getByTestId('task-title')).toHaveText(['Call the plumber']);
  await expect(row(page, 'Call the plumber').getByTestId('task-due')).toHaveText(/Tomorrow/);
  await expect(row(page, 'Call the plumber').getByRole('button', { name: /^High priority/ })).toBeVisible();
});

test.describe('quick add without its reader', () => {
  // The browser logs each refused download of the reader's code as a console error; that is the point here.
  test.use({ allowConsoleErrors: true });

  test('when quick add’s reader cannot load, Enter adds the line as typed and says so', async ({ page }) => {
    const account = newAccount();
    await signUp(page, account);
    // As offline before the reader's code was ever fetched: every try to load it fails.
    await page.route('**/assets/parse-quick-add-*.js', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await quickAdd(page, 'Renew passport friday !high');
    await expect(row(page, 'Renew passport friday !high')).toBeVisible();
    await expect(page.getByTestId('quick-add-notice')).toContainText(
      '“Renew passport friday !high” was added as typed',
    );
    await allSent(page);
    const api = await taskApi(page, account);
    expect((await api.list()).map((task) => [task.title, task.priority])).toEqual([
      ['Renew passport friday !high', 'medium'],
    ]);
    // Typing again clears the notice.
    await page.getByRole('combobox', { name: 'New task' }).fill('B');
    await expect(page.getByTestId('quick-add-notice')).toHaveCount(0);
  });
});

test('a change the server refuses is rolled back with a message', async ({ page }) => {
  await signUp(page, newAccount());
  await quickAdd(page, 'File the tax return');
  await expect(page.getByTestId('count-pending')).toHaveText('1');
  const refusal = {
    error: {
      json: {
        message: 'This task changed elsewhere',
        code: -32009,
        data: { code: 'CONFLICT', httpStatus: 409 },
      },
    },
  };
  await page.route('**/api/trpc/task.update*', (route) =>
    route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify([refusal]) }),
  );

  await page.getByRole('button', { name: 'Mark as completed: File the tax return' }).click();
  await expect(page.getByText('Couldn’t change the task')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as completed: File the tax return' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.getByTestId('count-pending')).toHaveText('1');
  await expect(page.getByTestId('count-completed')).toHaveText('0');
});

for (const colorScheme of COLOR_SCHEMES) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, contextOptions: { reducedMotion: 'reduce' } });
    // A dozen full axe scans, each several seconds when a 2-core machine is busy: ~60 s on a slow day.
    test.slow();

    test('the task screen has no serious accessibility problems and looks right', async ({ page }) => {
      const account = newAccount();
      await signUp(page, account);
      await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await seedVariedTasks(page, account);
      await expect(page.getByTestId('count-all')).toHaveText('8');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('combobox', { name: 'New task' }).fill('Pay rent tomorrow 9am !high');
      await expect(page.locator('#quick-add-preview')).toContainText('High priority');
      await row(page, 'Renew car insurance').focus();
      expect(await seriousViolations(page)).toEqual([]);
      // The README shows this picture of the task screen.
      await page.screenshot({ path: `${README_SCREENSHOTS}tasks-${colorScheme}.png` });
      await page.screenshot({ path: `${SCREENSHOT_DIR}${colorScheme}-tasks.png`, fullPage: true });
      await page.getByRole('combobox', { name: 'New task' }).fill('');

      // Every other state of the screen: an open filter menu, a row's priority menu, a selection with
      // its bulk bar, the edit panel, the shortcuts dialog and a search without results.
      const screens: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
        [
          'due-menu',
          () => page.getByRole('button', { name: 'Due', exact: true }).click(),
          () => page.keyboard.press('Escape'),
        ],
        [
          'priority-menu',
          () =>
            row(page, 'Plan weekend hike')
              .getByRole('button', { name: /^Medium priority/ })
              .click(),
          () => page.keyboard.press('Escape'),
        ],
        [
          'selection',
          async () => {
            await row(page, 'Plan weekend hike').getByRole('checkbox').click();
            await row(page, 'Renew car insurance')
              .getByRole('checkbox')
              .click({ modifiers: ['Shift'] });
            await expect(page.getByText('7 selected')).toBeVisible();
          },
          () => page.getByRole('button', { name: 'Clear selection' }).click(),
        ],
        [
          'edit-panel',
          () => page.getByTestId('task-title').getByText('Send the quarterly report').click(),
          () => page.getByRole('button', { name: /^Done/ }).click(),
        ],
        [
          'shortcuts',
          async () => {
            await page.locator('body').press('?');
            await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
          },
          () => page.keyboard.press('Escape'),
        ],
        [
          'no-match',
          async () => {
            await page.getByRole('searchbox', { name: 'Search tasks' }).fill('nothing like this');
            await expect(page.getByRole('heading', { name: 'No tasks match' })).toBeVisible();
          },
          () => page.getByRole('button', { name: 'Clear search and filters' }).click(),
        ],
      ];
      for (const [name, open, close] of screens) {
        await open();
        expect(await seriousViolations(page), name).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOT_DIR}${colorScheme}-tasks-${name}.png` });
        await close();
        await expect(page.getByTestId('task-row')).toHaveCount(8);
      }

      // On a phone quick add waits behind the + button; the list comes first.
      await page.setViewportSize({ width: 360, height: 760 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `${SCREENSHOT_DIR}${colorScheme}-tasks-narrow.png`, fullPage: true });
    });
  });
}

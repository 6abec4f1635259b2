import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { apiAs } from './support/organise-api';

const SHOTS = process.env.E2E_SHOTS_DIR;

test('the sidebar leads to Inbox, Today, Upcoming, Completed, projects and labels, and `/` reopens the last one', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const home = await api.mutate('project.create', { name: 'Home', color: 'green' });
  const errand = await api.mutate('label.create', { name: 'errand', color: 'orange' });
  await api.mutate('task.create', { title: 'Inbox thing' });
  await api.mutate('task.create', { title: 'Fix the gate', projectId: home.id, labelIds: [errand.id] });
  await api.mutate('task.create', { title: 'Buy stamps', labelIds: [errand.id], description: 'Ten of them' });
  await page.reload();

  const places = page.getByRole('navigation', { name: 'Places' });
  await places.getByRole('link', { name: 'Inbox' }).click();
  await expect(page).toHaveURL('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('task-title')).toHaveText(['Buy stamps', 'Inbox thing']);
  await expect(places.getByRole('link', { name: 'Inbox' })).toHaveAttribute('aria-current', 'page');

  await places.getByRole('link', { name: /Home/ }).click();
  await expect(page).toHaveURL(`/projects/${home.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByTestId('task-title')).toHaveText(['Fix the gate']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-project.png` });

  await places.getByRole('link', { name: 'errand' }).click();
  await expect(page).toHaveURL(`/labels/${errand.id}`);
  await expect(page.getByTestId('task-title')).toHaveText(['Buy stamps', 'Fix the gate']);
  await expect(page.getByTestId('project-chip')).toHaveText(['Project: Home']);
  await expect(page.getByRole('img', { name: 'Has notes' })).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-label.png` });

  // `/` opens the place shown last.
  await page.goto('/');
  await expect(page).toHaveURL(`/labels/${errand.id}`);
  await places.getByRole('link', { name: 'All tasks' }).click();
  await expect(page).toHaveURL('/');
  await page.goto('/');
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('tab', { name: /All/ })).toBeVisible();

  // From the keyboard: G then a letter goes to a place; [ hides and shows the sidebar (also by its buttons).
  await page.locator('body').press('g');
  await page.locator('body').press('t');
  await expect(page).toHaveURL('/today');
  await page.locator('body').press('[');
  await expect(places).toHaveCount(0);
  await page.getByRole('button', { name: 'Show sidebar' }).click();
  await expect(places).toBeVisible();
  await page.getByRole('button', { name: 'Hide sidebar' }).click();
  await expect(places).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show sidebar' })).toBeVisible();
  await page.locator('body').press('[');
  await expect(places).toBeVisible();

  // A project that is not there says so, and `/` stops opening it.
  const gone = await api.mutate('project.create', { name: 'Short-lived' });
  await page.goto(`/projects/${gone.id}`);
  await api.mutate('project.delete', { id: gone.id });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This project doesn’t exist' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL('/');
  // An address that cannot be a project is the not-found page.
  await page.goto('/projects/not-an-id');
  await expect(page.getByRole('heading', { level: 1, name: 'This page doesn’t exist' })).toBeVisible();
  await expect(page.locator('main')).toHaveCount(1);
});

const DAY_MS = 86_400_000;
// A day apart all day long (UTC+14 and UTC-11), so "today" is never the same day in both.
const KIRITIMATI = 'Pacific/Kiritimati';
const PAGO_PAGO = 'Pacific/Pago_Pago';

/** Today's calendar day in a zone, as 00:00Z of that day (the form all-day due dates have). */
function todayIn(timeZone: string, now: Date): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now).split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

const inDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);
const monthDay = (day: Date) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(day);

test('projects and labels are added, renamed, recoloured, archived (with Undo) and deleted from the sidebar', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const places = page.getByRole('navigation', { name: 'Places' });
  await places.getByRole('button', { name: 'Add project' }).click();
  await page.getByRole('textbox', { name: 'New project name' }).fill('Moving house');
  await page.getByRole('textbox', { name: 'New project name' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Moving house' })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  const api = await apiAs(page, account);
  const [project] = await api.query<Array<{ id: string }>>('project.list');
  await api.mutate('task.create', { title: 'Book the van', projectId: project?.id });
  await api.mutate('task.create', { title: 'Pack the books', projectId: project?.id });
  await page.reload();
  const link = places.getByRole('link', { name: /Moving house/ });
  await expect(link).toHaveAccessibleName('Moving house , 2 open');
  await page.getByRole('button', { name: 'Mark as completed: Book the van' }).click();
  await expect(link).toHaveAccessibleName('Moving house , 1 open');

  await page.getByRole('button', { name: 'Project actions: Moving house' }).click();
  await page.getByRole('menuitem', { name: 'Archive' }).click();
  await expect(places.getByRole('list').getByRole('link', { name: /Moving house/ })).toHaveCount(0);
  await expect(places.getByText('Archived (1)')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(places.getByText('Archived (1)')).toHaveCount(0);
  await expect(link).toBeVisible();

  // Rename in place, recolour, then delete: its tasks go to the Inbox.
  await page.getByRole('button', { name: 'Project actions: Moving house' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Rename Moving house' }).fill('New flat');
  await page.getByRole('textbox', { name: 'Rename Moving house' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New flat' })).toBeVisible();
  await page.getByRole('button', { name: 'Project actions: New flat' }).click();
  await page.getByRole('menuitem', { name: 'Colour' }).click();
  await page.getByRole('menuitemradio', { name: 'Purple' }).click();
  await expect
    .poll(async () => (await api.query<Array<{ color: string }>>('project.list'))[0]?.color)
    .toBe('purple');
  await page.getByRole('button', { name: 'Project actions: New flat' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “New flat”?' });
  await expect(confirm).toContainText('Its tasks move to the Inbox');
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL('/inbox');
  await expect(page.getByTestId('task-title')).toHaveText(['Pack the books']);
  await expect(places.getByRole('link', { name: /New flat/ })).toHaveCount(0);

  // Labels: add with +, rename, delete.
  await places.getByRole('button', { name: 'Add label' }).click();
  await page.getByRole('textbox', { name: 'New label name' }).fill('boxes');
  await page.getByRole('textbox', { name: 'New label name' }).press('Enter');
  await page.getByRole('button', { name: 'Label actions: boxes' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Rename boxes' }).fill('crates');
  await page.getByRole('textbox', { name: 'Rename boxes' }).press('Enter');
  await expect(places.getByRole('link', { name: 'crates' })).toBeVisible();
  await page.getByRole('button', { name: 'Label actions: crates' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(places.getByRole('link', { name: 'crates' })).toHaveCount(0);
});

test('Today and Upcoming follow the account’s days, in two time zones a day apart, on a fixed clock', async ({
  browser,
}) => {
  // The server reads "today" on its own clock; the browser's is fixed at the same instant, so the
  // day names the page shows cannot move while the test runs.
  const now = new Date();
  const account = newAccount();
  const kiritimatiToday = todayIn(KIRITIMATI, now);

  for (const timeZone of [KIRITIMATI, PAGO_PAGO]) {
    // How many days behind Kiritimati this zone's today is: 0 there; 1 in Pago Pago (2 during the
    // hour when Kiritimati has just begun a day), so every all-day task is that much further away.
    const shift = Math.round((kiritimatiToday.getTime() - todayIn(timeZone, now).getTime()) / DAY_MS);
    const context = await browser.newContext({ timezoneId: timeZone });
    const page = await context.newPage();
    await page.clock.setFixedTime(now);
    if (shift === 0) await signUp(page, account);
    else {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    const api = await apiAs(page, account);
    await api.mutate('account.updateSettings', { timeZone });
    if (shift === 0) {
      await api.mutate('task.create', {
        title: 'Due yesterday',
        dueDate: inDays(kiritimatiToday, -1),
        allDay: true,
      });
      await api.mutate('task.create', { title: 'Due today', dueDate: kiritimatiToday, allDay: true });
      await api.mutate('task.create', {
        title: 'Due in three days',
        dueDate: inDays(kiritimatiToday, 3),
        allDay: true,
      });
      await api.mutate('task.create', {
        title: 'Done today',
        dueDate: kiritimatiToday,
        allDay: true,
        status: 'completed',
      });
    }

    await page.goto('/today');
    const titles = page.getByTestId('task-title');
    if (shift === 0) {
      // Overdue first, open only.
      await expect(titles).toHaveText(['Due yesterday', 'Due today']);
      await page.getByRole('button', { name: 'Show completed' }).click();
      await expect(page.getByRole('button', { name: 'Show completed' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(titles).toHaveText(['Due yesterday', 'Due today', 'Done today']);
      await expect(page).toHaveURL('/today?showCompleted=true');
    } else if (shift === 1) {
      // Kiritimati's yesterday is Pago Pago's today; its today is tomorrow here.
      await expect(titles).toHaveText(['Due yesterday']);
    } else {
      await expect(page.getByRole('heading', { name: 'Nothing due today' })).toBeVisible();
    }

    await page.goto('/upcoming');
    const days = page.getByTestId('upcoming-day');
    await expect(days).toHaveCount(7);
    const localToday = todayIn(timeZone, now);
    await expect(days.nth(0).getByRole('heading')).toHaveText(`Today${monthDay(localToday)}`);
    await expect(days.nth(shift).getByTestId('task-title')).toHaveText(['Due today']);
    await expect(days.nth(3 + shift).getByTestId('task-title')).toHaveText(['Due in three days']);
    // Free days are shown too.
    const taken = [shift - 1, shift, shift + 2, shift + 3];
    const free = [0, 1, 2, 3, 4, 5, 6].find((day) => !taken.includes(day)) ?? 6;
    await expect(days.nth(free).getByText('Nothing planned')).toBeVisible();

    if (shift === 0) {
      // Adding within a day makes the task due that day, all day.
      await days
        .nth(2)
        .getByRole('button', { name: /^Add task on / })
        .click();
      await days.nth(2).getByRole('textbox').fill('Planned on day three');
      await days.nth(2).getByRole('textbox').press('Enter');
      await expect(days.nth(2).getByTestId('task-title')).toHaveText(['Planned on day three']);
      const { items } = await api.query<{ items: Array<{ title: string; dueDate: Date; allDay: boolean }> }>(
        'task.list',
        { search: 'Planned on day three' },
      );
      expect(items[0]).toMatchObject({ dueDate: inDays(kiritimatiToday, 2), allDay: true });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-upcoming.png`, fullPage: true });
    }
    await context.close();
  }
});

test('completed tasks stay out of every place until asked for, and the Completed view lists them latest first', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const first = await api.mutate('task.create', { title: 'Finished first' });
  await api.mutate('task.create', { title: 'Still open' });
  const second = await api.mutate('task.create', { title: 'Finished second' });
  await api.mutate('task.update', { id: first.id, status: 'completed' });
  await api.mutate('task.update', { id: second.id, status: 'completed' });

  await page.goto('/inbox');
  const titles = page.getByTestId('task-title');
  await expect(titles).toHaveText(['Still open']);
  await page.getByRole('button', { name: 'Show completed' }).click();
  await expect(titles).toHaveText(['Finished second', 'Still open', 'Finished first']);

  await page.getByRole('navigation', { name: 'Places' }).getByRole('link', { name: 'Completed' }).click();
  await expect(page).toHaveURL('/completed');
  await expect(titles).toHaveText(['Finished second', 'Finished first']);

  // Checking a task off in the Inbox takes it out of the list there.
  await page.goto('/inbox');
  await page.getByRole('button', { name: 'Mark as completed: Still open' }).click();
  await expect(page.getByRole('heading', { name: 'Your Inbox is empty' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the list comes first: the drawer opens from one button, quick add from the + button, filters from one bar', async ({
    page,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    const api = await apiAs(page, account);
    const today = new Date();
    today.setHours(15, 0, 0, 0);
    await api.mutate('task.create', { title: 'Dentist appointment', dueDate: today });
    await api.mutate('task.create', {
      title: 'Write the long letter to the housing association about the broken heating in the stairwell',
      priority: 'high',
    });
    await page.goto('/inbox');

    // No sidebar beside the list, no keyboard hints, and search and filters folded away.
    await expect(page.getByRole('navigation', { name: 'Places' })).toHaveCount(0);
    await expect(page.locator('kbd')).toHaveCount(0);
    await expect(page.getByRole('searchbox')).toBeHidden();
    // Times show on rows; long titles wrap to a second line.
    await expect(page.getByTestId('task-due')).toHaveText(/Today 3:00 PM/);
    const long = page.getByTestId('task-title').filter({ hasText: 'housing association' });
    await expect(long).toBeVisible();
    await expect.poll(async () => (await long.boundingBox())?.height ?? 0).toBeGreaterThan(30);
    // Touch targets are at least 44 px.
    for (const target of [
      page.getByRole('button', { name: 'Open navigation' }),
      page.getByRole('button', { name: 'Add task' }),
      page.getByRole('button', { name: /^Mark as completed: Dentist/ }),
      page.getByRole('button', { name: /^High priority: Write/ }),
    ]) {
      const box = await target.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-inbox.png` });

    await expect(page.getByRole('button', { name: 'Show completed' })).toBeHidden();
    await page.getByRole('button', { name: 'Search and filters' }).click();
    await expect(page.getByRole('searchbox')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show completed' })).toBeVisible();

    // The + button opens quick add, focused.
    await page.getByRole('button', { name: 'Add task' }).click();
    const quickAdd = page
      .getByRole('combobox', { name: 'New task' })
      .or(page.getByRole('textbox', { name: 'New task' }));
    await expect(quickAdd).toBeFocused();
    await quickAdd.fill('Water the plants');
    await quickAdd.press('Enter');
    await expect(page.getByTestId('task-title').filter({ hasText: 'Water the plants' })).toBeVisible();

    await page.getByRole('button', { name: 'Open navigation' }).click();
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    await expect(drawer).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-drawer.png` });
    await drawer.getByRole('link', { name: 'Today' }).click();
    await expect(page).toHaveURL('/today');
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

    // Upcoming fits the narrowest phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 760 });
    await page.goto('/upcoming');
    await expect(page.getByTestId('upcoming-day')).toHaveCount(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-upcoming.png` });
  });
});

for (const colorScheme of COLOR_SCHEMES) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    // A dozen full axe scans, each several seconds when a 2-core machine is busy: ~60 s on a slow day.
    test.slow();

    test('the sidebar, the places, chips, subtasks and the phone drawer have no serious accessibility problems', async ({
      page,
    }) => {
      const account = newAccount();
      await signUp(page, account);
      const api = await apiAs(page, account);
      const project = await api.mutate('project.create', { name: 'Garden', color: 'teal' });
      const label = await api.mutate('label.create', { name: 'outside', color: 'blue' });
      const parent = await api.mutate('task.create', {
        title: 'Plant the hedge',
        projectId: project.id,
        labelIds: [label.id],
        priority: 'high',
        description: 'Along the north fence',
      });
      await api.mutate('task.create', { title: 'Buy the plants', parentId: parent.id, priority: 'low' });
      await api.mutate('task.create', { title: 'Loose thing', dueDate: new Date(), priority: 'low' });

      await page.goto(`/projects/${project.id}`);
      await page.getByRole('button', { name: /^Show 1 subtask: Plant the hedge/ }).click();
      await expect(page.getByRole('list', { name: 'Subtasks of Plant the hedge' })).toContainText(
        'Buy the plants',
      );
      expect(await seriousViolations(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-project-${colorScheme}.png` });

      await page.getByRole('button', { name: 'Project actions: Garden' }).click();
      await expect(page.getByRole('menuitem', { name: 'Archive' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      for (const path of ['/inbox', '/today', '/upcoming', '/completed', `/labels/${label.id}`]) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText('Loading your tasks')).toHaveCount(0);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-label-${colorScheme}.png` });

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/inbox');
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await expect(page.getByRole('dialog', { name: 'Navigation' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-drawer-${colorScheme}.png` });
    });
  });
}

test('the edit panel moves a task to another project', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  await api.mutate('project.create', { name: 'Garden', color: 'green' });
  await api.mutate('task.create', { title: 'Mow the lawn' });
  await page.goto('/inbox');
  await page.getByTestId('task-title').getByText('Mow the lawn').click();
  await page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'Garden' });
  await page.getByRole('button', { name: /^Done/ }).click();
  await expect(page.getByRole('heading', { name: 'Your Inbox is empty' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Places' })
    .getByRole('link', { name: /Garden/ })
    .click();
  await expect(page.getByTestId('task-title')).toHaveText(['Mow the lawn']);
});

import type { Page } from '@playwright/test';
import superjson from 'superjson';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { latestMailLink, messagesTo } from './support/mail';
import { allSent, dayFromNow, daysFromNow, row } from './support/task-screen';
import { type ApiTask, taskApi } from './support/tasks';

// Pushed and hidden-tab reminders are shown by the service worker.
test.use({ serviceWorkers: 'allow' });

type Reminder = { at: Date } | { minutesBefore: number };
type ReminderTask = ApiTask & {
  reminders: Reminder[];
  recurrence: { rule: string; from: 'due' | 'completion' } | null;
};
interface DeliveredReminder {
  id: string;
  taskId: string;
  title: string;
  sentAt: Date;
  late: boolean;
}

const SCREENSHOTS = '/tmp/pw-a/screens';

async function listed(page: Page, account: Account): Promise<ReminderTask[]> {
  return (await (await taskApi(page, account)).list()) as ReminderTask[];
}

/** reminder.recent as the account, next to the browser: what the server has delivered. */
async function delivered(page: Page, account: Account): Promise<DeliveredReminder[]> {
  const origin = new URL(page.url()).origin;
  const login = await page.request.post('/api/trpc/auth.login', {
    headers: { origin },
    data: superjson.serialize({ email: account.email, password: account.password }),
  });
  const token = superjson.deserialize<{ accessToken: string }>((await login.json()).result.data).accessToken;
  const response = await page.request.get('/api/trpc/reminder.recent', {
    headers: { authorization: `Bearer ${token}` },
  });
  return superjson.deserialize<{ reminders: DeliveredReminder[] }>((await response.json()).result.data)
    .reminders;
}

/**
 * The start of the current minute, a few seconds ago: a reminder at it is due at once. Late in a minute
 * this waits for the next one, as the server does not schedule reminders over a minute in the past.
 */
async function startOfThisMinute(page: Page): Promise<Date> {
  const into = Date.now() % 60_000;
  if (into > 40_000) await page.waitForTimeout(60_000 - into + 500);
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

async function openPanel(page: Page, title: string) {
  await row(page, title).getByTestId('task-title').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  return panel;
}

async function addPreset(page: Page, panel: ReturnType<Page['getByRole']>, preset: string) {
  await panel.getByRole('button', { name: 'Add reminder' }).click();
  await page.getByRole('menuitem', { name: preset }).click();
}

test('reminders in the edit panel: presets, a custom one, the limit, saved across a reload, removed', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  await api.create({ title: 'Dentist', dueDate: daysFromNow(2, 14, 0) });
  await api.create({ title: 'Someday idea' });
  await page.reload();

  // Without a due date, the presets relative to it are offered but disabled, saying why.
  let panel = await openPanel(page, 'Someday idea');
  await expect(panel.getByText('No reminders.')).toBeVisible();
  await panel.getByRole('button', { name: 'Add reminder' }).click();
  const atDue = page.getByRole('menuitem', { name: /At due time/ });
  await expect(atDue).toHaveAttribute('aria-disabled', 'true');
  await expect(atDue).toContainText('Needs a due date');
  await page.keyboard.press('Escape');
  await expect(atDue).toBeHidden();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel).toBeHidden();

  panel = await openPanel(page, 'Dentist');
  await addPreset(page, panel, 'At due time');
  await addPreset(page, panel, '1 day before');
  // By keyboard: the menu opens on Enter, arrows move, Enter picks.
  const add = panel.getByRole('button', { name: 'Add reminder' });
  await add.focus();
  await page.keyboard.press('Enter');
  // Those already set are skipped.
  await expect(page.getByRole('menuitem', { name: /At due time/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: '10 minutes before' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: '1 hour before' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  // Enter picks the focused item: on a busy machine the focus can still be on its way back.
  await expect(page.getByRole('menuitem', { name: '10 minutes before' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(add).toBeFocused();

  // Custom: an instant, read in the account's zone (UTC here), and some minutes before.
  await add.click();
  await page.getByRole('menuitem', { name: 'Custom…' }).click();
  const custom = panel.getByRole('group', { name: 'Custom reminder' });
  await custom.getByRole('radio', { name: 'On a date and time' }).check();
  // It fits a phone's panel.
  await page.setViewportSize({ width: 360, height: 760 });
  await expect(custom.getByRole('textbox', { name: 'Date and time' })).toBeVisible();
  expect(await panel.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await custom.getByRole('textbox', { name: 'Date and time' }).fill('2030-11-30T14:00');
  await custom.getByRole('button', { name: 'Add', exact: true }).click();
  await add.click();
  await page.getByRole('menuitem', { name: 'Custom…' }).click();
  await expect(custom.getByRole('radio', { name: 'Before the due time' })).toBeChecked();
  await custom.getByLabel('How long before').fill('45');
  // Enter adds it (and does not close the panel).
  await custom.getByLabel('How long before').press('Enter');
  await expect(panel).toBeVisible();

  const list = panel.getByTestId('reminder-list').getByRole('listitem');
  const shown = [
    'Sat 30 Nov 2030, 14:00',
    '1 day before',
    '45 minutes before',
    '10 minutes before',
    'At due time',
  ];
  await expect(list).toHaveText(shown);

  // Five is the most: the button stays focusable and says why it does nothing.
  const full = panel.getByRole('button', { name: 'Add reminder' });
  await expect(full).toHaveAttribute('aria-disabled', 'true');
  await expect(full).toHaveAccessibleDescription(/At most 5 reminders a task/);

  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await panel.getByText('Reminders', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/reminders-panel.png` });

  await expect
    .poll(
      async () => (await listed(page, account)).find((task) => task.title === 'Dentist')?.reminders.length,
    )
    .toBe(5);
  const saved = (await listed(page, account)).find((task) => task.title === 'Dentist');
  expect(saved?.reminders).toEqual(
    expect.arrayContaining([
      { minutesBefore: 0 },
      { minutesBefore: 10 },
      { minutesBefore: 45 },
      { minutesBefore: 1440 },
      { at: new Date('2030-11-30T14:00:00.000Z') },
    ]),
  );

  await page.reload();
  panel = page.getByRole('dialog', { name: 'Edit task' });
  // The open panel is part of the address: after the reload it opens again by itself (not at once).
  if (new URL(page.url()).searchParams.has('task')) await expect(panel).toBeVisible();
  else panel = await openPanel(page, 'Dentist');
  await expect(list).toHaveText(shown);

  // Removing one moves focus to the reminder that took its place.
  await panel.getByRole('button', { name: 'Remove reminder: 45 minutes before' }).click();
  await expect(list).toHaveText(shown.filter((text) => text !== '45 minutes before'));
  await expect(panel.getByRole('button', { name: 'Remove reminder: 10 minutes before' })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Add reminder' })).not.toHaveAttribute('aria-disabled');
  await expect
    .poll(
      async () => (await listed(page, account)).find((task) => task.title === 'Dentist')?.reminders.length,
    )
    .toBe(4);
});

test('“Skip this time” moves a repeating task to its next date without completing it', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  const due = dayFromNow(1);
  await api.create({
    title: 'Water plants',
    dueDate: due,
    allDay: true,
    recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' },
  } as Partial<ReminderTask>);
  await page.reload();

  const panel = await openPanel(page, 'Water plants');
  const dueDay = panel.getByRole('textbox', { name: 'Due date' });
  await expect(dueDay).toHaveValue(due.toISOString().slice(0, 10));
  await panel.getByRole('button', { name: 'Skip this time' }).click();

  const next = new Date(due.getTime() + 3 * 86_400_000);
  await expect(dueDay).toHaveValue(next.toISOString().slice(0, 10));
  await expect(panel.getByRole('status').filter({ hasText: 'Skipped. Next:' })).toBeVisible();
  await allSent(page);
  const tasks = await listed(page, account);
  // No completed history: the one task moved on.
  expect(tasks).toHaveLength(1);
  expect(tasks[0]).toMatchObject({
    status: 'pending',
    dueDate: next,
    recurrence: { rule: 'FREQ=DAILY;INTERVAL=3' },
  });

  // An edit after the skip saves on top of it (no conflict with the skipped version).
  await panel.getByRole('textbox', { name: 'Title' }).fill('Water the plants');
  await panel.getByRole('button', { name: /^Done/ }).click();
  await expect(panel).toBeHidden();
  await expect.poll(async () => (await listed(page, account))[0]?.title).toBe('Water the plants');
  expect((await listed(page, account))[0]?.dueDate).toEqual(next);
});

test.describe('push on this device', () => {
  // Chromium refuses the Push API in Playwright's incognito-like contexts and logs that as a console error
  // of its own; the page's handling of the refusal is what this test is about.
  test.use({ allowConsoleErrors: true });

  test('asked only from the button; a subscription the browser refuses is explained and nothing is lost', async ({
    page,
    context,
  }) => {
    const account = newAccount();
    await context.grantPermissions(['notifications']);
    // Counts the page's permission requests.
    await page.addInitScript(() => {
      const ask = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = () => {
        Object.assign(window, {
          permissionAsks: ((window as { permissionAsks?: number }).permissionAsks ?? 0) + 1,
        });
        return ask();
      };
    });
    const asks = () => page.evaluate(() => (window as { permissionAsks?: number }).permissionAsks ?? 0);
    await signUp(page, account);
    // The service worker is served as JavaScript that is always revalidated.
    const script = await page.request.get('/sw.js');
    expect(script.headers()['content-type']).toMatch(/javascript/);
    expect(script.headers()['cache-control']).toMatch(/no-cache|max-age=0/);

    // Push on this device: the prompt only comes from the button; without a push service here, subscribing
    // fails, which is said plainly, and nothing else is lost.
    await page.goto('/settings');
    const device = page.getByRole('region', { name: 'Notifications on this device' });
    await expect(device.getByTestId('device-push-state')).toHaveText('Off for this device.');
    expect(await asks()).toBe(0);
    await device.getByRole('checkbox', { name: 'Hide task titles on this device' }).check();
    await device.getByRole('button', { name: 'Get notifications on this device' }).click();
    await expect(device.getByRole('alert')).not.toBeEmpty({ timeout: 30_000 });
    expect(await asks()).toBe(1);
    await expect(device.getByTestId('device-push-state')).toHaveText('Off for this device.');
    await expect(device.getByRole('checkbox', { name: 'Hide task titles on this device' })).toBeChecked();
    await device.getByRole('checkbox', { name: 'Hide task titles on this device' }).uncheck();

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/');
    await page.screenshot({ path: `${SCREENSHOTS}/push-device.png` });
  });
});

test('a reminder goes off: email, the bell, a toast, a notification through the service worker', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const account = newAccount();
  await context.grantPermissions(['notifications']);
  await signUp(page, account);
  // Email reminders go to confirmed addresses only.
  await page.goto(await latestMailLink(account.email, 'verify-email'));
  await expect(page.getByRole('heading', { level: 1, name: 'Email address confirmed' })).toBeVisible();

  // A task due this very minute (a few seconds ago) with a reminder at its due time.
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Reminders' })).toBeVisible();
  const dueDate = await startOfThisMinute(page);
  const api = await taskApi(page, account);
  const task = await api.create({
    title: 'Call the plumber',
    dueDate,
    reminders: [{ minutesBefore: 0 }],
  } as Partial<ReminderTask>);
  await expect
    .poll(async () => (await delivered(page, account)).map((reminder) => reminder.taskId), {
      timeout: 30_000,
    })
    .toEqual([task.id]);

  // Coming back to the tab asks again: the new reminder shows as a toast and on the bell.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Call the plumber' })).toBeVisible();
  const bell = page.getByRole('button', { name: 'Reminders, 1 new' });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId('reminder-badge')).toHaveText('1');
  await bell.click();
  const item = page.getByRole('menuitem', { name: /Call the plumber/ });
  await expect(item).toBeVisible();
  // Opened is seen: the count goes.
  await expect(page.getByTestId('reminder-badge')).toHaveCount(0);
  expect(await seriousViolations(page), 'axe, bell open').toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/reminders-bell.png` });
  await item.click();
  await expect(page).toHaveURL(new RegExp(`[?&]task=${task.id}`));
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('Call the plumber');
  await expect(panel.getByTestId('reminder-list').getByRole('listitem')).toHaveText(['At due time']);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Seen stays seen after a reload (kept per person in this browser).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Reminders', exact: true })).toBeVisible();

  // One email for it.
  await expect
    .poll(
      () =>
        messagesTo(account.email).filter((mail) => /Subject: Reminder: Call the plumber/.test(mail)).length,
    )
    .toBe(1);

  // A push message to this browser's worker shows a notification whose click opens the task.
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  const origin = new URL(page.url()).origin;
  await expect
    .poll(() => registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted))
    .toBeTruthy();
  // A push reaches only an active worker; the first install (precaching the build) takes a moment.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const registrationId = () =>
    registrations.findLast((r) => r.scopeURL === `${origin}/` && !r.isDeleted)?.registrationId ?? '';
  const payload = {
    kind: 'reminder',
    title: 'Call the plumber',
    body: 'Due today',
    url: `/?task=${task.id}`,
    taskId: task.id,
    tag: 'reminder-pushed',
  };
  const push = () =>
    cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId: registrationId(),
      data: JSON.stringify(payload),
    });
  await push();
  const notificationsOf = (tag: string) =>
    page.evaluate(async (wanted) => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications({ tag: wanted })).map((shown) => ({
        title: shown.title,
        body: shown.body,
        url: (shown.data as { url: string }).url,
      }));
    }, tag);
  // A push that reached the worker while it was still being activated is lost, as it would be from a
  // real push service; the test sends it again (the same tag replaces, so there is still one).
  await expect
    .poll(async () => {
      const shown = await notificationsOf('reminder-pushed');
      if (!shown.length) await push();
      return shown;
    })
    .toEqual([{ title: 'Call the plumber', body: 'Due today', url: `${origin}/?task=${task.id}` }]);
  // Clicking a system notification is out of a test's reach: its address is what the worker opens.
  await page.goto(`${origin}/`);
  await page.goto((await notificationsOf('reminder-pushed'))[0]?.url ?? '/');
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('Call the plumber');
  await page.keyboard.press('Escape');

  // A hidden tab shows a new reminder as a notification, even without a push service.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  const secondDue = await startOfThisMinute(page);
  const second = await api.create({
    title: 'Feed the cat',
    dueDate: secondDue,
    reminders: [{ minutesBefore: 0 }],
  } as Partial<ReminderTask>);
  await expect
    .poll(async () => (await delivered(page, account)).map((reminder) => reminder.taskId), {
      timeout: 30_000,
    })
    .toContain(second.id);
  const tag = `reminder-${(await delivered(page, account)).find((r) => r.taskId === second.id)?.id}`;
  // The bell hears of the new task (live sync) and asks again as soon as its reminder is due, hidden or
  // not: no waiting for its once-a-minute ask.
  await expect
    .poll(() => notificationsOf(tag), { timeout: 20_000, intervals: [1_000] })
    .toEqual([{ title: 'Feed the cat', body: 'Reminder', url: `${origin}/?task=${second.id}` }]);
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Feed the cat' })).toHaveCount(0);
});

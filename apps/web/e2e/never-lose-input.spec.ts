import type { APIRequestContext, Browser, Page } from '@playwright/test';
import superjson from 'superjson';
import { expect, test } from './fixtures';
import { type Account, fillSignIn, newAccount, signIn, signUp } from './support/accounts';
import { allSent, quickAdd, row } from './support/task-screen';
import { taskApi } from './support/tasks';

const TITLE_MAX = 255;

function quickAddField(page: Page) {
  return page.getByRole('combobox', { name: 'New task' });
}

function quickAddForm(page: Page) {
  return page.getByRole('form', { name: 'Quick add' });
}

function panel(page: Page) {
  return page.getByRole('dialog', { name: 'Edit task' });
}

async function openTask(page: Page, title: string) {
  await page.getByTestId('task-title').getByText(title, { exact: true }).click();
  await expect(panel(page).getByLabel('Title')).toHaveValue(title);
}

/**
 * The code the app fetches once the first screen is idle (the edit panel's among it) has arrived, so it
 * opens without a network too: these journeys block the service worker that would have cached it.
 */
async function idleCodeLoaded(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const meta = document.querySelector('meta[name="taskapp-idle-modules"]');
          const named = meta?.getAttribute('content')?.split(' ') ?? [];
          const loaded = performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname);
          if (named.length === 0) return ['(the page names no idle code)'];
          return named.filter((path) => !loaded.includes(path));
        }),
      { timeout: 15_000 },
    )
    .toEqual([]);
}

/** The same person on another device: a second browser context with its own session. */
async function otherDevice(browser: Browser, account: Account): Promise<Page> {
  // Two browsers and two Argon2 sign-ins: on a busy machine this takes longer than one person's journey.
  test.slow();
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, account.email, account.password);
  return other;
}

/** A refusal as tRPC's batch link receives it. */
function trpcRefusal(code: string, httpStatus: number, message: string) {
  return {
    status: httpStatus,
    contentType: 'application/json',
    body: JSON.stringify([{ error: { json: { message, code: -32600, data: { code, httpStatus } } } }]),
  };
}

test('a pasted line over 255 characters stays in quick add with a counter and an error', async ({ page }) => {
  await signUp(page, newAccount());
  const field = quickAddField(page);
  const form = quickAddForm(page);

  await field.fill('a'.repeat(TITLE_MAX - 5));
  await expect(form.getByTestId('quick-add-counter')).toHaveText(`${TITLE_MAX - 5}/${TITLE_MAX}`);
  await expect(form.getByText(`Use at most ${TITLE_MAX} characters`)).toHaveCount(0);

  const pasted = `Pay rent ${'and more '.repeat(70)}`.trim();
  expect(pasted.length).toBeGreaterThan(600);
  await field.fill(pasted);
  await expect(form.getByTestId('quick-add-counter')).toHaveText(`${pasted.length}/${TITLE_MAX}`);
  await expect(form.getByText(`Use at most ${TITLE_MAX} characters`)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.press('Enter');
  // Nothing was sent or cut: the whole line is still there to shorten.
  await expect(field).toHaveValue(pasted);
  await expect(page.getByTestId('count-all')).toHaveText('0');
  await field.fill('Pay rent');
  await expect(form.getByTestId('quick-add-counter')).toHaveCount(0);
});

test.describe('with a failing network', () => {
  // A request that never reaches the server is logged by the browser; that is the point here.
  test.use({ allowConsoleErrors: true });

  test('a task the server refuses goes back into quick add with the reason; one it cannot reach waits and is sent later', async ({
    page,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    const field = quickAddField(page);

    await page.route('**/api/trpc/task.create*', (route) =>
      route.fulfill(trpcRefusal('BAD_REQUEST', 400, 'Too many tasks for one account')),
    );
    await field.fill('Buy oat milk !high');
    await field.press('Enter');
    await expect(field).toHaveValue('Buy oat milk !high');
    await expect(quickAddForm(page).getByText('Too many tasks for one account')).toBeVisible();
    await expect(row(page, 'Buy oat milk')).toHaveCount(0);

    // The network failing is not a refusal: the task is shown and waits in the outbox until it can be sent.
    await page.unroute('**/api/trpc/task.create*');
    await page.route('**/api/trpc/task.create*', (route) => route.abort('internetdisconnected'));
    await field.press('Enter');
    await expect(field).toHaveValue('');
    await expect(row(page, 'Buy oat milk')).toBeVisible();
    await expect(page.getByTestId('outbox-banner')).toContainText('1 change waiting');

    // Sent once the network is back (the outbox tries again within seconds).
    await page.unroute('**/api/trpc/task.create*');
    await expect(page.getByTestId('outbox-banner')).toBeHidden({ timeout: 20_000 });
    await expect(row(page, 'Buy oat milk')).toBeVisible();
    await expect(quickAddForm(page).getByRole('paragraph')).toHaveCount(0);
    expect((await (await taskApi(page, account)).list()).map((task) => task.title)).toEqual(['Buy oat milk']);
  });
});

/** Another device (its own cookies, unlike page.request) signs every other session of the account out. */
async function revokeFromAnotherDevice(page: Page, request: APIRequestContext, account: Account) {
  const origin = new URL(page.url()).origin;
  const login = await request.post('/api/trpc/auth.login', {
    headers: { origin },
    data: superjson.serialize({ email: account.email, password: account.password }),
  });
  const { accessToken } = superjson.deserialize<{ accessToken: string }>((await login.json()).result.data);
  const revoked = await request.post('/api/trpc/account.revokeOtherSessions', {
    headers: { origin, authorization: `Bearer ${accessToken}` },
    data: superjson.serialize(undefined),
  });
  expect(revoked.ok()).toBe(true);
}

test.describe('a write on its way when the session ends', () => {
  // The held request is cut off at the end, which the browser logs as a failed load.
  test.use({ allowConsoleErrors: true });

  test('a task sent just as the session ends is saved once after signing in again, and quick add lets it go', async ({
    page,
    request,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    // The task's request is on its way (no answer yet) when the session ends on another device.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    await page.route('**/api/trpc/task.create*', async (route) => {
      if (held++ > 0) return route.continue();
      await released;
      await route.abort('connectionreset');
    });
    await quickAddField(page).fill('Buy stamps');
    await quickAddField(page).press('Enter');
    await expect(row(page, 'Buy stamps')).toBeVisible();
    await revokeFromAnotherDevice(page, request, account);
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 20_000 });
    release();

    await fillSignIn(page, account.email, account.password);
    await expect(quickAddField(page)).toBeVisible();
    await allSent(page);
    await expect(row(page, 'Buy stamps')).toBeVisible();
    // Kept for this person's next session and sent once: the field does not offer it to be sent again.
    await expect(quickAddField(page)).toHaveValue('');
    expect((await (await taskApi(page, account)).list()).map((task) => task.title)).toEqual(['Buy stamps']);
  });
});

test('text typed on a device whose session was revoked is saved once after signing in again, or waits in quick add', async ({
  page,
  request,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await revokeFromAnotherDevice(page, request, account);

  await quickAddField(page).fill('Written on a revoked device');
  // Enter sends the task and finds the session ended: the task waits in the outbox for this person's next
  // session, and the field lets the text go. Or the app found the end first and the sign-in page had
  // already replaced the field (Enter then lands elsewhere): the text waits in quick add. Either way it is
  // there exactly once after signing in again: never lost, never sent twice. The key goes to whatever has
  // the focus now: a press that waited for the field could land after signing in again and send it itself.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sign-in/);
  await fillSignIn(page, account.email, account.password);
  await expect(quickAddField(page)).toBeVisible();
  await allSent(page);
  const saved = (await (await taskApi(page, account)).list()).map((task) => task.title);
  if (saved.length === 0) await expect(quickAddField(page)).toHaveValue('Written on a revoked device');
  else {
    expect(saved).toEqual(['Written on a revoked device']);
    await expect(row(page, 'Written on a revoked device')).toBeVisible();
    await expect(quickAddField(page)).toHaveValue('');
  }
});

test('the edit panel saves as you type, and Esc saves a pending edit instead of dropping it', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Fix bike');
  await openTask(page, 'Fix bike');
  const edit = panel(page);

  await edit.getByLabel('Title').fill('Fix bike brakes');
  await expect(edit.getByTestId('save-status')).toHaveText('Saved');
  await expect(edit).toBeVisible();
  // The open task is in the URL: the reloaded page shows the panel again, with the saved title.
  await page.reload();
  await expect(edit.getByLabel('Title')).toHaveValue('Fix bike brakes');
  await expect(row(page, 'Fix bike brakes')).toBeVisible();

  await edit.getByLabel('Description').fill('Front and back');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  const api = await taskApi(page, account);
  await expect.poll(async () => (await api.list())[0]?.description).toBe('Front and back');

  // An edit that can't be saved keeps the panel open until it is fixed or discarded.
  await openTask(page, 'Fix bike brakes');
  await edit.getByLabel('Title').fill('   ');
  await page.keyboard.press('Escape');
  await expect(edit.getByText('Give the task a title')).toBeVisible();
  await expect(edit).toBeVisible();
  await edit.getByRole('button', { name: 'Discard changes' }).click();
  await expect(edit).toBeHidden();
  await allSent(page);
  expect((await api.list())[0]?.title).toBe('Fix bike brakes');
});

test.describe('offline', () => {
  // Requests the browser cannot send are logged as errors while offline.
  test.use({ allowConsoleErrors: true });

  test('offline, quick add and the edit panel queue their writes and send them once back online', async ({
    page,
    context,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    await quickAdd(page, 'Fix bike');
    await idleCodeLoaded(page);
    await context.setOffline(true);

    await quickAdd(page, 'Buy a bell');
    await expect(row(page, 'Buy a bell')).toBeVisible();
    await openTask(page, 'Fix bike');
    await panel(page).getByLabel('Title').fill('Fix bike brakes');
    await expect(panel(page).getByTestId('save-status')).toHaveText(/Offline/);
    // The save waits in the queue, so closing does not lose it.
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(row(page, 'Fix bike brakes')).toBeVisible();

    await context.setOffline(false);
    const api = await taskApi(page, account);
    await expect
      .poll(async () => (await api.list()).map((task) => task.title).sort())
      .toEqual(['Buy a bell', 'Fix bike brakes']);
    await expect(quickAddField(page)).toHaveValue('');
  });
});

test('edits of different fields on two devices are merged', async ({ page, browser }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Pay rent');
  const other = await otherDevice(browser, account);

  await openTask(page, 'Pay rent');
  await openTask(other, 'Pay rent');
  await panel(other).getByLabel('Description').fill('By bank transfer');
  await expect(panel(other).getByTestId('save-status')).toHaveText('Saved');

  // This device still shows the version it opened; its title edit is refused as stale, then merged.
  await panel(page).getByLabel('Title').fill('Pay the rent');
  await expect(panel(page).getByTestId('save-status')).toHaveText('Saved');
  await expect(panel(page).getByLabel('Description')).toHaveValue('By bank transfer');
  await expect(panel(page).getByRole('group', { name: /changed elsewhere/ })).toHaveCount(0);

  const api = await taskApi(page, account);
  const [saved] = await api.list();
  expect(saved).toMatchObject({ title: 'Pay the rent', description: 'By bank transfer' });
  await other.context().close();
});

test('the same field changed on two devices asks which to keep and keeps the panel open', async ({
  page,
  browser,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Renew passport');
  const other = await otherDevice(browser, account);

  await openTask(page, 'Renew passport');
  await openTask(other, 'Renew passport');
  await panel(other).getByLabel('Title').fill('Renew passport at the town hall');
  await panel(other).getByLabel('Priority').selectOption({ label: 'High' });
  await expect(panel(other).getByTestId('save-status')).toHaveText('Saved');

  const edit = panel(page);
  await edit.getByLabel('Title').fill('Renew passport before June');
  await edit.getByLabel('Description').fill('Two photos');
  const choice = edit.getByRole('group', { name: 'Title changed elsewhere' });
  await expect(choice).toContainText('Renew passport at the town hall');
  // The other fields are merged and saved meanwhile; the title waits, and so does the panel.
  const api = await taskApi(page, account);
  await expect
    .poll(async () => (await api.list())[0])
    .toMatchObject({ title: 'Renew passport at the town hall', priority: 'high', description: 'Two photos' });
  await page.keyboard.press('Escape');
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('Title')).toHaveValue('Renew passport before June');

  await choice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(choice).toBeHidden();
  await expect(edit.getByTestId('save-status')).toHaveText('Saved');
  await allSent(page);
  expect((await api.list())[0]).toMatchObject({
    title: 'Renew passport before June',
    priority: 'high',
    description: 'Two photos',
  });
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await other.context().close();
});

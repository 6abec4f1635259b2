import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, newAccount, signIn, signOut, signUp } from './support/accounts';
import { startTheApp } from './support/first-use';
import { apiAs } from './support/organise-api';
import { outboxSize, quickAdd, row } from './support/task-screen';

// Issue 16: writes made without a network wait in a durable outbox (IndexedDB), survive reloads and a
// browser restart, and reach the server once each, in order; a second device sees them live.
test.use({ serviceWorkers: 'allow', allowConsoleErrors: true });

interface ApiTask {
  id: string;
  title: string;
  description: string | null;
  status: string;
  projectId: string | null;
}

const panel = (page: Page) => page.getByRole('dialog', { name: 'Edit task' });
const banner = (page: Page) => page.getByTestId('outbox-banner');
const places = (page: Page) => page.getByRole('navigation', { name: 'Places' });

async function openTask(page: Page, title: string) {
  await page.getByTestId('task-title').getByText(title, { exact: true }).click();
  await expect(panel(page).getByLabel('Title')).toHaveValue(title);
}

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
}

/** The same person on another device: a second browser context with its own session. */
async function otherDevice(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, account.email, account.password);
  return other;
}

async function tasksOnServer(api: Awaited<ReturnType<typeof apiAs>>): Promise<ApiTask[]> {
  const page = await api.query<{ items: ApiTask[] }>('task.list', { limit: 100 });
  return page.items;
}

test('offline: tasks and a project made without a network survive a reload and a browser restart, then reach the server once each', async ({
  browser,
  launchOptions,
  baseURL,
}) => {
  test.slow();
  // A real profile on disk, so closing the browser and opening it again keeps IndexedDB and the worker.
  const profile = await mkdtemp(path.join(tmpdir(), 'taskapp-outbox-'));
  let device: BrowserContext = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    let page = device.pages()[0] ?? (await device.newPage());
    const account = newAccount();
    await signUp(page, account);
    const other = await otherDevice(browser, account);
    // Through the other device: this one's browser closes on the way.
    const api = await apiAs(other, account);
    const garden = await api.mutate<{ id: string }>('project.create', { name: 'Garden' });
    for (const title of ['Old receipts', 'Call plumber', 'Water plants'])
      await api.mutate('task.create', { title });
    await page.goto('/inbox');
    await expect(row(page, 'Water plants')).toBeVisible();
    await waitForServiceWorker(page);
    await other.goto('/inbox');
    await expect(row(other, 'Water plants')).toBeVisible();
    // Someone looking at it: the app runs there and hears every change live.
    await startTheApp(other);

    await device.setOffline(true);
    await quickAdd(page, 'Buy seeds');
    await expect(row(page, 'Buy seeds')).toBeVisible();
    await openTask(page, 'Water plants');
    await panel(page).getByLabel('Title').fill('Water the plants');
    await expect(panel(page).getByTestId('save-status')).toHaveText(/Offline/);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await page.getByRole('button', { name: 'Mark as completed: Call plumber' }).click();
    await row(page, 'Old receipts').focus();
    await page.keyboard.press('Delete');
    await expect(row(page, 'Old receipts')).toHaveCount(0);
    // Made offline a moment ago and moved at once: the outbox sends the create first.
    await row(page, 'Buy seeds').hover();
    await page.getByRole('button', { name: 'Move “Buy seeds” to project…' }).click();
    await page.getByRole('menuitem', { name: 'Garden' }).click();
    await expect(row(page, 'Buy seeds')).toHaveCount(0);
    await places(page).getByRole('button', { name: 'Add project' }).click();
    await page.getByRole('textbox', { name: 'New project name' }).fill('Balcony');
    await page.getByRole('textbox', { name: 'New project name' }).press('Enter');
    await expect(places(page).getByRole('link', { name: /^Balcony/ })).toBeVisible();
    await places(page)
      .getByRole('link', { name: /^Inbox/ })
      .click();

    await expect(banner(page)).toContainText('Offline — 6 changes waiting');
    await expect.poll(() => outboxSize(page)).toBe(6);
    // The other device has seen none of it.
    await expect(row(other, 'Old receipts')).toBeVisible();

    // Reloaded offline: the app, the changes and the waiting writes are all still there.
    await page.waitForTimeout(1_500);
    await page.reload();
    await expect(row(page, 'Water the plants')).toBeVisible();
    await expect(row(page, 'Old receipts')).toHaveCount(0);
    await expect(row(page, 'Buy seeds')).toHaveCount(0);
    await expect(places(page).getByRole('link', { name: /^Balcony/ })).toBeVisible();
    await expect(banner(page)).toContainText('Offline — 6 changes waiting');

    // The browser closed and opened again, still offline.
    await device.close();
    device = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    await device.setOffline(true);
    page = device.pages()[0] ?? (await device.newPage());
    await page.goto('/inbox');
    await expect(row(page, 'Water the plants')).toBeVisible();
    await expect(banner(page)).toContainText('Offline — 6 changes waiting');

    await device.setOffline(false);
    await expect.poll(() => outboxSize(page), { timeout: 20_000 }).toBe(0);
    await expect(banner(page)).toBeHidden();

    const tasks = await tasksOnServer(api);
    expect(tasks.map((task) => task.title).sort()).toEqual(['Buy seeds', 'Call plumber', 'Water the plants']);
    expect(tasks.find((task) => task.title === 'Call plumber')?.status).toBe('completed');
    expect(tasks.find((task) => task.title === 'Buy seeds')?.projectId).toBe(garden.id);
    const projects = await api.query<{ name: string }[]>('project.list');
    expect(projects.map((project) => project.name).sort()).toEqual(['Balcony', 'Garden']);

    // The other device saw every change arrive, without a reload.
    await expect(row(other, 'Water the plants')).toBeVisible();
    await expect(row(other, 'Old receipts')).toHaveCount(0);
    await expect(places(other).getByRole('link', { name: /^Balcony/ })).toBeVisible();
    // Completed, so the Inbox no longer shows it.
    await expect(row(other, 'Call plumber')).toHaveCount(0);
    await other.context().close();
  } finally {
    await device.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('an offline title edit that meets a title change on another device asks which to keep; the rest merges', async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const trip = await api.mutate<ApiTask>('task.create', { title: 'Plan the trip' });
  await page.goto('/inbox');
  await expect(row(page, 'Plan the trip')).toBeVisible();
  const other = await otherDevice(browser, account);
  const otherApi = await apiAs(other, account);

  await context.setOffline(true);
  await openTask(page, 'Plan the trip');
  await panel(page).getByLabel('Title').fill('Plan the summer trip');
  await expect(panel(page).getByTestId('save-status')).toHaveText(/Offline/);
  await page.keyboard.press('Escape');
  await expect(banner(page)).toContainText('Offline — 1 change waiting');

  await otherApi.mutate('task.update', {
    id: trip.id,
    title: 'Plan the autumn trip',
    description: 'Lisbon, then Porto',
  });

  await context.setOffline(false);
  await expect(banner(page)).toContainText('1 change needs your choice');
  // Their description is kept; the title waits for a choice.
  expect(await api.query<ApiTask>('task.byId', { id: trip.id })).toMatchObject({
    title: 'Plan the autumn trip',
    description: 'Lisbon, then Porto',
  });

  await banner(page).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Waiting changes' });
  await expect(review.getByText('Title')).toBeVisible();
  await expect(review.getByText('Plan the summer trip')).toBeVisible();
  await expect(review.getByText('Plan the autumn trip')).toBeVisible();
  await review.getByRole('button', { name: 'Keep mine' }).click();
  await expect(review.getByText('Everything is saved.')).toBeVisible();
  await expect
    .poll(async () => {
      const saved = await api.query<ApiTask>('task.byId', { id: trip.id });
      return [saved.title, saved.description];
    })
    .toEqual(['Plan the summer trip', 'Lisbon, then Porto']);
  await review.getByRole('button', { name: 'Close' }).click();
  await expect(banner(page)).toBeHidden();
  await expect(row(page, 'Plan the summer trip')).toBeVisible();
  await other.context().close();
});

test('writes wait while the session has ended and are sent after signing in again; signing out drops them', async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/inbox');

  // Offline, a task is added; meanwhile the session ends elsewhere (signed out of other sessions).
  await context.setOffline(true);
  await quickAdd(page, 'Renew the passport');
  await expect(banner(page)).toContainText('Offline — 1 change waiting');
  // From another browser: a page's own requests would share (and replace) this browser's session cookie.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto('/sign-in');
  const api = await apiAs(elsewhere, account);
  await api.mutate('account.revokeOtherSessions', undefined);

  // Back online the outbox finds the session gone: the sign-in page, and the write still waits.
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  expect(await outboxSize(page)).toBe(1);
  await signIn(page, account.email, account.password);
  await expect.poll(() => outboxSize(page), { timeout: 20_000 }).toBe(0);
  await expect
    .poll(async () => (await tasksOnServer(api)).map((task) => task.title))
    .toEqual(['Renew the passport']);

  // A write the server cannot take right now waits; signing out on purpose drops it from this browser.
  await page.route('**/api/trpc/task.create*', (route) => route.abort('connectionrefused'));
  await quickAdd(page, 'Call the bank');
  await expect(banner(page)).toContainText('1 change waiting');
  expect(await outboxSize(page)).toBe(1);
  await signOut(page);
  await expect.poll(() => outboxSize(page)).toBe(0);
  await page.unroute('**/api/trpc/task.create*');
  await signIn(page, account.email, account.password);
  await page.waitForTimeout(1_000);
  expect((await tasksOnServer(api)).map((task) => task.title)).toEqual(['Renew the passport']);
  await elsewhere.context().close();
});

test('with two tabs open, one sends every waiting change and the other hears it was saved', async ({
  page,
  context,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/inbox');
  const second = await context.newPage();
  await second.goto('/inbox');
  await expect(second.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const sentFrom = { first: 0, second: 0 };
  page.on('request', (request) => {
    if (request.url().includes('task.create')) sentFrom.first += 1;
  });
  second.on('request', (request) => {
    if (request.url().includes('task.create')) sentFrom.second += 1;
  });

  await context.setOffline(true);
  await quickAdd(second, 'Post the letter');
  await quickAdd(second, 'Buy stamps');
  // Every tab shows what waits, whichever tab it was made in.
  await expect(banner(second)).toContainText('Offline — 2 changes waiting');
  await expect(banner(page)).toContainText('Offline — 2 changes waiting');

  await context.setOffline(false);
  await expect.poll(() => outboxSize(page), { timeout: 20_000 }).toBe(0);
  await expect(banner(second)).toBeHidden();
  expect(sentFrom.second).toBe(0);
  expect(sentFrom.first).toBeGreaterThan(0);
  await expect(row(second, 'Post the letter')).toBeVisible();
  await expect(row(page, 'Buy stamps')).toBeVisible();
  const elsewhere = await (await context.browser()?.newContext())?.newPage();
  if (!elsewhere) throw new Error('no browser');
  await elsewhere.goto('/healthz');
  const api = await apiAs(elsewhere, account);
  expect((await tasksOnServer(api)).map((task) => task.title).sort()).toEqual([
    'Buy stamps',
    'Post the letter',
  ]);
  await elsewhere.context().close();
});

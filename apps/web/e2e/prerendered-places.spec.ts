import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, newAccount, signOut, signUp } from './support/accounts';
import { startTheApp } from './support/first-use';
import { holdChunk } from './support/hold-chunk';
import { apiAs } from './support/organise-api';
import { row } from './support/task-screen';

// These journeys are about the page before the app runs: nothing moves the mouse for them.
test.use({ lookAtEachPage: false });

/** A person with three Inbox tasks, signed in on this page (the app running). */
async function personWithTasks(
  page: Page,
): Promise<{ account: Account; api: Awaited<ReturnType<typeof apiAs>> }> {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  for (const title of ['Buy milk', 'Call the bank', 'Water the plants'])
    await api.mutate('task.create', { title });
  return { account, api };
}

/** The app's own scripts the page asks for (a service worker's update check is not the page's). */
function appScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.resourceType() === 'script' && !pathname.startsWith('/sw')) scripts.push(pathname);
  });
  return scripts;
}

test('a signed-in person’s Inbox arrives drawn by the server with their tasks, and the app takes it over on first use', async ({
  page,
}) => {
  await personWithTasks(page);
  const scripts = appScripts(page);
  const response = await page.goto('/inbox');
  expect(response?.headers()['cache-control']).toBe('private, no-store');

  await expect(page.locator('#prerendered')).toHaveCount(1);
  await expect(page).toHaveTitle('Inbox · Taskapp');
  for (const title of ['Buy milk', 'Call the bank', 'Water the plants'])
    await expect(row(page, title)).toBeVisible();
  // Loaded and untouched: the two small plain scripts, none of the app's.
  expect(scripts.sort()).toEqual(['/first-use.js', '/theme.js']);
  const before = await row(page, 'Call the bank').boundingBox();

  await startTheApp(page);
  // The app's own screen, in the same place, live.
  await expect(row(page, 'Call the bank')).toBeVisible();
  expect(await row(page, 'Call the bank').boundingBox()).toEqual(before);
  await expect(
    page.getByRole('navigation', { name: 'Places' }).getByText('Live', { exact: true }),
  ).toBeVisible();
});

test('a line typed into quick add and sent before the app is here is added once when it has taken over', async ({
  page,
}) => {
  const { api } = await personWithTasks(page);
  const app = await holdChunk(page, 'index');
  await page.goto('/inbox');
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill('Renew the passport');
  await app.requested;
  await input.press('Enter');
  await expect(page.locator('#prerendered')).toHaveCount(1);
  expect(page.url()).toMatch(/\/inbox$/);

  app.release();
  await expect(row(page, 'Renew the passport')).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(input).toHaveValue('');
  await expect
    .poll(async () => {
      const list = await api.query<{ items: { title: string }[] }>('task.list', {});
      return list.items.filter((task) => task.title === 'Renew the passport').length;
    })
    .toBe(1);
});

test('a task pressed, or a shortcut key pressed, before the app is here is done once it has taken over', async ({
  page,
}) => {
  await personWithTasks(page);
  let app = await holdChunk(page, 'index');
  await page.goto('/inbox');
  await page.getByTestId('task-title').getByText('Call the bank', { exact: true }).click();
  await app.requested;
  app.release();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel.getByLabel('Title')).toHaveValue('Call the bank');

  await page.unroute(/\/assets\/index-/);
  app = await holdChunk(page, 'index');
  await page.goto('/inbox');
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await page.keyboard.press('?');
  await app.requested;
  app.release();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('a tab nobody has touched follows a sign-out in another tab', async ({ page, context }) => {
  await personWithTasks(page);
  const other = await context.newPage();
  await other.goto('/inbox');
  await expect(other.locator('#prerendered')).toHaveCount(1);
  await expect(row(other, 'Buy milk')).toBeVisible();

  await signOut(page);
  await expect(other).toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await expect(row(other, 'Buy milk')).toHaveCount(0);
});

test('a project left as a board is drawn as a board; without a live session the server draws nothing', async ({
  page,
  request,
}) => {
  const { api } = await personWithTasks(page);
  const project = await api.mutate<{ id: string }>('project.create', { name: 'Garden' });
  await api.mutate('task.create', { title: 'Plant bulbs', projectId: project.id });
  await page.goto(`/projects/${project.id}`);
  await startTheApp(page);
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('button', { name: 'Board' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await expect(page.locator('#prerendered').getByTestId('board-card')).toHaveCount(1);

  // A page credential that does not hold (forged, or its session ended) gets the app's plain page.
  const cookies = await page.context().cookies();
  const credential = cookies.find((cookie) => cookie.name === 'taskapp_page')?.value ?? '';
  expect(credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const forged = `${credential.slice(0, -2)}xx`;
  // A request context of its own: it carries only these cookies.
  const plain = await request.get('/inbox', {
    headers: { cookie: `taskapp_signed_in=1; taskapp_page=${forged}` },
  });
  expect(await plain.text()).not.toContain('id="prerendered"');
  await signOut(page);
  const signedOut = await page.request.get('/inbox');
  expect(await signedOut.text()).not.toContain('id="prerendered"');
});

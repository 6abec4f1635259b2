import type { BrowserContext, Page, Request } from '@playwright/test';
import { browserErrors, clientIpHeader, expect, test } from './fixtures';
import { newAccount, signIn, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { apiAs } from './support/organise-api';
import { quickAdd, row } from './support/task-screen';

/** "Live" is a promise of seconds, not of the next focus or reload. */
const LIVE = { timeout: 3_000 };

const STREAM_PATH = '/api/trpc/sync.events';

function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Places' });
}

async function expectLive(page: Page): Promise<void> {
  await expect(sidebar(page).getByText('Live', { exact: true })).toBeVisible();
}

test('two devices see each other’s create, complete, edit, delete and move as they happen', async ({
  page: phone,
  browser,
  baseURL,
}) => {
  const account = newAccount();
  await signUp(phone, account);
  // A second device: a browser of its own, sharing nothing with the first but the account.
  const laptopContext = await browser.newContext({ baseURL, extraHTTPHeaders: clientIpHeader() });
  const laptop = await laptopContext.newPage();
  const laptopErrors = browserErrors(laptop);
  await signIn(laptop, account.email, account.password);
  await expect(laptop.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expectLive(phone);
  await expectLive(laptop);

  // Neither page is reloaded, focused or made visible again from here on: only the stream can tell them.
  await quickAdd(phone, 'Water the plants');
  await expect(row(laptop, 'Water the plants')).toBeVisible(LIVE);
  await expect(laptop.getByTestId('count-all')).toHaveText('1', LIVE);

  await laptop.getByRole('button', { name: 'Mark as completed: Water the plants' }).click();
  await expect(
    row(phone, 'Water the plants').getByRole('button', { name: 'Mark as not completed: Water the plants' }),
  ).toBeVisible(LIVE);
  await expect(phone.getByTestId('count-completed')).toHaveText('1', LIVE);

  await quickAdd(laptop, 'Rake leaves');
  await expect(row(phone, 'Rake leaves')).toBeVisible(LIVE);
  await phone.getByTestId('task-title').getByText('Rake leaves').click();
  const panel = phone.getByRole('dialog', { name: 'Edit task' });
  await panel.getByLabel('Title').fill('Rake the leaves');
  await panel.getByLabel('Title').press('Tab');
  await expect(row(laptop, 'Rake the leaves')).toBeVisible(LIVE);
  await expect(row(laptop, 'Rake leaves')).toHaveCount(0);

  // A project made on a third device shows up in both sidebars; a task moved into it counts there.
  const api = await apiAs(phone, account);
  await api.mutate('project.create', { name: 'Garden' });
  await expect(sidebar(laptop).getByRole('link', { name: /^Garden/ })).toBeVisible(LIVE);
  await expect(panel.getByLabel('Project').getByRole('option', { name: 'Garden' })).toBeAttached(LIVE);
  await panel.getByLabel('Project').selectOption({ label: 'Garden' });
  await expect(sidebar(laptop).getByRole('link', { name: /^Garden\s*, 1 open/ })).toBeVisible(LIVE);
  await expect(row(laptop, 'Rake the leaves').getByTestId('project-chip')).toHaveText(/Garden/, LIVE);
  await panel.press('Escape');
  await expect(panel).toBeHidden();

  await laptop.getByRole('button', { name: 'Delete: Water the plants' }).click();
  await expect(row(phone, 'Water the plants')).toHaveCount(0, LIVE);
  await expect(phone.getByTestId('count-all')).toHaveText('1', LIVE);

  // A toast fading in or out is measured mid-animation (its contrast is not its own yet): let it go.
  await expect(phone.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
  for (const colorScheme of COLOR_SCHEMES) {
    await phone.emulateMedia({ colorScheme });
    expect(await seriousViolations(phone), `axe with the live status, ${colorScheme}`).toEqual([]);
  }
  expect(laptopErrors).toEqual([]);
  await laptopContext.close();
});

/** The `sync.events` requests of every page of a context, and which of them are still open. */
function watchStreams(context: BrowserContext) {
  const started: Request[] = [];
  const done = new Set<Request>();
  const closedPages = new Set<Page>();
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === STREAM_PATH) started.push(request);
  });
  context.on('requestfinished', (request) => done.add(request));
  context.on('requestfailed', (request) => done.add(request));
  context.on('page', (page) => page.on('close', () => closedPages.add(page)));
  const pageOf = (request: Request) => request.frame().page();
  return {
    started,
    open: () => started.filter((request) => !done.has(request) && !closedPages.has(pageOf(request))),
    pageOf,
    markClosed: (page: Page) => closedPages.add(page),
  };
}

test('six tabs share one stream, and another tab takes it over when the leader closes', async ({
  page,
  context,
}) => {
  const streams = watchStreams(context);
  const account = newAccount();
  await signUp(page, account);
  const tabs = [page];
  for (let index = 1; index < 6; index++) {
    const tab = await context.newPage();
    await tab.goto('/');
    await expect(tab.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    tabs.push(tab);
  }
  for (const tab of tabs) await expectLive(tab);
  // Settle: no follower opens a stream of its own a moment later.
  await page.waitForTimeout(1_500);
  expect(streams.open()).toHaveLength(1);
  expect(streams.started).toHaveLength(1);

  const api = await apiAs(page, account);
  await api.mutate('task.create', { title: 'Added on the phone' });
  for (const tab of tabs) await expect(row(tab, 'Added on the phone')).toBeVisible(LIVE);

  const [first] = streams.open();
  if (!first) throw new Error('no stream open');
  const leader = streams.pageOf(first);
  streams.markClosed(leader);
  await leader.close();
  const rest = tabs.filter((tab) => tab !== leader);
  // Made while no tab may be streaming yet: the next leader resumes after the last change it heard of.
  await api.mutate('task.create', { title: 'Added on the tablet' });

  await expect.poll(() => streams.open().length, LIVE).toBe(1);
  const [second] = streams.open();
  if (!second) throw new Error('no stream open');
  expect(rest).toContain(streams.pageOf(second));
  expect(new URL(second.url()).searchParams.get('input')).toContain('lastEventId');
  for (const tab of rest) await expect(row(tab, 'Added on the tablet')).toBeVisible(LIVE);
  for (const tab of rest) await expectLive(tab);
  await rest[0]?.waitForTimeout(1_000);
  expect(streams.open()).toHaveLength(1);
  expect(streams.started).toHaveLength(2);
});

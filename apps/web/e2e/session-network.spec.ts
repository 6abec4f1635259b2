import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { startTheApp } from './support/first-use';

const indicator = (page: Page) => page.getByRole('link', { name: /^API status:/ });

test('a signed-out visit makes no failing request and logs no error (new-user finding 28)', async ({
  page,
}) => {
  const problems: string[] = [];
  const calls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  // A download the test's own navigation cancels (a chunk the page preloads once idle, which may start
  // after the network went quiet) is not the app's failure; a refused or broken request is.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => calls.push(new URL(request.url()).pathname));

  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(calls.filter((path) => path.includes('auth.refresh'))).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('on a flaky network', () => {
  test.use({ allowConsoleErrors: true });

  test('a refresh whose answer is lost keeps the person signed in (new-user finding 3)', async ({ page }) => {
    await signUp(page, newAccount());
    let lost = 0;
    let answered = 0;
    await page.route('**/api/trpc/auth.refresh**', async (route) => {
      if (lost > 0) {
        answered += 1;
        await route.continue();
        return;
      }
      // The request reaches the server, which rotates the cookie; the browser never hears back.
      const request = route.request();
      const reached = await fetch(request.url(), {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postData() ?? undefined,
      });
      expect(reached.status).toBe(200);
      lost += 1;
      await route.abort('connectionreset');
    });

    await page.reload();
    // The server draws the page; the app, which refreshes the session, has it once it has taken over.
    await startTheApp(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
    expect(lost).toBe(1);
    expect(answered).toBeGreaterThanOrEqual(1);

    // The cookie the browser kept is the session's current one: the next visit still signs in.
    await page.unroute('**/api/trpc/auth.refresh**');
    await page.reload();
    await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('session-row')).toHaveCount(1);
  });

  test('the indicator says offline within seconds of the browser going offline, and online again after', async ({
    page,
    context,
  }) => {
    await signUp(page, newAccount());
    await expect(indicator(page)).toHaveAccessibleName(/API status: online/);

    await context.setOffline(true);
    await expect(indicator(page)).toHaveAccessibleName(/API status: offline — changes will sync/, {
      timeout: 5_000,
    });
    await expect(indicator(page)).toContainText('Offline — changes will sync');

    await context.setOffline(false);
    await expect(indicator(page)).toHaveAccessibleName(/API status: online/, { timeout: 10_000 });
  });

  test('the indicator says offline within seconds of the API becoming unreachable', async ({ page }) => {
    await signUp(page, newAccount());
    await expect(indicator(page)).toHaveAccessibleName(/API status: online/);

    await page.route('**/api/trpc/**', (route) => route.abort('connectionrefused'));
    // Whatever the person does next fails to reach the API…
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    // …and the indicator says so long before its next scheduled check (30 s).
    await expect(indicator(page)).toHaveAccessibleName(/API status: offline/, { timeout: 8_000 });

    await page.unroute('**/api/trpc/**');
    await expect(indicator(page)).toHaveAccessibleName(/API status: online/, { timeout: 10_000 });
  });
});

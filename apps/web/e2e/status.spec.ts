import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const apiVersion = (
  JSON.parse(readFileSync(new URL('../../api/package.json', import.meta.url), 'utf8')) as { version: string }
).version;

test('the status page shows the API and database as up, with the version', async ({ page }) => {
  await page.goto('/status');

  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  await expect(page.getByText('All systems normal')).toBeVisible();
  await expect(page.getByTestId('health-api')).toHaveText(/^up$/i);
  await expect(page.getByTestId('health-database')).toHaveText(/^up$/i);
  await expect(page.getByTestId('health-version')).toHaveText(apiVersion);
  await expect(page.getByTestId('health-uptime')).toHaveText(/^\d+[smhd]( \d+[smh])?$/);
  await expect(page.getByRole('link', { name: /API status: online/ })).toBeVisible();
});

test.describe('when the API cannot be reached', () => {
  test.use({ allowConsoleErrors: true });

  test('shows an error with a working retry', async ({ page }) => {
    await page.route('**/api/trpc/**', (route) => route.abort('connectionrefused'));
    await page.goto('/status');

    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Can’t reach the API' })).toBeVisible();
    await expect(page.getByRole('link', { name: /API status: offline/ })).toBeVisible();

    // Retry asks again at once (still unreachable, so the error stays); the app's own check comes only
    // every 5 s.
    const retry = alert.getByRole('button', { name: /Retry/ });
    const asked = page.waitForRequest('**/api/trpc/health.check**', { timeout: 1_500 });
    await retry.click();
    await asked;
    await expect(alert.getByRole('heading', { name: 'Can’t reach the API' })).toBeVisible();

    // Once the API answers again, Retry brings the page back. The app's own periodic check may get there
    // first and take the button away before the click: that is a recovery too.
    await page.unroute('**/api/trpc/**');
    await retry.click({ timeout: 3_000 }).catch(() => undefined);
    await expect(page.getByTestId('health-database')).toHaveText(/^up$/i);
  });
});

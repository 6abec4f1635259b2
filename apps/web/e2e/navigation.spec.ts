import { expect, test } from './fixtures';

test('the header navigation moves between pages without reloading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your tasks arrive soon' })).toBeVisible();
  // A full reload would wipe this marker; client-side navigation keeps it.
  await page.evaluate(() => Object.assign(window, { __spa: true }));

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL('/status');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Status · Taskapp');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL('/sign-in');
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL('/');
  await expect(nav.getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => (window as { __spa?: boolean }).__spa)).toBe(true);
});

test('deep links load directly from the server', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'This page doesn’t exist' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Taskapp');
  await page.getByRole('link', { name: 'Go to your tasks' }).click();
  await expect(page).toHaveURL('/');
});

test('keyboard users can skip straight to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

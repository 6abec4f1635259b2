import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';

test('the header navigation moves between pages without reloading', async ({ page }) => {
  await signUp(page, newAccount());
  await expect(page.getByRole('heading', { name: 'No tasks yet' })).toBeVisible();
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

  await page.goBack();
  await expect(page).toHaveURL('/status');
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL('/');
  await expect(nav.getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page');

  // The user menu opens settings, also by its shortcut.
  await page.getByRole('button', { name: /account menu/ }).click();
  await expect(page.getByRole('menuitem', { name: /Settings/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press(',');
  await expect(page).toHaveURL('/settings');
  expect(await page.evaluate(() => (window as { __spa?: boolean }).__spa)).toBe(true);
});

test('signed out, the header offers sign in and sign up', async ({ page }) => {
  await page.goto('/status');
  const header = page.getByRole('banner');
  await expect(header.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await header.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/sign-in');
  await expect(page).toHaveTitle('Sign in · Taskapp');
  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL('/sign-in');
});

test('deep links load directly from the server', async ({ page }) => {
  await page.goto('/status');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'This page doesn’t exist' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Taskapp');
  await page.getByRole('link', { name: 'Go to your tasks' }).click();
  // Signed out, "your tasks" means signing in first.
  await expect(page).toHaveURL('/sign-in');
});

test('keyboard users can skip straight to the content', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';
import { holdChunk } from './support/hold-chunk';

/** An account made in another browser context, so this page starts signed out. */
async function existingAccount(browser: Browser): Promise<Account> {
  const account = newAccount();
  const context = await browser.newContext();
  await signUp(await context.newPage(), account);
  await context.close();
  return account;
}

test.use({ lookAtEachPage: false });

test('the sign-in form is on screen with no script of the app run, which loads on first use and keeps what was typed and sent meanwhile', async ({
  page,
  browser,
}) => {
  const account = await existingAccount(browser);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const app = await holdChunk(page, 'index');
  await page.goto('/sign-in?redirect=%2Fsettings');

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await expect(page).toHaveTitle('Sign in · Taskapp');
  // Loaded and untouched: only the two small plain scripts, none of the app's.
  expect(scripts.sort()).toEqual(['/first-use.js', '/theme.js']);

  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await email.fill(account.email);
  await app.requested;
  await password.fill(account.password);
  // Sent before the app is here: held, never sent by the browser itself (the password stays out of the address).
  await password.press('Enter');
  expect(page.url()).not.toContain('password');
  await expect(page.locator('#prerendered')).toHaveCount(1);

  app.release();
  // The app takes over where the prerendered page was, with what was typed, and sends the held form.
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
});

test('a press on the prerendered page before the app is here is done once it has taken over', async ({
  page,
}) => {
  const app = await holdChunk(page, 'index');
  await page.goto('/sign-in');
  const email = page.getByLabel('Email');
  const fieldBefore = await email.boundingBox();
  await page.getByRole('button', { name: /^Theme/ }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);

  app.release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('menu')).toBeVisible();
  // The app's page sits exactly where the prerendered one was.
  expect(await email.boundingBox()).toEqual(fieldBefore);
});

test('the prerendered sign-up form works once the app has taken over', async ({ page }) => {
  const account = newAccount();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(account.name);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
});

test('forgot password comes prerendered too, and a request sent before the app is here goes out once it is', async ({
  page,
}) => {
  const app = await holdChunk(page, 'index');
  await page.goto('/forgot-password');
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await page.getByLabel('Email').fill(newAccount().email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await app.requested;
  app.release();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
});

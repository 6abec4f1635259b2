import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';

/** An account made in another browser context, so this page starts signed out. */
async function existingAccount(browser: Browser): Promise<Account> {
  const account = newAccount();
  const context = await browser.newContext();
  await signUp(await context.newPage(), account);
  await context.close();
  return account;
}

/** Holds the app's entry chunk back until the returned function is called: the page as a slow phone has it. */
async function holdTheApp(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the sign-in form is on screen before the app has run, and what is typed there survives the app taking over', async ({
  page,
  browser,
}) => {
  const account = await existingAccount(browser);
  const startApp = await holdTheApp(page);
  // Module scripts hold back DOMContentLoaded and load: the page is wanted as soon as it arrives.
  await page.goto('/sign-in?redirect=%2Fsettings', { waitUntil: 'commit' });

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await expect(page).toHaveTitle('Sign in · Taskapp');
  const signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
  // Without the app a submit would send the form to the address bar: the button waits for the app.
  await expect(signInButton).toBeDisabled();

  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await email.fill(account.email);
  await password.fill(account.password);
  await password.press('Enter');
  expect(page.url()).not.toContain('password');
  const fieldBefore = await email.boundingBox();

  startApp();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(email).toHaveValue(account.email);
  await expect(password).toHaveValue(account.password);
  await expect(password).toBeFocused();
  // The app's page sits exactly where the prerendered one was.
  expect(await email.boundingBox()).toEqual(fieldBefore);

  await signInButton.click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
});

test('the prerendered sign-up form works once the app has taken over', async ({ page }) => {
  const account = newAccount();
  await page.goto('/sign-up');
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
});

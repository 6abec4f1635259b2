import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import superjson from 'superjson';
import { startTheApp } from './first-use';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A fresh person per test, so tests never depend on each other's data. */
export function newAccount(name = 'Ada Lovelace'): Account {
  const id = randomBytes(5).toString('hex');
  return { name, email: `ada.${id}@example.com`, password: `calm-otter-${id}-lamp` };
}

/**
 * A new person's account made through the API beside the browser, as the sign-up form makes it (with the
 * browser's time zone, when it is a canonical one), then their task screen opened. Most journeys only need
 * someone signed in: loading the sign-up page and filling it in cost each of them a page load more.
 */
export async function signUp(page: Page, account: Account): Promise<void> {
  const origin = new URL(String(test.info().project.use.baseURL)).origin;
  const timeZone = await page.evaluate(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return Intl.supportedValuesOf('timeZone').includes(zone) ? zone : undefined;
  });
  const response = await page.request.post('/api/trpc/auth.register', {
    headers: { origin },
    data: superjson.serialize({ ...account, ...(timeZone ? { timeZone } : {}) }),
  });
  expect(response.ok(), await response.text()).toBe(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  // The server drew the screen; the journeys go on with the app running, as after a person's first look.
  await startTheApp(page);
}

/** Signs a new person up through the sign-up form, the way a visitor does. */
export async function signUpThroughForm(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await fillSignIn(page, email, password);
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** Records whether the sign-in page is ever rendered in the page (catches a flash of it while restoring). */
export async function watchForSignInPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = () =>
      Array.from(document.querySelectorAll('h1')).some((heading) => heading.textContent === 'Sign in');
    new MutationObserver(() => {
      if (seen()) Object.assign(window, { __sawSignIn: true });
    }).observe(document, { childList: true, subtree: true });
  });
}

export function sawSignInPage(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean((window as { __sawSignIn?: boolean }).__sawSignIn));
}

import { browserErrors, expect, test } from './fixtures';
import {
  fillSignIn,
  newAccount,
  sawSignInPage,
  signIn,
  signOut,
  signUpThroughForm,
  watchForSignInPage,
} from './support/accounts';

test('sign up, sign out, sign in, stay signed in, change password: the other session is signed out', async ({
  page,
  browser,
  extraHTTPHeaders,
}) => {
  test.slow();
  const account = newAccount();
  const newPassword = `${account.password}-changed`;

  await signUpThroughForm(page, account);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('region', { name: 'Email confirmation' })).toContainText(account.email);

  await signOut(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL('/');

  // Reloading restores the session from the cookie, without showing the sign-in page on the way.
  await watchForSignInPage(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
  expect(await sawSignInPage(page)).toBe(false);

  // A second browser, signed in as the same person: another session.
  const otherContext = await browser.newContext({ extraHTTPHeaders });
  const other = await otherContext.newPage();
  const otherErrors = browserErrors(other);
  await signIn(other, account.email, account.password);
  await other.goto('/settings');
  await expect(other.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const sessions = page.getByRole('list', { name: 'Signed-in sessions' }).getByTestId('session-row');
  await expect(sessions).toHaveCount(2);

  await page.getByLabel('Current password', { exact: true }).fill(account.password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed')).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText('This device');

  // The other session ends at once: its live stream is closed with the session, so it lands on the
  // sign-in page and is told why without waiting for its next call (filling a field there would race it).
  await expect(other).toHaveURL(/\/sign-in\?/);
  await expect(other.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();

  // The old password is gone; the new one works and returns to the page that was open.
  await fillSignIn(other, account.email, account.password);
  await expect(other.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await fillSignIn(other, account.email, newPassword);
  await expect(other).toHaveURL('/settings');
  await expect(other.getByLabel('Name')).toHaveValue(account.name);
  expect(otherErrors).toEqual([]);
  await otherContext.close();

  // This device kept its session through the change.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

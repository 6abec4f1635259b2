import { browserErrors, expect, test } from './fixtures';
import { newAccount, signOut, signUp } from './support/accounts';

test('tabs follow each other: signing out in one signs out all, signing in in one signs in all', async ({
  page,
  context,
}) => {
  const account = newAccount();
  await signUp(page, account);

  const second = await context.newPage();
  const secondErrors = browserErrors(second);
  await second.goto('/settings');
  await expect(second.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await signOut(page);
  await expect(second).toHaveURL('/sign-in');

  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(second).toHaveURL('/');
  await expect(second.getByRole('button', { name: /account menu/ })).toBeVisible();
  expect(secondErrors).toEqual([]);
});

test('tabs refreshing at the same moment keep the session alive', async ({ page, context }) => {
  const account = newAccount();
  await signUp(page, account);
  const tabs = [page, ...(await Promise.all([1, 2, 3].map(() => context.newPage())))];
  // Every tab restores its session from the same rotating cookie at once; the lock takes them in turn.
  await Promise.all(tabs.map((tab) => tab.goto('/settings')));
  for (const tab of tabs) {
    await expect(tab.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(tab.getByTestId('session-row').first()).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

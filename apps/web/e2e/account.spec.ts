import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { fillSignIn, newAccount, signIn, signUp } from './support/accounts';

test('renaming shows the new name everywhere', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/settings');
  const save = page.getByRole('button', { name: 'Save name' });
  await expect(save).toBeDisabled();
  await page.getByLabel('Name').fill('Ada King');
  await save.click();
  await expect(page.getByText('Name saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ada King, account menu' })).toBeVisible();
});

test('sessions can be signed out one by one or all at once', async ({ page, browser, extraHTTPHeaders }) => {
  const account = newAccount();
  await signUp(page, account);
  const others = await Promise.all([1, 2].map(() => browser.newContext({ extraHTTPHeaders })));
  for (const context of others) await signIn(await context.newPage(), account.email, account.password);

  await page.goto('/settings');
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(3);
  await rows.filter({ hasNotText: 'This device' }).first().getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('Session signed out')).toBeVisible();
  await expect(rows).toHaveCount(2);

  await page.getByRole('button', { name: 'Sign out other sessions' }).click();
  await expect(page.getByText('Signed out 1 other session')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText('No other sessions.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out other sessions' })).toBeDisabled();
  await Promise.all(others.map((context) => context.close()));
});

test('export downloads everything about the account as JSON', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^taskapp-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    user: { email: string; name: string };
    tasks: unknown[];
    sessions: unknown[];
  };
  expect(data.user).toMatchObject({ email: account.email, name: account.name });
  expect(data.tasks).toEqual([]);
  expect(data.sessions).toHaveLength(1);
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|argon2/);
});

test.describe('a sign-in from long ago', () => {
  // The browser logs the refused download (403) as a console error; that refusal is the point here.
  test.use({ allowConsoleErrors: true });

  test('an export on a sign-in from long ago asks for the password first, then downloads', async ({
    page,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    await page.goto('/settings');
    // The server's answer when this device signed in more than 30 minutes ago (API tests age a real session).
    await page.route(
      '**/api/account/export',
      (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'For your security, confirm your password first.' }),
        }),
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Download my data' }).click();
    const confirm = page.getByRole('form', { name: 'Confirm your password' });
    await confirm.getByLabel('Password', { exact: true }).fill('not the password');
    await confirm.getByRole('button', { name: 'Confirm and download' }).click();
    await expect(confirm.getByText('That password is not correct.')).toBeVisible();
    await confirm.getByLabel('Password', { exact: true }).fill(account.password);
    const download = page.waitForEvent('download');
    await confirm.getByRole('button', { name: 'Confirm and download' }).click();
    expect((await download).suggestedFilename()).toMatch(/^taskapp-export-/);
    await expect(page.getByRole('button', { name: 'Download my data' })).toBeVisible();
  });
});

test('deleting the account needs the password and ends every session', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/settings');

  await page.getByRole('button', { name: 'Delete account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete account…' })).toBeFocused();

  await page.getByRole('button', { name: 'Delete account…' }).click();
  await dialog.getByRole('button', { name: 'Delete account' }).click();
  await expect(dialog.getByLabel('Your password')).toHaveAccessibleDescription('Enter your password');
  await dialog.getByLabel('Your password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Delete account' }).click();
  await expect(dialog.getByLabel('Your password')).toHaveAccessibleDescription(
    'That password is not correct.',
  );

  await dialog.getByLabel('Your password').fill(account.password);
  await dialog.getByRole('button', { name: 'Delete account' }).click();
  await expect(page).toHaveURL('/sign-in?notice=account-deleted');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your account and everything in it' }),
  ).toBeVisible();

  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
});

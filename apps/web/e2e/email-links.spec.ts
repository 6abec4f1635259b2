import { expect, test } from './fixtures';
import { fillSignIn, newAccount, signOut, signUp } from './support/accounts';
import { latestMailLink } from './support/mail';

test('the verification link confirms the email once', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const banner = page.getByRole('region', { name: 'Email confirmation' });
  await expect(banner).toBeVisible();

  // "Resend" mails a second, newer link; the first stays valid until one is used.
  const first = await latestMailLink(account.email, 'verify-email');
  await banner.getByRole('button', { name: 'Resend link' }).click();
  await expect(page.getByText('Confirmation link sent')).toBeVisible();
  const link = await latestMailLink(account.email, 'verify-email', first);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Email address confirmed' })).toBeVisible();
  await expect(banner).toBeHidden();
  await page.getByRole('link', { name: 'Go to your tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(banner).toBeHidden();

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This link didn’t work' })).toBeVisible();
  await expect(page.getByRole('alert')).not.toBeEmpty();
});

test('forgot password sends a link that sets a new password once', async ({ page }) => {
  const account = newAccount();
  const newPassword = `${account.password}-reset`;
  await signUp(page, account);
  await signOut(page);

  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email.toUpperCase());
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  const link = await latestMailLink(account.email, 'reset-password');
  // The token rides after '#', so the page load never sends it to the server or its logs.
  expect(link).toMatch(/^\/reset-password#token=[\w-]+$/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  // No empty alert box before anything went wrong (new-user finding 1).
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();

  await expect(page).toHaveURL('/sign-in?notice=password-reset');
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await fillSignIn(page, account.email, newPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();

  // Used once, the link is spent.
  await signOut(page);
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(`${newPassword}-again`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('Request a new link');
});

test('asking for a reset of an unknown email gets the same answer', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(newAccount().email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
});

test('a link mailed before tokens moved to the fragment still works, and its token leaves the query', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const link = await latestMailLink(account.email, 'verify-email');
  expect(link).toMatch(/^\/verify-email#token=[\w-]+$/);
  const token = new URLSearchParams(link.split('#')[1]).get('token');
  const serverSaw: string[] = [];
  page.on('request', (request) => serverSaw.push(request.url()));

  await page.goto(`/verify-email?token=${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Email address confirmed' })).toBeVisible();
  await expect(page).toHaveURL(`/verify-email#token=${token}`);
  // Only the old-style page load itself carried it; nothing after.
  expect(serverSaw.filter((url) => url.includes(token ?? 'missing'))).toHaveLength(1);
});

test('the reset page with an incomplete link says so, and without a problem shows no alert', async ({
  page,
}) => {
  await page.goto('/reset-password#token=some-token-that-looks-fine');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('/reset-password');
  await expect(page.getByRole('alert')).toContainText('This link is incomplete');
});

import { expect, test } from './fixtures';
import { newAccount, signIn, signOut, signUp } from './support/accounts';

test('sign-up checks every field before sending and explains what is wrong next to it', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();

  const name = page.getByLabel('Name');
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Enter your name');
  await expect(email).toHaveAccessibleDescription('Enter a valid email address');
  await expect(password).toHaveAccessibleDescription(/^Use at least 8 characters/);
  // The first field in error gets the focus.
  await expect(name).toBeFocused();

  // Fixing a field clears its message while typing.
  await email.fill('ada@example.com');
  await expect(email).not.toHaveAttribute('aria-invalid');
  await expect(email).toHaveAccessibleDescription('');
});

test('sign-in checks its fields before sending, with checks that load after the form shows', async ({
  page,
}) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('auth.login')) sent.push(request.url());
  });
  await page.goto('/sign-in');
  // Sent at once, before anything had a reason to fetch the checks.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await expect(email).toHaveAccessibleDescription('Enter a valid email address');
  await expect(password).toHaveAccessibleDescription('Enter your password');
  await expect(email).toBeFocused();
  await email.fill('ada@');
  await password.focus();
  await expect(email).toHaveAccessibleDescription('Enter a valid email address');
  await email.fill('ada@example.com');
  await expect(email).toHaveAccessibleDescription('');
  expect(sent).toEqual([]);
});

test('sign-in fetches its checks when the form is first used, not while the page is only read', async ({
  page,
}) => {
  const checksRequested = () =>
    page.waitForRequest(/\/assets\/login-resolver-[^/]+\.js$/, { timeout: 3_000 });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  // The page left alone, idle and all: the checks (zod) stay on the server.
  await expect(checksRequested()).rejects.toThrow();
  const requested = checksRequested();
  await page.getByLabel('Email').focus();
  await requested;
});

test('the password checklist and strength meter follow what is typed', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('grace.hopper@example.com');
  const password = page.getByLabel('Password', { exact: true });
  const rules = page.getByRole('list', { name: 'Password requirements' });

  await expect(rules.getByRole('listitem').filter({ hasText: 'At least 8 characters' })).toContainText(
    'not yet',
  );

  // The part before the @ counts as the email too, as it does on the server.
  await password.fill('grace.hopper');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Not your email address' })).toContainText(
    'not yet',
  );
  await expect(rules.getByRole('listitem').filter({ hasText: 'At least 8 characters' })).toContainText(
    'done',
  );

  await password.fill('password');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Not a commonly used password' })).toContainText(
    'not yet',
  );
  await expect(page.getByText(/^Strength: Very weak/)).toBeVisible();

  await password.fill('grace.hopper@example.com');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Not your email address' })).toContainText(
    'not yet',
  );

  await password.fill('quiet-violet-harbour-1906');
  await expect(page.getByText(/^Strength: Strong/)).toBeVisible();
  await expect(rules.getByRole('listitem').filter({ hasText: 'Not a commonly used password' })).toContainText(
    'done',
  );
});

test('the server’s field errors appear next to the right field', async ({ page }) => {
  const account = newAccount();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/common/);
  await expect(password).toBeFocused();

  await password.fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await signOut(page);

  // Same address again, in other letters: taken.
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone else');
  const email = page.getByLabel('Email');
  await email.fill(account.email.toUpperCase());
  await password.fill(`${account.password}-2`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/already exists/);

  // A wrong current password is pinned to its own field.
  await signIn(page, account.email, account.password);
  await page.goto('/settings');
  await page.getByLabel('Current password', { exact: true }).fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill(`${account.password}-new`);
  await page.getByRole('button', { name: 'Change password' }).click();
  const current = page.getByLabel('Current password', { exact: true });
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription('That password is not correct.');
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await page.getByLabel('Email').fill(newAccount().email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
});

test.describe('route guards', () => {
  test('signed-out visitors are sent to sign in, and back where they were going afterwards', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/sign-in');

    const account = newAccount();
    await signUp(page, account);
    await signOut(page);

    await page.goto('/settings');
    await expect(page).toHaveURL('/sign-in?redirect=%2Fsettings');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    // Signed in, the sign-in and sign-up pages lead home.
    await page.goto('/sign-in');
    await expect(page).toHaveURL('/');
    await page.goto('/sign-up');
    await expect(page).toHaveURL('/');
  });

  test('a redirect never leaves the site', async ({ page }) => {
    const account = newAccount();
    await signUp(page, account);
    await signOut(page);
    await page.goto('/sign-in?redirect=//evil.example/steal');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/');
  });
});

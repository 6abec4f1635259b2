import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillSignIn, newAccount, signOut, signUp } from './support/accounts';
import { seriousViolations } from './support/axe';
import { authenticator, checkBothThemes, securitySection } from './support/security-section';

// WebAuthn refuses IP addresses as relying party ids; run this with playwright.localhost.config.ts.
test.skip(
  ({ baseURL }) => /^http:\/\/[\d.]+:/.test(baseURL ?? ''),
  'passkeys need the app on a host name: playwright test -c playwright.localhost.config.ts',
);

/** Chromium's virtual authenticator stands in for the device's lock (it says the person is verified). */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test('passkeys: add one, rename it, sign in with it alone, delete it', async ({ page }) => {
  test.setTimeout(120_000);
  const account = newAccount();
  await signUp(page, account);
  await addVirtualAuthenticator(page);
  await page.goto('/settings');
  const section = securitySection(page);
  await expect(section.getByText('No passkeys yet.')).toBeVisible();
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  const name = section.getByLabel('Passkey name');
  await expect(name).toBeFocused();
  await expect(name).not.toHaveValue('');
  await name.fill('Work laptop');
  await name.press('Enter');
  const rows = section.getByTestId('passkey-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Work laptop');
  await expect(rows.first()).toContainText('Never used');
  await checkBothThemes(page, 'security-passkey');

  await rows.first().getByRole('button', { name: 'Rename' }).click();
  await rows.first().getByLabel('Passkey name').fill('Home laptop');
  await rows.first().getByRole('button', { name: 'Save' }).click();
  await expect(rows.first()).toContainText('Home laptop');

  await signOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();

  await page.goto('/settings');
  await expect(rows.first()).toContainText('Last used');
  await rows.first().getByRole('button', { name: 'Delete' }).click();
  const password = rows.first().getByLabel('Password', { exact: true });
  await password.fill('not-my-password-at-all');
  await rows.first().getByRole('button', { name: 'Delete passkey' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await password.fill(account.password);
  await rows.first().getByRole('button', { name: 'Delete passkey' }).click();
  await expect(rows).toHaveCount(0);
  await expect(section.getByText('No passkeys yet.')).toBeVisible();
});

test('with two-factor authentication on, a passkey can be the second step', async ({ page }) => {
  test.setTimeout(120_000);
  const account = newAccount();
  await signUp(page, account);
  await addVirtualAuthenticator(page);
  await page.goto('/settings');
  const section = securitySection(page);
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await section.getByRole('button', { name: 'Create passkey' }).click();
  await expect(section.getByTestId('passkey-row')).toHaveCount(1);

  await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await section.getByLabel('Password', { exact: true }).fill(account.password);
  await section.getByRole('button', { name: 'Continue' }).click();
  const nextCode = authenticator(await section.getByLabel('Setup key').inputValue());
  await section.getByLabel('Authentication code').fill(await nextCode());
  await section.getByRole('button', { name: 'Turn on', exact: true }).click();
  await section.getByRole('button', { name: 'Done' }).click();

  await signOut(page);
  await fillSignIn(page, account.email, account.password);
  const secondStep = page.getByRole('form', { name: 'Two-factor authentication' });
  await expect(secondStep.getByLabel('Authentication code')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await secondStep.getByRole('button', { name: 'Use a passkey instead' }).click();
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
});

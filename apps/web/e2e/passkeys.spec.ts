import { expect, test } from './fixtures';
import { newAccount, signOut, signUp } from './support/accounts';
import { checkBothThemes, securitySection } from './support/security-section';

// WebAuthn refuses IP addresses as relying party ids; run this with playwright.localhost.config.ts.
test.skip(
  ({ baseURL }) => /^http:\/\/[\d.]+:/.test(baseURL ?? ''),
  'passkeys need the app on a host name: playwright test -c playwright.localhost.config.ts',
);

test('passkeys: add one, rename it, sign in with it alone, delete it', async ({ page }) => {
  test.setTimeout(120_000);
  const account = newAccount();
  await signUp(page, account);
  // Chromium's virtual authenticator stands in for the device's lock (it says the person is verified).
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

import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { fillSignIn, newAccount, signOut, signUp } from './support/accounts';
import { seriousViolations } from './support/axe';
import { authenticator, checkBothThemes, securitySection } from './support/security-section';

test('two-factor authentication: turn on, sign in with a code and with a recovery code, turn off', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const account = newAccount();
  await signUp(page, account);
  await page.goto('/settings');
  const section = securitySection(page);
  await expect(section.getByText('Two-factor authentication is off')).toBeVisible();
  await checkBothThemes(page, 'security-off');

  // Turn on: the password first (a wrong one is refused next to the field).
  await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  const password = section.getByLabel('Password', { exact: true });
  await expect(password).toBeFocused();
  await password.fill('not-my-password-at-all');
  await password.press('Enter');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await password.fill(account.password);
  await section.getByRole('button', { name: 'Continue' }).click();

  // The QR code and the setup key, then a code from it.
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
  const setupKey = await section.getByLabel('Setup key').inputValue();
  expect(setupKey.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  const nextCode = authenticator(setupKey);
  await checkBothThemes(page, 'security-setup');

  const code = section.getByLabel('Authentication code');
  await code.fill('000000');
  await section.getByRole('button', { name: 'Turn on', exact: true }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText(/That code is not correct/)).toBeVisible();
  await code.fill(await nextCode());
  await code.press('Enter');

  // The recovery codes, shown once, with Copy and Download.
  await expect(section.getByText('Save these now; they are shown only once.')).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Your recovery codes' })).toBeFocused();
  const shownCodes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  // allTextContents does not wait: the codes first, then their text.
  await expect(shownCodes).toHaveCount(10);
  const recoveryCodes = await shownCodes.allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download (.txt)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('taskapp-recovery-codes.txt');
  const file = await readFile(await download.path(), 'utf8');
  for (const recoveryCode of recoveryCodes) expect(file).toContain(recoveryCode);
  await expect(section.getByRole('button', { name: 'Copy recovery codes' })).toBeVisible();
  await expect(section.getByTestId('two-factor-status')).toContainText('is on');
  await checkBothThemes(page, 'security-codes');
  await section.getByRole('button', { name: 'Done' }).click();
  await expect(section.getByTestId('two-factor-status')).toBeFocused();
  await expect(section.getByTestId('two-factor-status')).toHaveText(
    /Two-factor authentication is on.*10 recovery codes left/,
  );
  await checkBothThemes(page, 'security-on');

  // Sign in with the password, then a code from the app.
  await signOut(page);
  await fillSignIn(page, account.email, account.password);
  const secondStep = page.getByRole('form', { name: 'Two-factor authentication' });
  await expect(secondStep.getByLabel('Authentication code')).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await secondStep.getByLabel('Authentication code').fill(await nextCode());
  await secondStep.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();

  // Sign in with a recovery code; it is used up.
  await signOut(page);
  await fillSignIn(page, account.email, account.password);
  await secondStep.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await secondStep.getByLabel('Recovery code').fill(recoveryCodes[3] ?? '');
  await secondStep.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
  await page.goto('/settings');
  await expect(section.getByTestId('two-factor-status')).toContainText('9 recovery codes left');

  // New recovery codes replace the old ones.
  await section.getByRole('button', { name: 'New recovery codes' }).click();
  await section.getByLabel('Authentication code').fill(await nextCode());
  await section.getByRole('button', { name: 'Make new codes' }).click();
  await expect(shownCodes).toHaveCount(10);
  const newCodes = await shownCodes.allTextContents();
  expect(newCodes).toHaveLength(10);
  expect(newCodes).not.toContain(recoveryCodes[0]);
  await section.getByRole('button', { name: 'Done' }).click();
  await expect(section.getByTestId('two-factor-status')).toContainText('10 recovery codes left');

  // Turn off: the password and a code, each refused next to its field when wrong.
  await section.getByRole('button', { name: 'Turn off' }).click();
  await section.getByLabel('Password', { exact: true }).fill('not-my-password-at-all');
  await section.getByLabel('Authentication code').fill('123456');
  await section.getByRole('button', { name: 'Turn off' }).click();
  await expect(section.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Password', { exact: true }).fill(account.password);
  await section.getByLabel('Authentication code').fill(await nextCode());
  await section.getByRole('button', { name: 'Turn off' }).click();
  await expect(section.getByTestId('two-factor-status')).toHaveText('Two-factor authentication is off');

  // Sign-in asks for the password only again.
  await signOut(page);
  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
});

import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';

for (const colorScheme of COLOR_SCHEMES) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('sign-in and sign-up have no serious accessibility problems, also when showing errors', async ({
      page,
    }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/sign-up');
      await page.getByLabel('Password', { exact: true }).fill('password');
      await expect(page.getByText(/^Strength:/)).toBeVisible();
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/forgot-password');
      await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('settings, the user menu and the delete dialog have no serious accessibility problems', async ({
      page,
    }) => {
      await signUp(page, newAccount());
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto('/settings');
      await expect(page.getByTestId('session-row')).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: /account menu/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Delete account…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the whole sign-in form works from the keyboard', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').focus();
  await page.keyboard.type('nobody@example.com');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('some-password');
  await page.keyboard.press('Tab');
  const toggle = page.getByRole('button', { name: 'Show password' });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
});

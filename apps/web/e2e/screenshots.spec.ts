import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
const COLOR_SCHEMES = ['light', 'dark'] as const;
const NARROW = { width: 360, height: 760 };

/** Full pages, or just the viewport when a menu or dialog floats over it (it is positioned in the viewport). */
async function capture(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  // Toasts come and go; they would make the pictures differ from run to run.
  await page.locator('[data-sonner-toast]').evaluateAll((toasts) => {
    for (const toast of toasts) toast.remove();
  });
  // A scrolled page would show the sticky header halfway down a full-page picture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage });
}

// Written for people to look at, in both themes; not compared against baselines.
for (const colorScheme of COLOR_SCHEMES) {
  test.describe(`screenshots in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, contextOptions: { reducedMotion: 'reduce' } });

    test('signed-out pages', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByText('Welcome back')).toBeVisible();
      await capture(page, `${colorScheme}-sign-in`);

      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
      await capture(page, `${colorScheme}-sign-in-errors`);

      await page.goto('/sign-up');
      await page.getByLabel('Name').fill('Ada Lovelace');
      await page.getByLabel('Email').fill('ada@example.com');
      await page.getByLabel('Password', { exact: true }).fill('analytical1843');
      await expect(page.getByText(/^Strength:/)).toBeVisible();
      await capture(page, `${colorScheme}-sign-up`);

      await page.goto('/forgot-password');
      await page.getByLabel('Email').fill('ada@example.com');
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
      await capture(page, `${colorScheme}-forgot-password-sent`);

      await page.goto('/verify-email?token=not-a-real-token');
      await expect(page.getByRole('heading', { level: 1, name: 'This link didn’t work' })).toBeVisible();
      await capture(page, `${colorScheme}-verify-email-failed`);

      await page.goto('/status');
      await expect(page.getByTestId('health-database')).toHaveText(/up/i);
      await capture(page, `${colorScheme}-status`);

      await page.goto('/missing');
      await expect(page.getByText('This page doesn’t exist')).toBeVisible();
      await capture(page, `${colorScheme}-not-found`);

      await page.setViewportSize(NARROW);
      await page.goto('/sign-up');
      await page.getByLabel('Password', { exact: true }).fill('analytical1843');
      await expect(page.getByText(/^Strength:/)).toBeVisible();
      await capture(page, `${colorScheme}-sign-up-narrow`);
    });

    test('signed-in pages', async ({ page }) => {
      await signUp(page, newAccount());
      await capture(page, `${colorScheme}-home`);

      await page.getByRole('button', { name: /account menu/ }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await capture(page, `${colorScheme}-user-menu`, { fullPage: false });
      await page.keyboard.press('Escape');

      await page.goto('/settings');
      await expect(page.getByTestId('session-row')).toHaveCount(1);
      await capture(page, `${colorScheme}-settings`);

      await page.getByRole('button', { name: 'Delete account…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete account' }).click();
      await expect(page.getByRole('dialog').getByLabel('Your password')).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await capture(page, `${colorScheme}-delete-account`, { fullPage: false });
      await page.keyboard.press('Escape');

      await page.setViewportSize(NARROW);
      await page.reload();
      await expect(page.getByTestId('session-row')).toHaveCount(1);
      await capture(page, `${colorScheme}-settings-narrow`);
    });
  });
}

test.describe('error and loading states', () => {
  test.use({ allowConsoleErrors: true });

  for (const colorScheme of COLOR_SCHEMES) {
    test(`screenshots of the status page states in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Only the health check is held back; restoring the session goes through.
      await page.route('**/api/trpc/health.check*', async (route) => {
        await held;
        await route.abort('connectionrefused');
      });
      await page.goto('/status');
      await expect(page.getByText('Checking the API and database')).toBeAttached();
      await capture(page, `${colorScheme}-status-loading`);

      release();
      await expect(page.getByRole('alert')).toBeVisible();
      await capture(page, `${colorScheme}-status-error`);
    });
  }
});

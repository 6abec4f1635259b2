import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
const COLOR_SCHEMES = ['light', 'dark'] as const;

const PAGES: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    path: '/',
    ready: (page) => expect(page.getByText('Your tasks arrive soon')).toBeVisible(),
  },
  {
    name: 'status',
    path: '/status',
    ready: (page) => expect(page.getByTestId('health-database')).toHaveText(/up/i),
  },
  {
    name: 'sign-in',
    path: '/sign-in',
    ready: (page) => expect(page.getByText('Welcome back')).toBeVisible(),
  },
  {
    name: 'settings',
    path: '/settings',
    ready: (page) => expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible(),
  },
  {
    name: 'not-found',
    path: '/missing',
    ready: (page) => expect(page.getByText('This page doesn’t exist')).toBeVisible(),
  },
];

async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

// Written for people to look at, in both themes; not compared against baselines.
for (const colorScheme of COLOR_SCHEMES) {
  test(`screenshots in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const { name, path, ready } of PAGES) {
      await page.goto(path);
      await ready(page);
      await capture(page, `${colorScheme}-${name}`);
    }
    await page.setViewportSize({ width: 390, height: 760 });
    await page.goto('/status');
    await PAGES[1]?.ready(page);
    await capture(page, `${colorScheme}-status-narrow`);
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
      await page.route('**/api/trpc/**', async (route) => {
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

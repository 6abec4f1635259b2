import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

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
  { name: 'settings', path: '/settings', ready: (page) => expect(page.getByText('Sessions')).toBeVisible() },
  {
    name: 'not-found',
    path: '/missing',
    ready: (page) => expect(page.getByText('This page doesn’t exist')).toBeVisible(),
  },
];

// Written for people to look at, in both themes; not compared against baselines.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const { name, path, ready } of PAGES) {
      await page.goto(path);
      await ready(page);
      await page.screenshot({ path: `${SCREENSHOT_DIR}${colorScheme}-${name}.png`, fullPage: true });
    }
  });
}

import { expect, type Page } from '@playwright/test';

/**
 * Sign in and sign up come prerendered, and the app's scripts load when the page is first used
 * (public/first-use.js): a pointer moving over it, as anyone looking at it does, is one such use. For
 * journeys about what the app does on its own once it runs (the service worker it registers).
 */
export async function startTheApp(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(4, 4);
  await expect(page.locator('#prerendered')).toHaveCount(0);
}

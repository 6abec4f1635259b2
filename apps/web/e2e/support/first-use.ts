import { expect, type Page } from '@playwright/test';

/**
 * Sign in, sign up and a signed-in person's task places come drawn by the server, and the app's scripts
 * load when the page is first used (public/first-use.js): a pointer moving over it, as anyone looking at
 * it does, is one such use. For journeys about what the app does once it runs (the service worker it
 * registers, live updates, other tabs).
 */
export async function startTheApp(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(4, 4);
  await expect(page.locator('#prerendered')).toHaveCount(0);
}

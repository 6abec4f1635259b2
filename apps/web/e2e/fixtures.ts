import { randomInt } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';

interface Options {
  /** Tests that break the network on purpose expect the browser to log failed requests. */
  allowConsoleErrors: boolean;
  /**
   * Moves the mouse over every page of the test's context once its document has loaded, as a person
   * looking at it does: pages the server drew load the app on first use (public/first-use.js), and the
   * journeys are about the app. Off for journeys about the page before the app (prerendered-sign-in).
   */
  lookAtEachPage: boolean;
}

// The browser logs every 4xx answer as a console error. Refused API calls are part of the flows under
// test (a wrong password answers 401, a rejected form 400 or 409, a revoked session's refresh 401), so those are
// expected; anything else logged as an error still fails the test.
function isExpectedApiRefusal(text: string, url: string): boolean {
  // The live-sync stream's EventSource (a polyfill) logs its own line when the server refuses it, e.g.
  // 401 once the session has ended; the client refreshes or signs out, as for any refused call.
  if (/^EventSource's response has a status 4\d\d /.test(text)) return true;
  return url.includes('/api/trpc') && /status of 4\d\d/.test(text);
}

/** A made-up client address, so each test gets its own per-IP rate limits (the server trusts loopback proxies). */
export function clientIpHeader(): Record<string, string> {
  return { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
}

/** Collects uncaught exceptions and console errors of a page; the list should stay empty. */
export function browserErrors(page: Page, allowConsoleErrors = false): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || allowConsoleErrors) return;
    if (isExpectedApiRefusal(message.text(), message.location().url)) return;
    errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Every test fails on an uncaught exception or a console error (a CSP violation shows up as one). */
export const test = base.extend<Options & { consoleGuard: undefined }>({
  allowConsoleErrors: [false, { option: true }],
  lookAtEachPage: [true, { option: true }],
  context: async ({ context, lookAtEachPage }, use) => {
    const look = (page: Page) =>
      page.on('domcontentloaded', () => {
        // A page closing meanwhile is no failure of the journey.
        void page.mouse
          .move(1, 1)
          .then(() => page.mouse.move(3, 3))
          .catch(() => undefined);
      });
    if (lookAtEachPage) {
      for (const page of context.pages()) look(page);
      context.on('page', look);
    }
    await use(context);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  extraHTTPHeaders: async ({}, use) => {
    await use(clientIpHeader());
  },
  consoleGuard: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors = browserErrors(page, allowConsoleErrors);
      await use(undefined);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

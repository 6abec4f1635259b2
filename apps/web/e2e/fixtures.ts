import { test as base, expect } from '@playwright/test';

interface Options {
  /** Tests that break the network on purpose expect the browser to log failed requests. */
  allowConsoleErrors: boolean;
}

/** Every test fails on an uncaught exception or a console error (a CSP violation shows up as one). */
export const test = base.extend<Options & { consoleGuard: undefined }>({
  allowConsoleErrors: [false, { option: true }],
  consoleGuard: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowConsoleErrors) errors.push(`console: ${message.text()}`);
      });
      await use(undefined);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

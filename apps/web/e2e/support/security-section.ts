import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './axe';

export function securitySection(page: Page) {
  return page.getByRole('region', { name: 'Security' });
}

/** Axe on the page and a picture of the Security section, in both themes. */
export async function checkBothThemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await seriousViolations(page)).toEqual([]);
    await securitySection(page).screenshot({ path: test.info().outputPath(`${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const STEP_MS = 30_000;

/**
 * An authenticator app in the test: the server accepts each time step once and only ±1 step from now,
 * so every code is for a later step than the last one given, waiting for the clock when it has to.
 */
export function authenticator(setupKey: string) {
  const key = decodeBase32IgnorePadding(setupKey.replace(/\s+/g, ''));
  let lastStep = -1;
  return async function nextCode(): Promise<string> {
    for (;;) {
      const current = Math.floor(Date.now() / STEP_MS);
      // The step before now is still accepted: starting there gives three codes before any wait, unless
      // it ends within a few seconds, before the server would read the code.
      const earliest = Date.now() % STEP_MS < STEP_MS - 5_000 ? current - 1 : current;
      const step = Math.max(earliest, lastStep + 1);
      if (step <= current + 1) {
        lastStep = step;
        return generateHOTP(key, BigInt(step), 6);
      }
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * STEP_MS - Date.now() + 200));
    }
  };
}

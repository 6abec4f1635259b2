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

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * Waits for the page's finite CSS transitions and animations to end. A theme switched just before
 * (emulateMedia) fades its colours in: axe read a menu's text halfway and found its contrast too low.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Serious and critical WCAG 2.2 AA problems on the page as it is now; the list should be empty. */
export async function seriousViolations(page: Page) {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

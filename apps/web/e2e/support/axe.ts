import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Serious and critical WCAG 2.2 AA problems on the page as it is now; the list should be empty. */
export async function seriousViolations(page: Page) {
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

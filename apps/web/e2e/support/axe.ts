import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * Waits for the page to show the theme the system now asks for, then for its finite CSS transitions and
 * animations to end. After emulateMedia, public/theme.js switches data-theme from the media query's change
 * event, a moment later, and the colours then fade in: axe read text halfway and found its contrast low.
 * A toast shown just before the scan fades in the same way.
 */
async function settleTheme(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const theme = (window as { taskappTheme?: { read(): string } }).taskappTheme;
    if (theme?.read() !== 'system') return true;
    const wanted = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    return document.documentElement.dataset.theme === wanted;
  });
  // A toast fades in once sonner marks it mounted, a frame after it appears: until then no transition runs
  // for the wait below to find, and axe would read its text half faded.
  await page.waitForFunction(() => !document.querySelector('[data-sonner-toast][data-mounted="false"]'));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Pauses the toasts on screen, as sonner does while the pointer is over them: a scan takes seconds on a
 * busy machine, and a toast whose time ran out during it faded out while axe read its text (contrast
 * too low). True when the pointer was moved there.
 */
async function holdToasts(page: Page): Promise<boolean> {
  const toast = page.locator('[data-sonner-toast]:not([data-removed="true"])').first();
  if ((await toast.count()) === 0) return false;
  await toast.hover({ timeout: 2_000 }).catch(() => undefined);
  return true;
}

/** Serious and critical WCAG 2.2 AA problems on the page as it is now; the list should be empty. */
export async function seriousViolations(page: Page) {
  const heldToasts = await holdToasts(page);
  await settleTheme(page);
  // Legacy mode runs axe in the page itself. The default opens a blank page for every scan to merge the
  // frames' results there (and loads axe into it again), ~25 % of a scan's time; the app has no frames.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  // The pointer leaves the toasts, whose time runs on.
  if (heldToasts) await page.mouse.move(0, 0);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

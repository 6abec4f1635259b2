import type { Page } from '@playwright/test';

/** Keeps a lazily loaded chunk (`name-<hash>.js`) from arriving until `release`, as on a slow network. */
export async function holdChunk(page: Page, name: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = () => {};
  const wasRequested = new Promise<void>((resolve) => {
    requested = resolve;
  });
  await page.route(new RegExp(`/assets/${name}-[\\w-]+\\.js$`), async (route) => {
    requested();
    await released;
    await route.continue();
  });
  return { release, requested: wasRequested };
}

import type { Page } from 'puppeteer-core';
import type { SeededAccount } from './seed.js';

/**
 * Signs in inside the browser, as the sign-in form does (`auth.login` from the page), so the browser holds
 * the refresh cookie and the signed-in marker; Lighthouse's storage reset leaves cookies alone.
 */
export async function signInInBrowser(page: Page, baseUrl: string, account: SeededAccount): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'load' });
  const status = await page.evaluate(
    async (email, password) => {
      const response = await fetch('/api/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email, password } }),
      });
      return response.status;
    },
    account.email,
    account.password,
  );
  if (status !== 200) throw new Error(`signing in from the browser answered ${status}`);
}

export async function setLocalStorage(
  page: Page,
  baseUrl: string,
  entries: Record<string, string>,
): Promise<void> {
  if (!Object.keys(entries).length) return;
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'load' });
  await page.evaluate((all) => {
    // Runs in the page, where localStorage exists (bench is type-checked without the DOM's types).
    const { localStorage } = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
    };
    for (const [key, value] of Object.entries(all)) localStorage.setItem(key, value);
  }, entries);
}

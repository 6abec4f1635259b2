import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startTheApp } from './support/first-use';

/** The build the server under test serves (see playwright.config.ts). */
const DIST_DIR = process.env.E2E_WEB_DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));

/** Writes the service worker file and the .br / .gz twins the server prefers to send. */
async function writeWorker(file: string, content: Buffer): Promise<void> {
  await writeFile(file, content);
  if (existsSync(`${file}.br`)) await writeFile(`${file}.br`, brotliCompressSync(content));
  if (existsSync(`${file}.gz`)) await writeFile(`${file}.gz`, gzipSync(content));
}

// Issue 16: an installable app whose shell opens without a network, and whose service worker never
// answers for the API.
test.use({ serviceWorkers: 'allow' });

/** Waits until this page is controlled by the app's service worker (first install claims it). */
async function controlledByServiceWorker(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
}

test('the manifest is valid and Chromium finds the app installable', async ({
  page,
  baseURL,
  launchOptions,
}) => {
  // Playwright's own contexts are incognito, where nothing is installable: this check needs a profile.
  const profile = await mkdtemp(path.join(tmpdir(), 'taskapp-install-'));
  const browser = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const installed = browser.pages()[0] ?? (await browser.newPage());
    await installed.goto('/sign-in');
    await startTheApp(installed);
    await controlledByServiceWorker(installed);
    const cdp: CDPSession = await browser.newCDPSession(installed);
    await checkManifestAndInstallability(cdp);
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
  await checkManifestFile(page);
});

async function checkManifestAndInstallability(cdp: CDPSession): Promise<void> {
  const manifest = (await cdp.send('Page.getAppManifest')) as {
    url: string;
    errors: { message: string; critical: number }[];
    parsed?: { name?: string; display?: string; icons?: { sizes?: string }[] };
  };
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(installability.installabilityErrors).toEqual([]);
}

/** The manifest as served: its type, what it says, and icons that are really PNG files. */
async function checkManifestFile(page: Page): Promise<void> {
  const response = await page.request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const parsed = (await response.json()) as {
    name: string;
    display: string;
    icons: { sizes: string; purpose: string }[];
  };
  expect(parsed).toMatchObject({ name: 'Taskapp', display: 'standalone', start_url: '/' });
  expect(parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  for (const icon of parsed.icons) {
    const image = await page.request.get((icon as unknown as { src: string }).src);
    expect(image.headers()['content-type']).toBe('image/png');
  }
}

test.describe('offline', () => {
  test.use({ allowConsoleErrors: true });

  test('the app shell opens without a network, at any address, and API calls are never answered from a cache', async ({
    page,
    context,
  }) => {
    await page.goto('/sign-in');
    await startTheApp(page);
    expect(await controlledByServiceWorker(page)).toMatch(/\/sw\.js$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    await context.setOffline(true);
    for (const address of ['/sign-in', '/today', '/settings']) {
      await page.goto(address);
      // The page itself, from the service worker: not the browser's own "no internet" page.
      await expect(page.locator('#root')).not.toBeEmpty();
      await expect(page).toHaveTitle(/Taskapp/);
    }
    const apiAnswer = await page.evaluate(async () => {
      try {
        const response = await fetch('/api/trpc/health.ping');
        return `answered ${response.status}`;
      } catch {
        return 'network error';
      }
    });
    expect(apiAnswer).toBe('network error');

    await context.setOffline(false);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});

test('a new version waits for the person: a prompt offers to reload into it', async ({ page }) => {
  await page.goto('/sign-in');
  await startTheApp(page);
  await controlledByServiceWorker(page);
  // The next build's worker: the served file (and its compressed twins) with other bytes, as any new
  // build's precache list would make it. Put back afterwards for the journeys that follow.
  const worker = path.join(DIST_DIR, 'sw.js');
  const original = await readFile(worker);
  const next = Buffer.concat([original, Buffer.from('\n// the next version\n')]);
  try {
    await writeWorker(worker, next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Taskapp is ready')).toBeVisible({ timeout: 20_000 });
    // Never swapped in silently: the new worker waits until the person chooses.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state),
    ).toBe('installed');
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
      )
      .toBeNull();
  } finally {
    await writeWorker(worker, original);
  }
});

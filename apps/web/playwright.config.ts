import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

// A fresh data directory per run, so the embedded PostgreSQL is throwaway and never touches .data/.
// Workers load this file too; they inherit the variable instead of making directories of their own.
const DATA_DIR_VARIABLE = 'TASKAPP_E2E_DATA_DIR';

function createDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'taskapp-e2e-'));
  // Run as root, PostgreSQL drops to the "postgres" user, which must be able to pass through (mkdtemp gives 0700).
  chmodSync(dir, 0o711);
  process.env[DATA_DIR_VARIABLE] = dir;
  // Removed on exit, after Playwright has stopped the server (and with it the database).
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const dataDir = process.env[DATA_DIR_VARIABLE] ?? createDataDir();

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/.artifacts',
  // Two spec files at a time, each journey with its own accounts in its own browser context against one
  // server: on this 2-CPU machine the suite took 6 minutes (CI rehearsals: 9-15 minutes with one worker).
  // The tests of one file still run in order; E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // Most journeys sign people up and in several times (Argon2id at 19 MiB each) and run axe; on a
  // machine busy with other suites, 30 s was not always enough.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    // Recording a trace costs the browser a screencast and DOM snapshots all along (a third of the suite's
    // time here): CI records one for a failed test's retry only; a local run keeps each failure's.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    // The app's service worker precaches the whole build in every new browser context and then answers
    // page loads itself; journeys about the network or requests would test it by accident. The specs
    // about the installable app and pushed reminders turn it on (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
    // Debian's Chromium: Playwright's own browser downloads are not available here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Chromium 156 loads its omnibox popup as a web page of its own in every new window, headless too:
        // about 1.7 s of CPU per browser context, more than the app's own page load (2026-12-02).
        '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
      ],
    },
  },
  webServer: {
    // The production server: the built API serving the built SPA (turbo builds both before test:e2e).
    command: 'node ../api/dist/main.js',
    url: `${baseURL}/readyz`,
    // Never reuse a developer's server: the tests need their own throwaway database.
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM lets the server stop its embedded PostgreSQL; a SIGKILL would leave it running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      APP_ORIGIN: baseURL,
      // Tests pose as different clients (X-Forwarded-For from the fixtures) so per-IP rate limits,
      // which a whole suite of sign-ups would exhaust, apply per test as they would per person.
      TRUST_PROXY: 'loopback',
      // The reminder worker looks for due reminders every second, so a journey sees one go out quickly.
      REMINDER_POLL_MS: '1000',
      // Lets two people test two builds of the web app at once (`vite build --outDir …`).
      ...(process.env.E2E_WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.E2E_WEB_DIST_DIR } : {}),
    },
  },
});

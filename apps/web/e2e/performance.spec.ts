import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { LIMITS } from '@taskapp/shared/constants';
import superjson from 'superjson';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';
import { startTheApp } from './support/first-use';

// Measures, never judges: timings on a shared machine are too noisy for pass/fail (issue #6 keeps
// timing budgets in `pnpm bench --check`). The numbers go to the test's annotations, the console and
// e2e/screenshots/performance.json.

// Playwright's trace takes a DOM snapshot around every action, on the page's main thread: measured here,
// that is tens of milliseconds inside the very page load being timed. Timings are taken without it.
test.use({ trace: 'off' });

const RESULTS_FILE = fileURLToPath(new URL('./screenshots/performance.json', import.meta.url));
const TASKS = 1_000;
const BATCH = LIMITS.batchMax;

/**
 * 1,000 tasks through the API in batches of 20 calls (tRPC's batch format); `dueToday` more (one batch
 * at most), due today all day, so Today and Upcoming have rows too.
 */
async function createTasks(page: Page, account: Account, dueToday = 0): Promise<void> {
  const origin = new URL(page.url()).origin;
  const login = await page.request.post('/api/trpc/auth.login', {
    headers: { origin },
    data: superjson.serialize({ email: account.email, password: account.password }),
  });
  const token = ((await login.json()) as { result: { data: { json: { accessToken: string } } } }).result.data
    .json.accessToken;
  // Today's calendar day on this machine (the browser's and so the account's zone), as all-day dates are written.
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  for (let first = 0; first < (dueToday ? dueToday : TASKS); first += BATCH) {
    const calls = Array.from({ length: Math.min(BATCH, dueToday || BATCH) }, (_, i) => first + i);
    const body = Object.fromEntries(
      calls.map((n, i) => [
        i,
        superjson.serialize(
          dueToday
            ? { title: `Due today ${n + 1}`, dueDate: today, allDay: true }
            : { title: `Task ${String(n + 1).padStart(4, '0')}` },
        ),
      ]),
    );
    const response = await page.request.post(
      `/api/trpc/${calls.map(() => 'task.create').join(',')}?batch=1`,
      { headers: { origin, authorization: `Bearer ${token}` }, data: body },
    );
    expect(response.ok(), await response.text()).toBe(true);
  }
}

/** Records (in the page) when the first task row has been painted, counted from navigation start. */
async function watchFirstRowPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="task-row"]')) return;
      observer.disconnect();
      // The frame that shows the row is painted after this animation frame's callbacks run.
      requestAnimationFrame(() =>
        setTimeout(() => Object.assign(window, { __firstRowPaintedAt: performance.now() }), 0),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** From the click on a row's status circle to the frame that shows the row completed, in ms. */
async function measureToggle(page: Page): Promise<number> {
  const row = page.getByTestId('task-row').first();
  const toggle = row.getByRole('button', { name: /^Mark as completed:/ });
  await toggle.evaluate((button) => {
    button.addEventListener(
      'click',
      (event) => {
        const clickedAt = event.timeStamp;
        const observer = new MutationObserver(() => {
          if (button.getAttribute('aria-pressed') !== 'true') return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => Object.assign(window, { __toggleMs: performance.now() - clickedAt }), 0),
          );
        });
        observer.observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
      },
      { capture: true, once: true },
    );
  });
  await toggle.click();
  await page.waitForFunction(() => typeof (window as { __toggleMs?: number }).__toggleMs === 'number');
  return page.evaluate(() => (window as unknown as { __toggleMs: number }).__toggleMs);
}

interface FirstRowMeasurement {
  navigationToFirstRowMs: number;
  /** Where the time to the first row goes (ms after navigation start; null when not seen). */
  milestones: Record<string, number | null>;
}

/** Loads a place (All tasks by default) and times its first task row; optionally with a network round trip and no cache. */
async function measureFirstRow(
  page: Page,
  network?: { latencyMs: number },
  path = '/',
): Promise<FirstRowMeasurement> {
  const cdp = await page.context().newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // 80 ms each way is a typical broadband or good mobile round trip to a cloud region.
    const bytesPerSecond = 50_000_000 / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  await page.goto(path);
  await page.waitForFunction(
    () => typeof (window as { __firstRowPaintedAt?: number }).__firstRowPaintedAt === 'number',
  );
  const firstRowMs = await page.evaluate(
    () => (window as unknown as { __firstRowPaintedAt: number }).__firstRowPaintedAt,
  );
  const milestones = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const api = (procedure: string) =>
      resources.find((entry) => entry.name.includes('/api/trpc/') && entry.name.includes(procedure));
    const taskScreenCode = resources.find((entry) => /\/assets\/places-[\w-]+\.js$/.test(entry.name));
    return {
      domContentLoadedMs: navigation?.domContentLoadedEventEnd,
      sessionRestoredMs: api('auth.refresh')?.responseEnd,
      taskScreenCodeLoadedMs: taskScreenCode?.responseEnd,
      firstListRequestedMs: api('task.list')?.startTime,
      firstListResponseMs: api('task.list')?.responseEnd,
    };
  });
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  }
  await cdp.detach();
  return {
    navigationToFirstRowMs: Math.round(firstRowMs),
    milestones: Object.fromEntries(
      Object.entries(milestones).map(([name, ms]) => [name, ms === undefined ? null : Math.round(ms)]),
    ),
  };
}

test('reports first-row paint and status-toggle repaint for a person with 1,000 tasks', async ({ page }) => {
  test.setTimeout(180_000);
  const account = newAccount();
  await signUp(page, account);
  await createTasks(page, account);
  await watchFirstRowPaint(page);

  // On this machine's loopback with a warm cache, then as a person on a real network opening it afresh.
  const loopback = await measureFirstRow(page);
  const remote = await measureFirstRow(page, { latencyMs: 80 });
  // The rows were drawn by the server (decision 020); the toggle is timed in the app, once it has the page.
  await startTheApp(page);
  await expect(page.getByTestId('count-all')).toHaveText(/^1,?000$/);
  const toggleMs = await measureToggle(page);

  // The other places on loopback: the Inbox holds the same 1,000; Today and Upcoming read their own views.
  await createTasks(page, account, BATCH);
  const views: Record<string, number> = {};
  for (const path of ['/inbox', '/today', '/upcoming']) {
    views[path] = (await measureFirstRow(page, undefined, path)).navigationToFirstRowMs;
  }

  const results = {
    measuredAt: new Date().toISOString(),
    tasks: TASKS,
    navigationToFirstRowMs: loopback.navigationToFirstRowMs,
    milestones: loopback.milestones,
    withNetwork: { latencyMs: 80, cache: 'disabled', ...remote },
    statusToggleToRepaintMs: Math.round(toggleMs),
    placesNavigationToFirstRowMs: views,
  };
  for (const [type, value] of Object.entries(results))
    test.info().annotations.push({ type, description: JSON.stringify(value) });
  console.log(`web performance: ${JSON.stringify(results)}`);
  mkdirSync(fileURLToPath(new URL('./screenshots/', import.meta.url)), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  expect(loopback.navigationToFirstRowMs).toBeGreaterThan(0);
  expect(remote.navigationToFirstRowMs).toBeGreaterThan(0);
  expect(toggleMs).toBeGreaterThan(0);
});

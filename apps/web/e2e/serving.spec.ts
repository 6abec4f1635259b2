import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { quickAdd, row } from './support/task-screen';
import { taskApi } from './support/tasks';

/** Records every CSP violation the page reports, before any of its own scripts run. */
async function recordCspViolations(page: import('@playwright/test').Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return () => page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations ?? []);
}

test('the main screens run under the tight CSP, from compressed assets cached for a year', async ({
  page,
}) => {
  const violations = await recordCspViolations(page);
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(new URL(response.url()).pathname)) scripts.push(response);
  });

  await signUp(page, newAccount());
  await quickAdd(page, 'Water the plants');
  // The edit panel (a Radix dialog) and a toast (Sonner) both bring their own styles.
  await page.getByTestId('task-title').getByText('Water the plants').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Delete: Water the plants' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goto('/sign-in?token=not-a-secret');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();

  expect(await violations()).toEqual([]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(await Promise.all(scripts.map((script) => script.headerValue('content-encoding')))).toContainEqual(
    expect.stringMatching(/^(br|gzip)$/),
  );
  for (const script of scripts) {
    const headers = await script.allHeaders();
    expect(headers['cache-control'], script.url()).toBe('public, max-age=31536000, immutable');
    expect(headers['content-type'], script.url()).toMatch(/^text\/javascript/);
    // The build leaves only files under 1 KB uncompressed.
    if (headers['content-encoding']) expect(headers['content-encoding'], script.url()).toMatch(/^(br|gzip)$/);
    else expect(Number(headers['content-length']), script.url()).toBeLessThan(1024);
  }
});

test('a task place’s HTML names or links the task screen’s code for a signed-in browser only', async ({
  page,
}) => {
  // The chunks index.html names for an address beyond the entry's own (build/route-preloads.ts).
  const linkedFrom = async (address: string) => {
    const response = await page.request.get(address);
    expect(response.headers().vary, address).toMatch(/cookie/i);
    const html = await response.text();
    return [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g)].map(
      (match) => match[1],
    );
  };
  const entryOnly = await linkedFrom('/settings');
  // Signed out, a task place only sends the visitor to sign in: nothing of the task screen is linked.
  expect(await linkedFrom('/inbox')).toEqual(entryOnly);
  // Sign in comes prerendered: its code, the entry's included, is named for first use, not linked.
  expect(await linkedFrom('/sign-in')).toEqual([]);
  const signInHtml = await (await page.request.get('/sign-in')).text();
  const firstUse = /<meta name="taskapp-first-use" content="([^"]+)">/.exec(signInHtml)?.[1]?.split(' ');
  expect(firstUse).toContainEqual(expect.stringMatching(/^\/assets\/sign-in-[\w-]+\.js$/));
  expect(firstUse).toEqual(expect.arrayContaining(entryOnly.map((file) => `/assets/${file}`)));

  await signUp(page, newAccount());
  // Drawn by the server for the person asking (decision 020): the same code, named for first use.
  for (const address of ['/inbox', '/today', '/']) {
    const html = await (await page.request.get(address)).text();
    expect(html, address).toContain('id="prerendered"');
    const named = /<meta name="taskapp-first-use" content="([^"]+)">/.exec(html)?.[1]?.split(' ') ?? [];
    expect(named, address).toEqual(expect.arrayContaining(entryOnly.map((file) => `/assets/${file}`)));
    expect(named, address).toContainEqual(expect.stringMatching(/^\/assets\/task-screen-/));
  }
  // Without the page credential (the server cannot draw the page), the plain page links them.
  await page.context().clearCookies({ name: 'taskapp_page' });
  for (const address of ['/inbox', '/today', '/']) {
    const linked = await linkedFrom(address);
    expect(linked, address).toEqual(expect.arrayContaining(entryOnly));
    expect(linked, address).toContainEqual(expect.stringMatching(/^task-screen-/));
  }
  expect(await linkedFrom('/settings')).toEqual(entryOnly);
});

test('a task place fetches the edit panel’s code once its list is up, and opening a task runs it', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  await (await taskApi(page, account)).create({ title: 'Renew the passport' });
  await page.reload();
  await expect(row(page, 'Renew the passport')).toBeVisible();
  // The chunks the server names for idle time (build/route-preloads.ts), the edit panel's among them.
  const named = (await page.locator('meta[name="taskapp-idle-modules"]').getAttribute('content'))?.split(' ');
  expect(named).toContainEqual(expect.stringMatching(/^\/assets\/task-panel-[\w-]+\.js$/));
  const paths = (selector: string) =>
    page.evaluate(
      (css) =>
        [...document.querySelectorAll<HTMLLinkElement>(css)].map((link) => new URL(link.href).pathname),
      selector,
    );
  // A few seconds after the list, each is a module preload of the page (fetched, not yet run).
  await expect
    .poll(() => paths('link[rel="modulepreload"]'), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(named ?? []));
  const fetched = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
  await expect.poll(fetched).toEqual(expect.arrayContaining(named ?? []));

  await row(page, 'Renew the passport').getByTestId('task-title').click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('Renew the passport');
});

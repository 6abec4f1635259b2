import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { startTheApp } from './support/first-use';
import { apiAs } from './support/organise-api';
import { row } from './support/task-screen';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A finger's path over the page, as touch events (Chromium turns them into touch pointer events). */
async function swipe(page: Page, from: { x: number; y: number }, dx: number, dy = 0) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  const steps = 12;
  for (let step = 1; step <= steps; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(from.x + (dx * step) / steps, from.y + (dy * step) / steps),
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function startOf(page: Page, title: string) {
  const box = await row(page, title).boundingBox();
  if (!box) throw new Error(`no row ${title}`);
  return { x: box.x + box.width / 2 - 40, y: box.y + box.height / 2 };
}

async function statusOf(api: Awaited<ReturnType<typeof apiAs>>, title: string) {
  const { items } = await api.query<{ items: { title: string; status: string }[] }>('task.list', {
    limit: 100,
  });
  return items.find((task) => task.title === title)?.status ?? 'gone';
}

test('a phone: swipe right completes with Undo, swipe left offers Schedule and Delete, Delete undoes; a scroll is no swipe', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  for (const title of ['Return library books', 'Book dentist', 'Water plants']) {
    await api.mutate('task.create', { title });
  }
  await page.goto('/inbox');
  // Swipes are the app's: the page the server drew gives way to it first (a swipe on the drawn page only
  // scrolls it).
  await startTheApp(page);
  await expect(row(page, 'Water plants')).toBeVisible();

  // Mostly vertical: the page's scroll, never a swipe.
  await swipe(page, await startOf(page, 'Water plants'), 30, 120);
  await expect(page.getByText('Task completed')).toHaveCount(0);
  expect(await statusOf(api, 'Water plants')).toBe('pending');

  // Right: completed (gone from the Inbox, which hides completed tasks), with Undo.
  await swipe(page, await startOf(page, 'Water plants'), 160);
  await expect(page.getByText('Task completed')).toBeVisible();
  await expect(row(page, 'Water plants')).toHaveCount(0);
  await expect.poll(() => statusOf(api, 'Water plants')).toBe('completed');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Water plants')).toBeVisible();
  await expect.poll(() => statusOf(api, 'Water plants')).toBe('pending');

  // Left: Schedule and Delete behind the row, big enough for a finger.
  await swipe(page, await startOf(page, 'Book dentist'), -150);
  const remove = page.getByRole('button', { name: 'Delete: Book dentist' });
  const schedule = page.getByRole('button', { name: 'Schedule: Book dentist' });
  await expect(remove).toBeVisible();
  for (const target of [remove, schedule]) {
    const box = await target.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, swipe actions, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: '/tmp/shots-F2/phone-swipe-actions.png' });

  // Schedule: tomorrow, with Undo.
  await schedule.click();
  await page.getByRole('menuitem', { name: 'Tomorrow' }).click();
  await expect(page.getByText('Scheduled for tomorrow')).toBeVisible();
  await expect(row(page, 'Book dentist').getByTestId('task-due')).toHaveText(/Tomorrow/);

  // Open actions close at a touch elsewhere.
  await swipe(page, await startOf(page, 'Return library books'), -150);
  await expect(page.getByRole('button', { name: 'Delete: Return library books' })).toBeVisible();
  await page.getByRole('heading', { name: 'Inbox' }).tap();
  await expect(page.getByRole('button', { name: 'Delete: Return library books' })).toHaveCount(0);

  // Delete, then Undo brings it back (task.restore).
  await swipe(page, await startOf(page, 'Return library books'), -150);
  await page.getByRole('button', { name: 'Delete: Return library books' }).click();
  await expect(row(page, 'Return library books')).toHaveCount(0);
  await expect(page.getByText('Task deleted')).toBeVisible();
  await expect.poll(() => statusOf(api, 'Return library books')).toBe('gone');
  await page
    .getByText('Task deleted')
    .locator('..')
    .locator('..')
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(row(page, 'Return library books')).toBeVisible();
  await expect.poll(() => statusOf(api, 'Return library books')).toBe('pending');
  await page.screenshot({ path: '/tmp/shots-F2/phone-swipe-after-undo.png' });
});

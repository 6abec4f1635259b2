import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';

function procedureCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request: Request) => {
    const match = new URL(request.url()).pathname.match(/^\/api\/trpc\/(.+)$/);
    // The health check polls on its own schedule, and the live-sync stream reconnects on its own timers
    // (a refused reconnect is retried after a refresh, unseen): only the session's calls matter here.
    if (match?.[1])
      calls.push(
        ...match[1].split(',').filter((call) => !call.startsWith('health.') && call !== 'sync.events'),
      );
  });
  return calls;
}

test('the access token is renewed shortly before it expires', async ({ page }) => {
  await page.clock.install();
  await signUp(page, newAccount());
  const calls = procedureCalls(page);

  await page.clock.fastForward('13:00');
  expect(calls).not.toContain('auth.refresh');
  await page.clock.fastForward('01:30');
  await expect.poll(() => calls.filter((call) => call === 'auth.refresh').length).toBe(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

test('after a long sleep the token is renewed before the next call, not after it fails', async ({ page }) => {
  await page.clock.install();
  await signUp(page, newAccount());
  // Live sync's first connection refetches what is shown (with a fresh token): let that settle, then
  // count only what follows the sleep.
  const calls = procedureCalls(page);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  let seen = -1;
  await expect
    .poll(
      () => {
        const settled = calls.length === seen;
        seen = calls.length;
        return settled;
      },
      { intervals: [500] },
    )
    .toBe(true);
  calls.length = 0;

  // The laptop lid was closed: time moved on, but no timer ran.
  await page.clock.setSystemTime(Date.now() + 20 * 60_000);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  // The refresh went first, once: no call was sent with the stale token and refused.
  expect(calls[0]).toBe('auth.refresh');
  expect(calls.filter((call) => call === 'auth.refresh')).toHaveLength(1);
  expect(calls).toContain('account.sessions');
});

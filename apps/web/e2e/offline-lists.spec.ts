import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signOut, signUp } from './support/accounts';
import { row } from './support/task-screen';
import { taskApi } from './support/tasks';

// Issue 16: the last lists come back at once when the app is reopened, even without a network, and
// nothing of a person stays in the browser after they sign out.
test.use({ serviceWorkers: 'allow', allowConsoleErrors: true });

/** What IndexedDB holds for the offline cache: the keys of the people whose lists are saved. */
function savedCaches(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('taskapp-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('query-cache')) {
            db.close();
            resolve([]);
            return;
          }
          const keys = db.transaction('query-cache').objectStore('query-cache').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.map(String));
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test('reopened without a network, the app shows the last lists; signing out wipes them', async ({
  page,
  context,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  await api.create({ title: 'Buy train tickets' });
  await api.create({ title: 'Pack the charger' });
  await page.goto('/');
  await expect(row(page, 'Buy train tickets')).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
  // Saved a second after the lists arrive.
  await expect.poll(() => savedCaches(page), { timeout: 10_000 }).toHaveLength(1);

  await context.setOffline(true);
  await page.reload();
  await expect(row(page, 'Buy train tickets')).toBeVisible();
  await expect(row(page, 'Pack the charger')).toBeVisible();
  await expect(page.getByText('Offline — changes will sync')).toBeVisible();

  // Back online, the session is picked up again from the refresh cookie: the app goes on as usual.
  await context.setOffline(false);
  await api.create({ title: 'Check the timetable' });
  await page.reload();
  await expect(row(page, 'Check the timetable')).toBeVisible();

  await signOut(page);
  await expect.poll(() => savedCaches(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('taskapp.rememberedUser'))).toBeNull();

  // Offline again after signing out: the signed-out screens, nobody's lists.
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('reopened later, the app catches up from where it stopped through sync.changes, then streams live', async ({
  page,
  context,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await taskApi(page, account);
  await page.goto('/inbox');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  // A change arriving live: the app now knows (and saves) where the stream is.
  await api.create({ title: 'Buy train tickets' });
  await expect(row(page, 'Buy train tickets')).toBeVisible();
  await page.close();

  // While the app is closed, the list changes elsewhere.
  const later = await context.newPage();
  // Not the app: a page on its origin to call the API from.
  await later.goto('/healthz');
  const elsewhere = await taskApi(later, account);
  const packed = await elsewhere.create({ title: 'Pack the charger' });
  const caughtUp = later.waitForResponse((response) => response.url().includes('/api/trpc/sync.changes'));
  await later.goto('/inbox');
  expect(await (await caughtUp).text()).toContain(packed.id);
  await expect(row(later, 'Pack the charger')).toBeVisible();
  await expect(later.getByText('Live', { exact: true })).toBeVisible();
});

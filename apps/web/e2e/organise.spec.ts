import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { apiAs } from './support/organise-api';

const SHOTS = process.env.E2E_SHOTS_DIR;

test('the sidebar leads to Inbox, Today, Upcoming, Completed, projects and labels, and `/` reopens the last one', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const home = await api.mutate('project.create', { name: 'Home', color: 'green' });
  const errand = await api.mutate('label.create', { name: 'errand', color: 'orange' });
  await api.mutate('task.create', { title: 'Inbox thing' });
  await api.mutate('task.create', { title: 'Fix the gate', projectId: home.id, labelIds: [errand.id] });
  await api.mutate('task.create', { title: 'Buy stamps', labelIds: [errand.id], description: 'Ten of them' });
  await page.reload();

  const places = page.getByRole('navigation', { name: 'Places' });
  await places.getByRole('link', { name: 'Inbox' }).click();
  await expect(page).toHaveURL('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('task-title')).toHaveText(['Buy stamps', 'Inbox thing']);
  await expect(places.getByRole('link', { name: 'Inbox' })).toHaveAttribute('aria-current', 'page');

  await places.getByRole('link', { name: /Home/ }).click();
  await expect(page).toHaveURL(`/projects/${home.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByTestId('task-title')).toHaveText(['Fix the gate']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-project.png` });

  await places.getByRole('link', { name: 'errand' }).click();
  await expect(page).toHaveURL(`/labels/${errand.id}`);
  await expect(page.getByTestId('task-title')).toHaveText(['Buy stamps', 'Fix the gate']);
  await expect(page.getByTestId('project-chip')).toHaveText(['Project: Home']);
  await expect(page.getByRole('img', { name: 'Has notes' })).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desktop-label.png` });

  // `/` opens the place shown last.
  await page.goto('/');
  await expect(page).toHaveURL(`/labels/${errand.id}`);
  await places.getByRole('link', { name: 'All tasks' }).click();
  await expect(page).toHaveURL('/');
  await page.goto('/');
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('tab', { name: /All/ })).toBeVisible();
});

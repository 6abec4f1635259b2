import type { Locator, Page } from '@playwright/test';
import superjson from 'superjson';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { taskApi } from './support/tasks';

/**
 * Waits until a card picked up with Space hears the arrow keys: dnd-kit's keyboard sensor starts listening
 * from a timer set as the drag starts, and a timer set after it in the page runs after it. Pressed before
 * that (a busy machine), ArrowRight was lost and the card never moved.
 */
async function pickedUp(page: Page, dragHandle: Locator): Promise<void> {
  await expect(dragHandle).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
}

/** Creates a project and its tasks over the API, as the account. */
async function seedProject(page: Page, account: Account, name: string, titles: string[]): Promise<string> {
  const origin = new URL(page.url()).origin;
  const call = async <T>(path: string, input: unknown, token?: string): Promise<T> => {
    const response = await page.request.post(`/api/trpc/${path}`, {
      headers: { origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: superjson.serialize(input),
    });
    const body = (await response.json()) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
    };
    if (!response.ok() || !body.result) throw new Error(`API ${response.status()}: ${JSON.stringify(body)}`);
    return superjson.deserialize<T>(body.result.data);
  };
  const { accessToken } = await call<{ accessToken: string }>('auth.login', {
    email: account.email,
    password: account.password,
  });
  const project = await call<{ id: string }>('project.create', { name }, accessToken);
  for (const title of titles) await call('task.create', { title, projectId: project.id }, accessToken);
  return project.id;
}

const column = (page: Page, status: 'pending' | 'in_progress' | 'completed') =>
  page.getByTestId(`board-column-${status}`);
const card = (page: Page, title: string) => page.getByTestId('board-card').filter({ hasText: title });

async function statusesOf(page: Page, account: Account): Promise<Record<string, string>> {
  const tasks = await (await taskApi(page, account)).list();
  return Object.fromEntries(tasks.map((task) => [task.title, task.status]));
}

async function dragWithMouse(page: Page, title: string, to: 'pending' | 'in_progress' | 'completed') {
  const from = await card(page, title).boundingBox();
  const target = await column(page, to).boundingBox();
  if (!from || !target) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // In steps, past the few pixels that tell a drag from a click.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 12 });
  await page.mouse.up();
}

test('a project as a board: drag by mouse, by keyboard and the Move to menu change the status, which stays after a reload', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const projectId = await seedProject(page, account, 'Garden', ['Plant bulbs', 'Rake leaves', 'Fix fence']);
  await page.goto(`/projects/${projectId}`);
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('button', { name: 'Board' })).toHaveAttribute('aria-pressed', 'true');
  await expect(column(page, 'pending').getByTestId('board-card')).toHaveCount(3);
  await expect(column(page, 'in_progress').getByText('No tasks. Drag one here.')).toBeVisible();

  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Mouse.
  await dragWithMouse(page, 'Plant bulbs', 'in_progress');
  await expect(column(page, 'in_progress').getByTestId('board-card')).toHaveText([/Plant bulbs/]);
  await expect.poll(() => statusesOf(page, account)).toMatchObject({ 'Plant bulbs': 'in_progress' });

  // Keyboard: Space picks the card up by its handle, Right moves a column at a time, Space drops.
  const handle = page.getByRole('button', { name: 'Drag “Rake leaves”' });
  await handle.focus();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Space');
  await pickedUp(page, handle);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('“Rake leaves” is over In progress.')).toBeAttached();
  // Each step lands before the next key, as a person sees the column light up before dropping.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('“Rake leaves” is over Completed.')).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByText('“Rake leaves” moved to Completed.')).toBeAttached();
  await expect(column(page, 'completed').getByTestId('board-card')).toHaveText([/Rake leaves/]);
  await expect(column(page, 'completed').getByRole('button', { name: 'Drag “Rake leaves”' })).toBeFocused();

  // Escape puts a picked-up card back where it was. The move above is saved first: its answer re-renders
  // the cards, and a card re-rendered between the focus and Space (on a busy machine) was never picked up.
  await expect.poll(() => statusesOf(page, account)).toMatchObject({ 'Rake leaves': 'completed' });
  const fence = page.getByRole('button', { name: 'Drag “Fix fence”' });
  await fence.focus();
  await expect(fence).toBeFocused();
  await page.keyboard.press('Space');
  await pickedUp(page, fence);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('“Fix fence” is over In progress.')).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Moving “Fix fence” was cancelled. It stays in Pending.')).toBeAttached();
  await expect(column(page, 'pending').getByTestId('board-card')).toHaveText([/Fix fence/]);

  // The menu, for anyone who would rather not drag.
  await page.getByRole('button', { name: 'Move “Fix fence” to…' }).click();
  await page.getByRole('menuitem', { name: 'In progress' }).click();
  await expect(column(page, 'in_progress').getByTestId('board-card')).toHaveCount(2);
  // Said out loud, and the focus stays with the card in its new column.
  await expect(
    page.getByRole('status').filter({ hasText: '“Fix fence” moved to In progress.' }),
  ).toBeAttached();
  await expect(column(page, 'in_progress').getByRole('button', { name: 'Drag “Fix fence”' })).toBeFocused();

  // A card's title opens the task.
  await page.getByRole('button', { name: 'Plant bulbs', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Edit task' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close (Esc)' }).click();
  await expect(panel).toHaveCount(0);

  await expect
    .poll(() => statusesOf(page, account))
    .toEqual({ 'Plant bulbs': 'in_progress', 'Rake leaves': 'completed', 'Fix fence': 'in_progress' });
  await page.reload();
  // The project opens as a board again, with every card where it was put.
  await expect(column(page, 'in_progress').getByTestId('board-card')).toHaveCount(2);
  await expect(column(page, 'completed').getByTestId('board-card')).toHaveText([/Rake leaves/]);
  await expect(column(page, 'pending').getByTestId('board-card')).toHaveCount(0);
});

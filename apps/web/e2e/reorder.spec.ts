import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { apiAs } from './support/organise-api';
import { row } from './support/task-screen';

const titles = (page: Page) => page.getByRole('list', { name: 'Tasks' }).getByTestId('task-title');

/** The drag code loads after the list shows; rows are draggable once they describe how to move them. */
async function dragReady(page: Page) {
  await expect(page.getByTestId('task-row').first()).toHaveAttribute('aria-describedby', /DndDescribedBy/);
}

/**
 * dnd-kit measures the rows a moment after a keyboard lift (and listens for arrows from the next task);
 * a person never presses the next key that fast, a test on a busy machine can.
 */
async function settleDrag(page: Page) {
  await page.waitForTimeout(300);
}

/** Presses on a row's free space (right of its title), moves in steps past the click threshold, drops. */
async function dragRow(page: Page, title: string, to: { x: number; y: number }) {
  const box = await row(page, title).boundingBox();
  if (!box) throw new Error(`no row ${title}`);
  const from = { x: box.x + box.width * 0.6, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

async function rowCentre(page: Page, title: string) {
  const box = await row(page, title).boundingBox();
  if (!box) throw new Error(`no row ${title}`);
  return { x: box.x + box.width * 0.6, y: box.y + box.height / 2 };
}

test('manual order: drag by mouse and by keyboard, Alt+arrows, the order stays after a reload', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  // New tasks go first: created D, C, B, A, the Inbox lists A, B, C, D.
  for (const title of ['Dust shelves', 'Call plumber', 'Buy milk', 'Answer email']) {
    await api.mutate('task.create', { title });
  }
  await page.goto('/inbox');
  await expect(titles(page)).toHaveText(['Answer email', 'Buy milk', 'Call plumber', 'Dust shelves']);
  await dragReady(page);

  // Mouse: the first row dragged onto the third lands after it.
  await dragRow(page, 'Answer email', await rowCentre(page, 'Call plumber'));
  await expect(titles(page)).toHaveText(['Buy milk', 'Call plumber', 'Answer email', 'Dust shelves']);

  // Keyboard: Space lifts the focused row, Up twice, Space drops, announced by title and place.
  await row(page, 'Dust shelves').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up “Dust shelves”, position 4 of 4 in Inbox/)).toBeAttached();
  await settleDrag(page);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(/“Dust shelves” would move before “Call plumber”/)).toBeAttached();
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe while lifted, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: '/tmp/shots-F2/reorder-keyboard-lifted.png' });
  await page.keyboard.press('Space');
  await expect(page.getByText(/“Dust shelves” moved before “Call plumber”/)).toBeAttached();
  await expect(titles(page)).toHaveText(['Buy milk', 'Dust shelves', 'Call plumber', 'Answer email']);
  await expect(row(page, 'Dust shelves')).toBeFocused();

  // Escape puts a lifted row back.
  await page.keyboard.press('Space');
  await settleDrag(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByText(/Moving “Dust shelves” was cancelled/)).toBeAttached();
  await expect(titles(page)).toHaveText(['Buy milk', 'Dust shelves', 'Call plumber', 'Answer email']);

  // Alt+Up moves the focused row one place at once.
  await row(page, 'Answer email').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(titles(page)).toHaveText(['Buy milk', 'Dust shelves', 'Answer email', 'Call plumber']);
  await expect(row(page, 'Answer email')).toBeFocused();

  const order = ['Buy milk', 'Dust shelves', 'Answer email', 'Call plumber'];
  await expect
    .poll(async () =>
      (
        await api.query<{ items: { title: string }[] }>('task.list', {
          projectId: null,
          parentId: null,
          sort: 'manual',
          order: 'asc',
        })
      ).items.map((task) => task.title),
    )
    .toEqual(order);
  await page.reload();
  await expect(titles(page)).toHaveText(order);
});

test('moving to a project: a multi-selection dragged onto the sidebar, and the row menu', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const garden = await api.mutate('project.create', { name: 'Garden' });
  for (const title of ['Weed beds', 'Mow lawn', 'Rake leaves', 'Plant bulbs']) {
    await api.mutate('task.create', { title });
  }
  await page.goto('/inbox');
  await expect(titles(page)).toHaveText(['Plant bulbs', 'Rake leaves', 'Mow lawn', 'Weed beds']);
  await dragReady(page);

  // Two selected rows drag together, in their order, onto Garden in the sidebar.
  await page.getByRole('checkbox', { name: 'Select: Plant bulbs' }).click();
  await page.getByRole('checkbox', { name: 'Select: Mow lawn' }).click();
  const target = page.getByRole('navigation', { name: 'Places' }).getByRole('link', { name: /^Garden/ });
  const box = await target.boundingBox();
  if (!box) throw new Error('no Garden link');
  const from = await rowCentre(page, 'Mow lawn');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 20 });
  await expect(page.getByTestId('drag-preview')).toContainText('2');
  await page.screenshot({ path: '/tmp/shots-F2/reorder-sidebar-drop.png' });
  await page.mouse.up();
  await expect(titles(page)).toHaveText(['Rake leaves', 'Weed beds']);
  await expect(page.getByText('2 tasks moved to Garden')).toBeVisible();

  // The row menu moves one task without a drag.
  await row(page, 'Weed beds').hover();
  await page.getByRole('button', { name: 'Move “Weed beds” to project…' }).click();
  await page.getByRole('menuitem', { name: 'Garden' }).click();
  await expect(titles(page)).toHaveText(['Rake leaves']);

  await page.goto(`/projects/${garden.id}`);
  await expect(titles(page)).toHaveText(['Weed beds', 'Plant bulbs', 'Mow lawn']);
});

test('a task added to a manual order shows first at once; completing a parent asks about its open subtasks', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const trip = await api.mutate('task.create', { title: 'Plan trip' });
  await api.mutate('task.create', { title: 'Book flights', parentId: trip.id });
  await api.mutate('task.create', { title: 'Pack bags', parentId: trip.id });
  await api.mutate('task.create', { title: 'Renew passport', parentId: trip.id, status: 'completed' });
  const party = await api.mutate('task.create', { title: 'Host party' });
  await api.mutate('task.create', { title: 'Send invites', parentId: party.id });
  await page.goto('/inbox');
  await expect(titles(page)).toHaveText(['Host party', 'Plan trip']);
  await dragReady(page);
  // Moved below, so the newest task is no longer first by creation time alone.
  await row(page, 'Host party').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(titles(page)).toHaveText(['Plan trip', 'Host party']);

  // Subtasks keep their own order: Alt+Up among the parent's subtasks.
  await page.getByRole('button', { name: 'Show 3 subtasks: Plan trip' }).click();
  const subtasks = page.getByRole('list', { name: 'Subtasks of Plan trip' }).getByTestId('task-title');
  await expect(subtasks).toHaveText(['Renew passport', 'Pack bags', 'Book flights']);
  await expect(row(page, 'Book flights')).toHaveAttribute('aria-describedby', /DndDescribedBy/);
  await row(page, 'Book flights').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(subtasks).toHaveText(['Renew passport', 'Book flights', 'Pack bags']);
  await expect(row(page, 'Book flights')).toBeFocused();
  const subtaskOrder = async () =>
    (
      await api.query<{ items: { title: string }[] }>('task.list', {
        parentId: trip.id,
        sort: 'manual',
        order: 'asc',
      })
    ).items.map((task) => task.title);
  await expect.poll(subtaskOrder).toEqual(['Renew passport', 'Book flights', 'Pack bags']);
  // And they drag among themselves, here by keyboard.
  await row(page, 'Pack bags').focus();
  await page.keyboard.press('Space');
  await expect(
    page.getByText(/Picked up “Pack bags”, position 3 of 3 in the subtasks of “Plan trip”/),
  ).toBeAttached();
  await settleDrag(page);
  await page.keyboard.press('ArrowUp');
  // dnd-kit takes the arrow's row as the drop target a task later, when it says this; a Space pressed
  // sooner drops the row where it was.
  await expect(
    page.getByText(
      /“Pack bags” would move before “Book flights”, position 2 of 3 in the subtasks of “Plan trip”/,
    ),
  ).toBeAttached();
  await page.keyboard.press('Space');
  await expect(
    page.getByText(/“Pack bags” moved before “Book flights”, position 2 of 3 in the subtasks of “Plan trip”/),
  ).toBeAttached();
  await expect(subtasks).toHaveText(['Renew passport', 'Pack bags', 'Book flights']);
  await expect(row(page, 'Pack bags')).toBeFocused();
  await expect.poll(subtaskOrder).toEqual(['Renew passport', 'Pack bags', 'Book flights']);
  await page.getByRole('button', { name: 'Hide 3 subtasks: Plan trip' }).click();

  // The server answers late: the new row is first before it does.
  await page.route('**/api/trpc/task.create*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  const created = page.waitForResponse((response) => response.url().includes('task.create'));
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill('Water plants');
  await input.press('Enter');
  await expect(titles(page)).toHaveText(['Water plants', 'Plan trip', 'Host party'], { timeout: 1_000 });
  await created;
  await page.unroute('**/api/trpc/task.create*');

  await page.getByRole('button', { name: 'Mark as completed: Plan trip' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Also complete its 2 open subtasks?' });
  await expect(dialog).toBeVisible();
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, parent dialog, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: '/tmp/shots-F2/parent-completion-dialog.png' });
  await dialog.getByRole('button', { name: 'Complete all' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Mark as completed: Host party' }).click();
  await page
    .getByRole('alertdialog', { name: 'Also complete its 1 open subtask?' })
    .getByRole('button', { name: 'Only this task' })
    .click();

  const statuses = async () => {
    const all = await api.query<{ items: { title: string; status: string }[] }>('task.list', { limit: 100 });
    return Object.fromEntries(all.items.map((task) => [task.title, task.status]));
  };
  await expect.poll(statuses).toMatchObject({
    'Plan trip': 'completed',
    'Book flights': 'completed',
    'Pack bags': 'completed',
    'Renew passport': 'completed',
    'Host party': 'completed',
    'Send invites': 'pending',
  });
});

test.describe('without a separate drag chunk', () => {
  // The blocked chunks log failed loads; an uncaught error still fails the test.
  test.use({ allowConsoleErrors: true });

  test("the list's drag code comes with the task screen, and the sidebar works when its own cannot load", async ({
    page,
  }) => {
    const account = newAccount();
    // Lazily loaded drag chunks fail, as they would offline before they were cached: only the sidebar's
    // projects have one now (build/first-screen-chunks.ts puts the list's in the task screen's chunk).
    await page.route(/\/assets\/sortable-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await signUp(page, account);
    const api = await apiAs(page, account);
    for (const title of ['Water plants', 'Book dentist']) await api.mutate('task.create', { title });
    await api.mutate('project.create', { name: 'Garden' });
    await page.goto('/inbox');
    await expect(titles(page)).toHaveText(['Book dentist', 'Water plants']);
    // The rows can be dragged: their drag code needed no request of its own.
    await expect(page.getByTestId('task-row').first()).toHaveAttribute('aria-describedby', /DndDescribedBy/);
    await page.getByRole('button', { name: 'Mark as completed: Book dentist' }).click();
    // Completed tasks leave the Inbox (Show completed is off).
    await expect(titles(page)).toHaveText(['Water plants']);
    // The sidebar shows its projects without their drag code, and they still open.
    await page.getByRole('link', { name: /^Garden/ }).click();
    await expect(page).toHaveURL(/\/projects\//);
  });
});

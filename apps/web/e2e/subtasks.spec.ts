import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { apiAs } from './support/organise-api';
import { row } from './support/task-screen';

type Saved = { id: string; title: string; status: string; parentId: string | null; projectId: string | null };

test('subtasks are added in the edit panel and under an expanded row, show at once, and stay after a reload', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const input = page.getByRole('combobox', { name: 'New task' });
  await input.fill('Tile the bathroom #Renovation');
  // A space after the label closes its completion, so Enter asks to create both.
  await input.pressSequentially(' @errands ');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.press('Enter');
  await expect(page.getByTestId('quick-add-confirm')).toContainText(
    'Create project “Renovation” and label “errands”?',
  );
  await input.press('Enter');
  await expect(input).toHaveValue('');

  const places = page.getByRole('navigation', { name: 'Places' });
  await places.getByRole('link', { name: /Renovation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renovation' })).toBeVisible();
  await page.getByTestId('task-title').getByText('Tile the bathroom').click();

  const panel = page.getByRole('dialog', { name: 'Edit task' });
  const section = panel.getByRole('region', { name: 'Subtasks' });
  await section.getByRole('button', { name: 'Add subtask' }).click();
  const field = section.getByRole('textbox', { name: 'New subtask of Tile the bathroom' });
  await expect(field).toBeFocused();
  await field.fill('Buy tiles');
  await field.press('Enter');
  await expect(field).toHaveValue('');
  await field.fill('Buy grout');
  await field.press('Enter');
  // New subtasks go first, like new tasks in their place.
  await expect(section.getByRole('listitem')).toHaveText(['Buy grout', 'Buy tiles']);

  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: test.info().outputPath('panel-subtasks.png') });

  // The first Esc closes the field only; the second closes the panel.
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  const parent = row(page, 'Tile the bathroom');
  const toggle = parent.getByRole('button', { name: 'Show 2 subtasks: Tile the bathroom' });
  await expect(toggle).toHaveText('2');
  await toggle.click();
  const subtasks = page.getByRole('list', { name: 'Subtasks of Tile the bathroom' });
  await expect(subtasks.getByTestId('task-title')).toHaveText(['Buy grout', 'Buy tiles']);

  // Adding from the expanded list too.
  await page.getByRole('main').getByRole('button', { name: 'Add subtask' }).click();
  const inList = page.getByRole('main').getByRole('textbox', { name: 'New subtask of Tile the bathroom' });
  await inList.fill('Seal the joints');
  await inList.press('Enter');
  await expect(inList).toHaveValue('');
  await expect(subtasks.getByTestId('task-title')).toHaveText(['Seal the joints', 'Buy grout', 'Buy tiles']);
  await expect(parent.getByRole('button', { name: /subtasks: Tile the bathroom/ })).toHaveText('3');
  await subtasks.getByRole('button', { name: 'Mark as completed: Buy tiles' }).click();
  await expect(subtasks.getByRole('button', { name: 'Mark as not completed: Buy tiles' })).toBeVisible();

  const api = await apiAs(page, account);
  await expect
    .poll(
      async () => (await api.query<{ items: Saved[] }>('task.list', { status: ['completed'] })).items.length,
    )
    .toBe(1);
  await page.reload();
  await row(page, 'Tile the bathroom')
    .getByRole('button', { name: 'Show 3 subtasks: Tile the bathroom' })
    .click();
  await expect(subtasks.getByTestId('task-title')).toHaveText(['Seal the joints', 'Buy grout', 'Buy tiles']);
  await expect(subtasks.getByRole('button', { name: 'Mark as not completed: Buy tiles' })).toBeVisible();
  const { items } = await api.query<{ items: Saved[] }>('task.list', {});
  const tile = items.find((task) => task.title === 'Tile the bathroom');
  const children = items.filter((task) => task.parentId === tile?.id);
  expect(children.map((task) => task.title).sort()).toEqual(['Buy grout', 'Buy tiles', 'Seal the joints']);
  // A subtask takes its parent's project.
  expect(children.every((task) => task.projectId === tile?.projectId && task.projectId !== null)).toBe(true);
});

test('a subtask too deep is refused with the server’s reason and the typed title is kept', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  let parentId: string | null = null;
  let deepest = { id: '' };
  for (const title of ['Level one', 'Level two', 'Level three', 'Level four']) {
    deepest = await api.mutate('task.create', { title, parentId });
    parentId = deepest.id;
  }
  await page.goto(`/inbox?task=${deepest.id}`);
  const section = page.getByRole('dialog', { name: 'Edit task' }).getByRole('region', { name: 'Subtasks' });
  await section.getByRole('button', { name: 'Add subtask' }).click();
  const field = section.getByRole('textbox', { name: 'New subtask of Level four' });
  await field.fill('Level five');
  await field.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('Subtasks can be at most 4 levels deep');
  await expect(field).toHaveValue('Level five');
  await expect(section.getByRole('listitem')).toHaveCount(0);

  // In the list every expanded level offers Add subtask; Level four, at the limit, has no list to add to.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show 1 subtask: Level one' }).click();
  await page.getByRole('button', { name: 'Show 1 subtask: Level two' }).click();
  await page.getByRole('button', { name: 'Show 1 subtask: Level three' }).click();
  await expect(
    page.getByRole('list', { name: 'Subtasks of Level three' }).getByTestId('task-title'),
  ).toHaveText(['Level four']);
  await expect(page.getByRole('button', { name: 'Add subtask' })).toHaveCount(3);
});

test('projects reorder in the sidebar from the keyboard, and the order stays after a reload', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  for (const name of ['Garden', 'Kitchen', 'Attic']) await api.mutate('project.create', { name });
  await page.reload();
  const projects = page.getByRole('navigation', { name: 'Places' }).getByRole('region', { name: 'Projects' });
  const names = projects.getByRole('link');
  const order = async () =>
    (await api.query<Array<{ name: string }>>('project.list')).map((project) => project.name);
  const initial = await order();
  await expect(names).toHaveText(initial.map((name) => new RegExp(`^${name}`)));
  const first = initial[0] ?? '';

  // Space lifts the focused project, Down moves it one place, Space drops it.
  await expect(projects.locator('li[data-sortable]')).toHaveCount(3);
  await projects.getByRole('link', { name: new RegExp(first) }).focus();
  // Each key waits for the announcement of the one before: the drag listens for arrows a moment after it starts.
  const announced = (text: string) =>
    expect(page.locator('[id^="DndLiveRegion"]').filter({ hasText: text })).toHaveCount(1);
  await page.keyboard.press('Space');
  await announced(`Picked up project “${first}”.`);
  await page.keyboard.press('ArrowDown');
  await announced(`“${first}” is over “${initial[1]}”.`);
  await page.keyboard.press('Space');
  const moved = [initial[1], initial[0], initial[2]] as string[];
  await expect(names).toHaveText(moved.map((name) => new RegExp(`^${name}`)));
  await expect.poll(order).toEqual(moved);
  await page.reload();
  await expect(names).toHaveText(moved.map((name) => new RegExp(`^${name}`)));
});

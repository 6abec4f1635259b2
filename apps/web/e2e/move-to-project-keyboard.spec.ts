import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { apiAs } from './support/organise-api';
import { row } from './support/task-screen';

test('moving to a project by keyboard: Space, Left to the sidebar, Down to a project, Space', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const api = await apiAs(page, account);
  const garden = await api.mutate('project.create', { name: 'Garden' });
  await api.mutate('project.create', { name: 'Kitchen' });
  for (const title of ['Weed beds', 'Mow lawn', 'Rake leaves']) {
    await api.mutate('task.create', { title });
  }
  await page.goto('/inbox');
  const titles = page.getByRole('list', { name: 'Tasks' }).getByTestId('task-title');
  await expect(titles).toHaveText(['Rake leaves', 'Mow lawn', 'Weed beds']);
  // Rows are draggable once they describe how to move them (the drag code loads after the list).
  await expect(row(page, 'Mow lawn')).toHaveAttribute('aria-describedby', /DndDescribedBy/);

  await row(page, 'Mow lawn').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Picked up “Mow lawn”, position 2 of 3 in Inbox/)).toBeAttached();
  // dnd-kit listens for arrows a moment after the lift; a person never presses the next key that fast.
  await page.waitForTimeout(300);

  // Left goes to the sidebar's first place other than this one: Inbox is where the row is, so Garden.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/“Mow lawn” would move to Garden\./)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/“Mow lawn” would move to Kitchen\./)).toBeAttached();
  await expect(page.locator('[data-testid="place-drop-target"][data-place="Kitchen"]')).toHaveClass(
    /outline-solid/,
  );
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe over the sidebar, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(/“Mow lawn” would move to Garden\./)).toBeAttached();
  // Right comes back to the list; Left again returns to the first place.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/“Mow lawn” would stay where it is\./)).toBeAttached();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');

  await expect(page.getByText(/“Mow lawn” moved to Garden\./)).toBeAttached();
  await expect(titles).toHaveText(['Rake leaves', 'Weed beds']);
  await expect(page.getByText('Moved to Garden', { exact: true })).toBeVisible();
  // Focus stays in the list, on the row that took the moved one's place.
  await expect(row(page, 'Weed beds')).toBeFocused();

  await page.goto(`/projects/${garden.id}`);
  await expect(titles).toHaveText(['Mow lawn']);
});

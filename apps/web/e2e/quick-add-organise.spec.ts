import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, newAccount, signUp } from './support/accounts';
import { COLOR_SCHEMES, seriousViolations } from './support/axe';
import { quickAdd, row } from './support/task-screen';
import { type ApiTask, taskApi } from './support/tasks';

type OrganisedTask = ApiTask & { projectId: string | null; labelIds: string[] };

const field = (page: Page) => page.getByRole('combobox', { name: 'New task' });
const highlighted = (page: Page) => page.getByTestId('quick-add-highlight').locator('mark');

/** The server's tasks once it has `count` of them: rows show at once, the outbox sends a moment later. */
async function savedTasks(page: Page, account: Account, count: number): Promise<OrganisedTask[]> {
  const api = await taskApi(page, account);
  let tasks: OrganisedTask[] = [];
  await expect
    .poll(async () => {
      tasks = (await api.list()) as OrganisedTask[];
      return tasks.length;
    })
    .toBe(count);
  return tasks;
}

test('a project and a label are created from quick add on confirmation, and the row shows them', async ({
  page,
}) => {
  const account = newAccount();
  await signUp(page, account);
  const input = field(page);

  await input.click();
  await input.pressSequentially('Buy tiles #Renovation');
  // Completion as you type: nothing is called Renovation yet, so it offers to create it.
  const options = page.getByRole('listbox', { name: 'Projects' });
  await expect(options.getByRole('option')).toHaveText(['Create project “Renovation”']);
  await expect(input).toHaveAttribute('aria-expanded', 'true');

  await input.pressSequentially(' @errands tomorrow !high');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  // The understood words are highlighted inside the field, not only in the chips below it.
  await expect(highlighted(page)).toHaveText(['#Renovation', '@errands', 'tomorrow', '!high']);
  const preview = page.locator('#quick-add-preview');
  await expect(preview).toContainText('Renovation(new)');
  await expect(preview).toContainText('errands(new)');

  // The first Enter asks; the second creates both and adds the task.
  await input.press('Enter');
  const confirm = page.getByTestId('quick-add-confirm');
  await expect(confirm).toContainText('Create project “Renovation” and label “errands”?');
  await expect(input).toHaveValue('Buy tiles #Renovation @errands tomorrow !high');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(confirm).toHaveCount(0);

  const created = row(page, 'Buy tiles');
  await expect(created.getByTestId('project-chip')).toHaveText(/Renovation/);
  await expect(created.getByTestId('label-chip')).toHaveText(/errands/);
  await expect(created.getByTestId('task-due')).toHaveText(/Tomorrow/);

  const [saved] = await savedTasks(page, account, 1);
  expect(saved).toMatchObject({ title: 'Buy tiles', priority: 'high', allDay: true });
  expect(saved?.projectId).toEqual(expect.any(String));
  expect(saved?.labelIds).toHaveLength(1);

  // The next task finds both by name, ignoring case, and needs no confirmation.
  await input.fill('Order grout #renovation @ERRANDS');
  await expect(preview).toContainText('Renovation');
  await expect(preview).not.toContainText('(new)');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(row(page, 'Order grout')).toBeVisible();
  const all = await savedTasks(page, account, 2);
  const grout = all.find((task) => task.title === 'Order grout');
  expect(grout?.projectId).toBe(saved?.projectId);
  expect(grout?.labelIds).toEqual(saved?.labelIds);

  // Added inside the project, a task without a #project goes into that project.
  await page.goto(`/projects/${saved?.projectId}`);
  await quickAdd(page, 'Seal the joints @errands');
  await expect(row(page, 'Seal the joints')).toBeVisible();
  const inProject = await savedTasks(page, account, 3);
  expect(inProject.find((task) => task.title === 'Seal the joints')).toMatchObject({
    projectId: saved?.projectId,
    labelIds: saved?.labelIds,
  });
});

test('completion works from the keyboard: arrows, Enter, Tab and Escape', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  // A project and a label to complete, made through quick add's own "Create" options.
  const input = field(page);
  await input.click();
  await input.pressSequentially('Sort invoices #Work');
  await input.press('Enter');
  await expect(input).toHaveValue('Sort invoices #Work ');
  await input.pressSequentially('@phone');
  await input.press('Tab');
  await expect(input).toHaveValue('Sort invoices #Work @phone ');
  // Picking "Create …" was the confirmation: Enter adds straight away.
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(row(page, 'Sort invoices').getByTestId('project-chip')).toHaveText(/Work/);

  await input.pressSequentially('Call bank #wo');
  const options = page.getByRole('listbox', { name: 'Projects' }).getByRole('option');
  await expect(options).toHaveText(['Work', 'Create project “wo”']);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute(
    'aria-activedescendant',
    (await options.first().getAttribute('id')) ?? '',
  );
  await input.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `axe, ${colorScheme}`).toEqual([]);
  }
  await input.press('Enter');
  await expect(input).toHaveValue('Call bank #Work ');

  // Escape closes the list and keeps the field focused and the text as it was.
  await input.pressSequentially('@');
  await expect(page.getByRole('listbox', { name: 'Labels' }).getByRole('option')).toHaveText(['phone']);
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(input).toBeFocused();
  await input.press('Backspace');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(row(page, 'Call bank').getByTestId('project-chip')).toHaveText(/Work/);
});

test('"#" inside a word or before a number is not a project', async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await quickAdd(page, 'Learn C# basics');
  await quickAdd(page, 'Close issue#12 and #3');
  await expect(row(page, 'Learn C# basics')).toBeVisible();
  await expect(row(page, 'Close issue#12 and #3')).toBeVisible();
  await expect(page.getByTestId('project-chip')).toHaveCount(0);
  const saved = await savedTasks(page, account, 2);
  expect(saved.map((task) => task.projectId)).toEqual([null, null]);
});

test('the highlight scrolls with the field when the text is wider than it', async ({ page }) => {
  await signUp(page, newAccount());
  const input = field(page);
  await input.fill(`${'Write the very long quarterly report '.repeat(3)}tomorrow !high`);
  await input.press('End');
  await expect(highlighted(page)).toHaveText(['tomorrow', '!high']);
  const scroll = () =>
    input.evaluate((element) => ({
      field: element.scrollLeft,
      mirror: document.querySelector('[data-testid="quick-add-highlight"]')?.scrollLeft,
    }));
  await expect.poll(async () => (await scroll()).field).toBeGreaterThan(0);
  const { field: fieldScroll, mirror } = await scroll();
  expect(mirror).toBe(fieldScroll);
  await input.press('Home');
  await expect.poll(scroll).toEqual({ field: 0, mirror: 0 });
});

import { expect, test } from './fixtures';
import { newAccount, signUp } from './support/accounts';
import { holdChunk } from './support/hold-chunk';

test('a header menu clicked before its code has arrived opens when it does', async ({ page }) => {
  const themeMenu = await holdChunk(page, 'theme-menu-loaded');
  await page.goto('/sign-in');
  const trigger = page.getByRole('button', { name: 'Theme: System' });
  await trigger.click();
  await themeMenu.requested;
  await expect(page.getByRole('menu')).toHaveCount(0);

  themeMenu.release();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
});

test('the account menu works from the keyboard while and after its code loads', async ({ page }) => {
  const userMenu = await holdChunk(page, 'user-menu-loaded');
  await signUp(page, newAccount());
  const trigger = page.getByRole('button', { name: /account menu/ });

  // Focused before it loaded: the real trigger keeps the focus when it takes the look-alike's place.
  await trigger.focus();
  await userMenu.requested;
  userMenu.release();
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

// Opened like this the menu has the focus, as after a click; arrow keys go on to the items.
test('the account menu opened by a key before its code arrives', async ({ page }) => {
  const userMenu = await holdChunk(page, 'user-menu-loaded');
  await signUp(page, newAccount());
  const trigger = page.getByRole('button', { name: /account menu/ });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await userMenu.requested;
  userMenu.release();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /Settings/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(trigger).toBeFocused();
});

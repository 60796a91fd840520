import { expect, type Page, test } from '@playwright/test';

import { codeButton, selectPhrase, startAs } from './helpers';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const search = (page: Page) => palette(page).getByRole('combobox', { name: 'Find an action' });

test('Ctrl+K opens the command palette: type part of a label, Enter runs it', async ({ page }) => {
  await startAs(page, 'Ada');
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
  const list = palette(page).getByRole('listbox', { name: 'Actions' });
  await expect(search(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(search(page)).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
  // Every action, with its shortcut; nothing to undo yet, so Undo is listed but disabled.
  await expect(list.getByRole('option', { name: /^Import threads…/ })).toBeVisible();
  const undo = list.getByRole('option', { name: /^Undo/ });
  await expect(undo).toHaveAttribute('aria-disabled', 'true');
  await expect(undo).toContainText('Ctrl+Z');
  await expect(list.getByRole('option', { name: /Command palette/ })).toHaveCount(0);

  // Typing filters; the best match is the active descendant; Enter runs it.
  await search(page).fill('versions');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAccessibleName('Versions and changes…');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(search(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  const versions = page.getByRole('dialog', { name: 'Versions and changes' });
  await expect(versions).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();

  // ↓ and ↑ move through the matches; a fuzzy query ("agr vw") finds the Agreement view.
  await page.keyboard.press('Control+K');
  await search(page).fill('agr vw');
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/^Agreement view/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Agreement' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+K');
  await search(page).fill('view');
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/^Coding view/);
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /^Analysis view/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coding' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('article').first()).toBeVisible();

  // A disabled action is not run: the palette stays and says why. Escape closes it.
  await page.keyboard.press('Control+K');
  await search(page).fill('undo');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeVisible();
  await expect(page.locator('.status-line')).toContainText('Nothing to undo.');
  await search(page).fill('zzzz');
  await expect(palette(page).getByRole('status')).toHaveText('No action matches “zzzz”.');
  await expect(search(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
});

test('the palette is in the View menu, and text fields keep their native Ctrl+Z', async ({ page }) => {
  await startAs(page, 'Ada');
  await page.getByRole('button', { name: 'View', exact: true }).click();
  const viewMenu = page.getByRole('menu', { name: 'View' });
  await expect(viewMenu.getByRole('menuitem', { name: 'Command palette…' })).toHaveAttribute('aria-keyshortcuts', 'Control+K');
  await viewMenu.getByRole('menuitem', { name: 'Command palette…' }).click();
  await expect(search(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  // The menu item is gone: focus goes back to the View menu's button.
  await expect(page.getByRole('button', { name: 'View', exact: true })).toBeFocused();

  // Code a phrase: Ctrl+Z in the codes filter does not undo it; outside a text field it does.
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, text.slice(0, 30));
  await codeButton(page, 'Whataboutism').click();
  const marks = page.getByRole('article').first().locator('mark');
  await expect(marks).toHaveCount(1);
  const filter = page.getByRole('searchbox', { name: 'Filter codes' });
  await filter.fill('what');
  await filter.press('Control+z');
  await expect(marks).toHaveCount(1);
  // Ctrl+K works from a text field too.
  await filter.press('Control+K');
  await expect(palette(page)).toBeVisible();
  await search(page).fill('undo');
  await expect(palette(page).getByRole('option').first()).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(marks).toHaveCount(0);
  await expect(filter).toBeFocused();
});

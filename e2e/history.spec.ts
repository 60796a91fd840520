import { expect, type Page, test } from '@playwright/test';

import { codeButton, selectPhrase, startAs } from './helpers';

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const history = (page: Page) => page.getByRole('region', { name: 'Changes' });
/** The History table's rows whose Change column says `label`. */
const rowsOf = (page: Page, label: string) => history(page).getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });

test('History lists the coding just made; Revert undoes it, and a second revert is refused in words', async ({ page }) => {
  await startAs(page, 'Ada');
  const firstText = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, firstText.slice(0, 80));
  await codeButton(page, 'False equivalence').click();
  await expect(page.getByRole('status').last()).toContainText('as False equivalence');
  const marks = page.getByRole('article').first().locator('mark');
  await expect(marks).toHaveCount(1);

  // The History view is in the header's Views switch, reachable from the keyboard.
  await page.setViewportSize({ width: 1280, height: 720 });
  const historyButton = views(page).getByRole('button', { name: 'History' });
  await historyButton.focus();
  await page.keyboard.press('Enter');
  await expect(historyButton).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();

  // Newest first: the coding is the top row, by Ada, in words.
  const coded = rowsOf(page, 'Coded');
  await expect(coded).toHaveCount(1);
  const top = history(page).getByRole('row').nth(1);
  await expect(top).toContainText('Coded');
  await expect(top).toContainText('Ada');
  await expect(top).toContainText('“False equivalence”');
  await expect(top).toContainText('1 coding added');

  // Filters: by kind, by coder, by record text; labelled fields.
  const filters = page.getByRole('search', { name: 'Filter the history' });
  await filters.getByLabel('Change').selectOption({ label: 'Merged codes' });
  await expect(page.getByText('No change matches these filters.')).toBeVisible();
  await filters.getByLabel('Change').selectOption({ label: 'Coded' });
  await expect(history(page).getByRole('row')).toHaveCount(2);
  await filters.getByLabel('Coder').selectOption({ label: 'Ada' });
  await filters.getByLabel('Record').fill('false equivalence');
  await expect(coded).toHaveCount(1);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filters.getByLabel('Record')).toHaveValue('');

  // Revert: the status says what was reverted, the revert is the new top row and names the entry.
  const seq = (await coded.getByRole('cell').first().textContent())?.trim() ?? '';
  await coded.getByRole('button', { name: /^Revert #\d+: Coded$/ }).click();
  await expect(page.locator('.status-line')).toContainText('Reverted: Coded');
  const revertRow = history(page).getByRole('row').nth(1);
  await expect(revertRow).toContainText('Reverted');
  await expect(revertRow).toContainText(`Reverts #${seq}`);
  await expect(coded).toContainText(/Reverted by #\d+/);

  // Reverting it again is refused: the coding is no longer what the entry left.
  await coded.getByRole('button', { name: /^Revert/ }).click();
  await expect(page.locator('.status-line')).toContainText('Not reverted. The coding was removed since');
  await expect(rowsOf(page, 'Reverted')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('history.png') });

  // Back in the Coding view the highlight is gone.
  await views(page).getByRole('button', { name: 'Coding' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(marks).toHaveCount(0);
});

import { expect, type Page, test } from '@playwright/test';

import { codeOpeningPost, startAs } from './helpers';

async function analysisTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name }).click();
}

test('an author attribute forms the table’s columns, and a cell opens exactly its segments', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => void problems.push(e.message));
  await startAs(page, 'Ada');
  const text = await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 90, '2'],
  ]);

  // Every author is "pro": whoever wrote the opening post, its codings fall in the "pro" column.
  await analysisTab(page, 'Attributes');
  const table = page.getByRole('table');
  await page.getByLabel('New author attribute').fill('Stance');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const cells = table.getByRole('textbox', { name: /^Stance of / });
  await expect(cells.first()).toBeVisible();
  const authors = await cells.count();
  // Two spellings: one column, as the attribute filter compares text ignoring case.
  for (let i = 0; i < authors; i++) {
    await cells.nth(i).fill(i % 2 === 0 ? 'pro' : 'Pro');
    await cells.nth(i).press('Enter');
    if (i + 1 < authors) await expect(cells.nth(i + 1)).toBeFocused();
  }
  await expect(page.getByRole('status').filter({ hasText: /Set “Stance” of/ }).first()).toBeAttached();

  await analysisTab(page, 'Tables & charts');
  await page.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Author: Stance' });
  const frequencies = page.getByRole('region', { name: /^Codings per code and author attribute stance/ });
  await expect(frequencies.getByRole('columnheader', { name: /^pro$/i })).toBeVisible();
  const cell = frequencies.getByRole('button', { name: /^1 codings: False equivalence × pro\. Open the segments$/i });
  await expect(cell).toHaveText('1');
  await page.screenshot({ path: 'test-results/table-attributes.png' });

  await cell.click();
  await expect(page.getByRole('tab', { name: 'Segments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Attribute', exact: true })).toHaveValue('author:Stance');
  await expect(page.getByRole('textbox', { name: 'Attribute value' })).toHaveValue(/^pro$/i);
  const items = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('mark')).toHaveText(text.slice(0, 60));
  expect(problems).toEqual([]);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { switchCoder, twoCodersDisagree } from './helpers';

async function openAdjudication(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Adjudication' }).click();
  return page.getByRole('listbox', { name: 'Disagreements' });
}

test('blind adjudication: coders are Coder A and B until a disagreement is decided; the option is kept per project', async ({ page }) => {
  await twoCodersDisagree(page);
  await switchCoder(page, 'Ben', 'Lea');

  let list = await openAdjudication(page);
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option').first()).toContainText('applied: Ada · not: Ben');
  const blind = page.getByRole('checkbox', { name: 'Hide coder names until decided' });
  await expect(blind).not.toBeChecked();
  await blind.check();

  const view = page.locator('.adjudication-view');
  const first = list.getByRole('option').first();
  await expect(first).toContainText(/applied: Coder [AB] · not: Coder [AB]/);
  await expect(view).not.toContainText(/\bAda\b|\bBen\b/);
  const detail = page.getByRole('region', { name: 'Disagreement 1 of 2' });
  await expect(detail.getByRole('button', { name: /Accept Coder A/ })).toHaveAttribute('aria-keyshortcuts', '1');
  await expect(detail.getByRole('region', { name: /^Coder [AB] — applied \(1 span\)/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.adjudication-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Deciding reveals that disagreement's coders; the next one stays blind.
  await page.keyboard.press('1');
  await expect(first).toContainText('✓ decided');
  await expect(first).toContainText(/applied: (Ada|Ben) · not: (Ada|Ben)/);
  await expect(list.getByRole('option').nth(1)).toContainText(/applied: Coder [AB]/);
  await expect(list.getByRole('option').nth(1)).not.toContainText(/\bAda\b|\bBen\b/);

  // Kept for this project across a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: /Coding as Lea/ })).toBeVisible();
  list = await openAdjudication(page);
  await expect(page.getByRole('checkbox', { name: 'Hide coder names until decided' })).toBeChecked();
  await expect(list.getByRole('option').nth(1)).toContainText(/applied: Coder [AB]/);
  await page.getByRole('checkbox', { name: 'Hide coder names until decided' }).uncheck();
  await expect(list.getByRole('option').nth(1)).toContainText(/applied: (Ada|Ben)/);
});

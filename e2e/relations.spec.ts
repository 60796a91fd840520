import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { fileCommand, selectPhrase, startAs } from './helpers';

const arcs = (page: Page) => page.getByTestId('relation-arcs').locator('g[data-relation-id]');

async function exportRelationsCsv(page: Page): Promise<Array<Record<string, string>>> {
  await fileCommand(page, 'Export for analysis…');
  const dialog = page.getByRole('dialog', { name: 'Export for analysis' });
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Relations between posts (CSV)', exact: true }).click()]);
  await expect(dialog).toBeHidden();
  expect(file.suggestedFilename()).toMatch(/-relations\.csv$/);
  return parse(await readFile(await file.path(), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
}

test('relate a reply to an earlier post by keys and two spans across posts by pointer; see the links and arcs, undo, export the relations CSV', async ({ page }) => {
  await startAs(page, 'Ada');
  // The relation codebook, beside the code tree.
  const relations = page.getByRole('region', { name: 'Relations' });
  await relations.getByLabel('New relation code').fill('deflects to');
  await relations.getByRole('button', { name: 'Add relation code' }).click();
  await expect(relations.getByRole('list', { name: 'Relation codes' })).toContainText('deflects to');

  const articles = page.getByRole('article');
  const opening = articles.nth(0);
  const openingAuthor = (await opening.locator('.post-author').textContent())!;
  const reply = articles.nth(2);
  const replyAuthor = (await reply.locator('.post-author').textContent())!;

  // By keys: a later reply, the action's shortcut, Home to the opening post, Enter, then the code.
  await reply.focus();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('note').filter({ hasText: 'Relating from' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(opening).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Relate two posts' });
  await expect(dialog.getByRole('radio', { name: /deflects to/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Relate', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(reply.getByRole('list', { name: 'Relations' })).toContainText(`deflects to → ${openingAuthor}’s post`);
  await expect(opening.getByRole('list', { name: 'Relations' })).toContainText(`← deflects to, from ${replyAuthor}’s post`);
  await expect(arcs(page)).toHaveCount(1);

  // By pointer: a span of the second post to a span of the opening post, with a memo and a new code.
  const second = articles.nth(1);
  const secondText = (await second.locator('[data-post-text]').textContent())!;
  const openingText = (await opening.locator('[data-post-text]').textContent())!;
  const fromPhrase = secondText.slice(0, 12);
  const toPhrase = openingText.slice(4, 20);
  await selectPhrase(page, fromPhrase, secondText.slice(0, 40));
  await second.getByRole('button', { name: 'Relate…' }).click();
  await selectPhrase(page, toPhrase, openingText.slice(0, 40));
  await opening.getByRole('button', { name: 'Relate here' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'New relation code' }).check();
  await dialog.getByLabel('Name of the new relation code').fill('equates with');
  await dialog.getByLabel('Memo (optional)').fill('false balance');
  await dialog.getByRole('button', { name: 'Relate', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('list', { name: 'Relations' })).toContainText('equates with →');
  await expect(arcs(page)).toHaveCount(2);

  // The context rail lists the focused post's relations.
  await second.focus();
  await expect(page.getByRole('region', { name: 'Relations of this post' })).toContainText('equates with');

  // Undo takes the last relation away; redo brings it back.
  await page.keyboard.press('Control+z');
  await expect(arcs(page)).toHaveCount(1);
  await expect(second.getByRole('list', { name: 'Relations' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(arcs(page)).toHaveCount(2);

  const rows = await exportRelationsCsv(page);
  expect(rows.map((r) => r.relation_code).sort()).toEqual(['deflects to', 'equates with']);
  const whole = rows.find((r) => r.relation_code === 'deflects to')!;
  expect([whole.from_post_id, whole.to_post_id, whole.from_start, whole.from_quote]).toEqual([await reply.getAttribute('data-post-id'), await opening.getAttribute('data-post-id'), '', '']);
  const spans = rows.find((r) => r.relation_code === 'equates with')!;
  expect([spans.from_quote, spans.to_quote, spans.from_start, spans.to_start, spans.memo]).toEqual([fromPhrase, toPhrase, '0', '4', 'false balance']);
});

import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

import { fileCommand, switchCoder, twoCodersDisagree } from './helpers';

/** Selects `phrase` in the text of the coder column headed `coder`, as a mouse drag would. */
async function selectInColumn(page: Page, coder: string, phrase: string): Promise<void> {
  const ok = await page.evaluate(
    ({ coder: name, phrase: wanted }) => {
      const column = [...document.querySelectorAll<HTMLElement>('.adjudication-column')].find((c) => c.querySelector('h3')?.textContent?.includes(name));
      const root = column?.querySelector<HTMLElement>('[data-adjudication-text]');
      if (!root) return false;
      const start = (root.textContent ?? '').indexOf(wanted);
      if (start < 0) return false;
      const end = start + wanted.length;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let from: [Node, number] | null = null;
      let to: [Node, number] | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!from && start < offset + length) from = [node, start - offset];
        if (!to && end <= offset + length) to = [node, end - offset];
        offset += length;
      }
      if (!from || !to) return false;
      window.getSelection()?.setBaseAndExtent(from[0], from[1], to[0], to[1]);
      return true;
    },
    { coder, phrase },
  );
  expect(ok, `"${phrase}" found in ${coder}'s column`).toBe(true);
}

test('adjudicate two coders: decide by key, undo, adjust a span, export the consensus layer as CSV', async ({ page }) => {
  const text = await twoCodersDisagree(page);
  // The lead adjudicates: she coded nothing herself.
  await switchCoder(page, 'Ben', 'Lea');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Adjudication' }).click();
  const list = page.getByRole('listbox', { name: 'Disagreements' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option')).toHaveCount(2);
  const progress = page.getByRole('progressbar', { name: 'Adjudication progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', '0 of 2 decided');

  // The first: Ada applied Whataboutism, Ben did not (he used Derailing instead).
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toContainText('Whataboutism');
  await expect(first).toContainText('applied: Ada · not: Ben');
  const detail = page.getByRole('region', { name: 'Disagreement 1 of 2' });
  const post = detail.getByRole('article');
  await expect(post.getByRole('region', { name: /Ada — applied \(1 span\)/ }).locator('mark')).toHaveText(text.slice(100, 160));
  await expect(post.getByRole('region', { name: /Ben — did not apply/ })).toContainText('used instead: Derailing');
  await expect(detail.getByRole('button', { name: /Accept Ada/ })).toHaveAttribute('aria-keyshortcuts', '1');
  await expect(page.getByRole('region', { name: 'Keys' })).toContainText('U next undecided');

  const axe = await new AxeBuilder({ page }).include('.adjudication-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // 1 accepts Ada's codings; the view moves on to the next undecided one.
  await page.keyboard.press('1');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 2 decided');
  await expect(first).toContainText('✓ decided');
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Disagreement 2 of 2' }).getByRole('article')).toContainText('Derailing');

  // N: Derailing does not apply. Then Ctrl+Z takes that decision back.
  await page.keyboard.press('n');
  await expect(progress).toHaveAttribute('aria-valuetext', '2 of 2 decided');
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 2 decided');
  await expect(list.getByRole('option').nth(1)).toContainText('undecided');

  // A, select the span in Ben's column, Enter: the adjusted span is the consensus.
  await list.focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('note')).toContainText('Adjust the span');
  const adjusted = text.slice(130, 170).trim();
  await selectInColumn(page, 'Ben', adjusted);
  await page.keyboard.press('Enter');
  await expect(progress).toHaveAttribute('aria-valuetext', '2 of 2 decided');
  const second = page.getByRole('region', { name: 'Disagreement 2 of 2' });
  await expect(second.getByRole('region', { name: 'Consensus' }).locator('mark')).toHaveText(adjusted);

  // Filters: one code, then only what is left to decide.
  await page.getByRole('button', { name: 'Code: all' }).click();
  await page.getByRole('menu', { name: 'Code' }).getByRole('menuitem', { name: 'Derailing' }).click();
  await expect(list).toBeFocused();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 1 decided');
  await page.getByLabel('Undecided only').check();
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(page.getByText('Every disagreement here is decided.')).toBeVisible();
  await page.getByLabel('Undecided only').uncheck();
  await page.getByRole('button', { name: 'Code: Derailing' }).click();
  await page.getByRole('menu', { name: 'Code' }).getByRole('menuitem', { name: 'All codes' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);

  // The consensus layer exports like any coder's: coder "consensus".
  await page.getByRole('button', { name: 'Export consensus CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the consensus (CSV)' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'For R, Python or SPSS (exact text)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-consensus-coded-segments\.csv$/);
  const rows = parse(readFileSync(await download.path(), 'utf8')) as string[][];
  const header = rows[0] ?? [];
  const column = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]);
  // The decided units and the one both coders agreed on (False equivalence on the same span).
  expect(rows).toHaveLength(4);
  expect(column('coder')).toEqual(['consensus', 'consensus', 'consensus']);
  expect(column('code')).toEqual([expect.stringMatching(/False equivalence$/), expect.stringMatching(/Whataboutism$/), expect.stringMatching(/Derailing$/)]);
  expect(column('quote')).toEqual([text.slice(0, 60), text.slice(100, 160), adjusted]);

  // Still the whole project's CSV from the File menu, every coder in it.
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await fileCommand(page, 'Export coded segments (CSV)…');
      await page.getByRole('button', { name: 'For R, Python or SPSS (exact text)' }).click();
    })(),
  ]);
  const coders = new Set((parse(readFileSync(await all.path(), 'utf8')) as string[][]).slice(1).map((r) => r[header.indexOf('coder')]));
  expect([...coders].sort()).toEqual(['Ada', 'Ben', 'consensus']);
});

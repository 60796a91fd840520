import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';

import { fileCommand, selectPhrase, startAs } from './helpers';

/** Codes phrases of the opening post with code keys, then exports the bundle to a file. */
async function codeAndExport(page: Page, plan: Array<[number, number, string]>, dir: string, name: string): Promise<string> {
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  for (const [from, to, key] of plan) {
    await selectPhrase(page, text.slice(from, to));
    const before = await page.getByRole('article').first().locator('mark').count();
    await page.keyboard.press(key);
    await expect.poll(() => page.getByRole('article').first().locator('mark').count()).toBeGreaterThan(before);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), fileCommand(page, 'Export project bundle')]);
  const path = join(dir, name);
  writeFileSync(path, readFileSync(await download.path(), 'utf8'));
  return path;
}

test('two coders: add a coder file, compare in the Agreement view as the CLI does, see a disagreement, export the report', async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-agree-'));
  await startAs(page, 'Ada');
  const adaFile = await codeAndExport(page, [[0, 60, '1'], [100, 160, '2']], dir, 'ada.threadmark.json');

  const other = await browser.newContext();
  const benPage = await other.newPage();
  await startAs(benPage, 'Ben');
  const benFile = await codeAndExport(benPage, [[0, 60, '1'], [120, 200, '2']], dir, 'ben.threadmark.json');
  await other.close();

  // Ben's work arrives as his layer.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fileCommand(page, 'Add coder file…')]);
  await chooser.setFiles(benFile);
  const dialog = page.getByRole('dialog', { name: /Add the coders in ben\.threadmark\.json/ });
  await expect(dialog).toContainText('Ben: new coder, 2 codings');
  await dialog.getByRole('button', { name: 'Add 2 codings' }).click();
  await expect(page.getByRole('status').last()).toContainText('Added 2 codings from ben.threadmark.json');

  // Both layers show as highlights; "Only my codings" hides Ben's while Ada codes on.
  const marks = page.getByRole('article').first().locator('mark');
  await expect(marks).toHaveCount(4);
  await page.getByLabel('Only my codings').check();
  await expect(marks).toHaveCount(2);
  await page.getByLabel('Only my codings').uncheck();

  await page.getByRole('button', { name: 'Agreement' }).click();
  await page.getByLabel(/^Character/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const row = (code: string, metric: string) => page.locator(`tr[data-code="${code}"][data-metric="${metric}"] td[data-value]`);
  await expect(row('False equivalence', 'kappa')).toHaveText('1.000');

  const cli = JSON.parse(
    execFileSync('node', ['cli/bin/threadmark.mjs', 'agree', adaFile, benFile, '--unit', 'char', '--coders', 'Ada,Ben', '--json'], { encoding: 'utf8' }),
  ) as { codes: Record<string, Record<string, { kappa: number | null; percent_agreement: number | null }>> };
  for (const code of ['False equivalence', 'Whataboutism']) {
    const expected = cli.codes[code]?.['Ada|Ben'];
    expect(expected?.kappa).not.toBeNull();
    await expect(row(code, 'kappa')).toHaveText((expected?.kappa as number).toFixed(3));
    await expect(row(code, 'percent_agreement')).toHaveText((expected?.percent_agreement as number).toFixed(3));
  }

  // Post as unit, the case: every coefficient the view shows is the CLI's, on the posts both coders had.
  await page.getByLabel(/^Post: is the code in the post/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const byPost = JSON.parse(
    execFileSync('node', ['cli/bin/threadmark.mjs', 'agree', adaFile, benFile, '--unit', 'post', '--coders', 'Ada,Ben', '--json'], { encoding: 'utf8' }),
  ) as { codes: Record<string, Record<string, number | null>> };
  let compared = 0;
  for (const code of ['False equivalence', 'Whataboutism']) {
    const rows = page.locator(`tr[data-code="${code}"]`);
    await expect(rows.first()).toBeVisible();
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-metric') ?? '', tr.querySelector('td[data-value]')?.textContent ?? ''] as const));
    for (const [metric, text] of shown) {
      const value = byPost.codes[code]?.[metric];
      if (typeof value !== 'number') continue;
      expect(text, `${code} ${metric}`).toBe(value.toFixed(3) === '-0.000' ? '0.000' : value.toFixed(3));
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(3);
  await page.getByLabel(/^Character/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();

  // The Whataboutism spans differ: side by side, one column per coder.
  await page.getByRole('button', { name: 'Whataboutism' }).first().click();
  const panel = page.getByRole('region', { name: /Disagreements on Whataboutism/ });
  await expect(panel).toContainText('1 post');
  await expect(panel.getByRole('heading', { name: 'Ada' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Ben' })).toBeVisible();
  await expect(panel.locator('.compare-column mark')).toHaveCount(2);

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (HTML)' }).click()]);
  const html = readFileSync(await report.path(), 'utf8');
  expect(report.suggestedFilename()).toBe('agreement-char.html');
  expect(html).toContain('Whataboutism');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script/i);
});

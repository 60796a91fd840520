import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';

import { codingsInOpeningPost, fileCommand, twoCodersDisagree } from './helpers';

/** Exports the project bundle to a file the CLI can read. */
async function exportBundle(page: Page, dir: string, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), fileCommand(page, 'Export project bundle')]);
  const path = join(dir, name);
  writeFileSync(path, readFileSync(await download.path(), 'utf8'));
  return path;
}

test('two coders: compare in the Agreement view as the CLI does, read what the other used instead, export, show in thread', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-agree-'));
  // Ben, in the same project, agrees on False equivalence and codes Derailing where Ada coded Whataboutism.
  await twoCodersDisagree(page);
  const bundle = await exportBundle(page, dir, 'team.threadmark.json');

  // Both coders' highlights show; "Only my codings" hides Ada's while Ben codes on.
  await expect.poll(() => codingsInOpeningPost(page)).toBe(4);
  await page.getByLabel('Only my codings').check();
  await expect.poll(() => codingsInOpeningPost(page)).toBe(2);
  await page.getByLabel('Only my codings').uncheck();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Agreement' }).click();
  await page.getByLabel(/^Character/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  // One matrix: a row per code, a column per coefficient, each cell addressable by code and coefficient.
  const matrix = page.getByRole('table', { name: /^Agreement per code/ });
  const cell = (code: string, metric: string) => matrix.locator(`td[data-code="${code}"][data-metric="${metric}"] [data-value]`);
  await expect(cell('False equivalence', 'kappa')).toHaveText('1.000');
  await expect(matrix.locator('tbody tr[data-code="False equivalence"]')).toHaveCount(1);
  await expect(matrix.getByRole('columnheader', { name: 'Cohen’s κ characters' })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'Percent agreement' })).toBeVisible();

  const cli = JSON.parse(
    execFileSync('node', ['cli/bin/threadmark.mjs', 'agree', bundle, '--unit', 'char', '--coders', 'Ada,Ben', '--json'], { encoding: 'utf8' }),
  ) as { codes: Record<string, Record<string, { kappa: number | null; percent_agreement: number | null }>> };
  const fixed = (value: number) => (value.toFixed(3) === '-0.000' ? '0.000' : value.toFixed(3));
  for (const code of ['False equivalence', 'Whataboutism', 'Derailing']) {
    const expected = cli.codes[code]?.['Ada|Ben'];
    expect(expected?.kappa).not.toBeNull();
    await expect(cell(code, 'kappa')).toHaveText(fixed(expected?.kappa as number));
    await expect(cell(code, 'percent_agreement')).toHaveText(fixed(expected?.percent_agreement as number));
  }

  // Post as unit, the case: every coefficient the view shows is the CLI's, on the posts both coders had.
  await page.getByLabel(/^Post: is the code in the post/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const byPost = JSON.parse(
    execFileSync('node', ['cli/bin/threadmark.mjs', 'agree', bundle, '--unit', 'post', '--coders', 'Ada,Ben', '--json'], { encoding: 'utf8' }),
  ) as { codes: Record<string, Record<string, number | null>> };
  for (const name of ['Krippendorff’s α nominal', 'α 95% CI bootstrap', 'Cohen’s κ', 'Fleiss’ κ', 'Gwet’s AC1', 'Percent agreement']) {
    await expect(matrix.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }
  let compared = 0;
  for (const code of ['False equivalence', 'Whataboutism', 'Derailing']) {
    const cells = matrix.locator(`td[data-code="${code}"][data-metric]`);
    await expect(cells.first()).toBeVisible();
    const shown = await cells.evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-metric') ?? '', td.querySelector('[data-value]')?.textContent ?? ''] as const));
    expect(shown.length).toBe(5);
    for (const [metric, text] of shown) {
      const value = byPost.codes[code]?.[metric];
      if (typeof value !== 'number') continue;
      expect(text, `${code} ${metric}`).toBe(fixed(value));
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(10);
  // A code nobody used: no α and no interval, each with its reason, never "NaN".
  const unused = matrix.locator('td[data-code="Appeal to statistics"][data-interval="alpha_nominal"]');
  await expect(unused).toHaveText(/^—\s*\d+$/);
  await expect(unused).toHaveAccessibleDescription(/^No interval: α is not defined/);
  await expect(matrix).not.toContainText('NaN');

  await page.getByLabel(/^Character/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(cell('Whataboutism', 'kappa')).toBeVisible();

  // Choosing a code opens its detail in view, focus on its heading.
  await page.getByRole('button', { name: 'Whataboutism' }).first().click();
  const panel = page.getByRole('region', { name: /Disagreements on Whataboutism/ });
  await expect(panel).toContainText('1 post');
  await expect(panel.getByRole('heading', { name: /Disagreements on Whataboutism/ })).toBeFocused();
  await expect(panel.getByRole('heading', { name: /Disagreements on Whataboutism/ })).toBeInViewport();

  // What Ben applied where Ada applied Whataboutism: Derailing (and False equivalence, elsewhere in the post).
  const confusion = panel.getByRole('table', { name: /What Ben applied where Ada applied Whataboutism/ });
  await expect(confusion.locator('tr[data-code="Derailing"] td[data-count]')).toHaveText('1');
  await expect(confusion.locator('tr[data-code="False equivalence"] td[data-count]')).toHaveText('1');
  await expect(confusion.locator('tr[data-code="Whataboutism"]')).toHaveCount(0);
  await expect(panel).toContainText('Ben did not apply Whataboutism to any post both coders had.');

  // The post side by side, one column per coder; Ben's says what he used instead.
  await expect(panel.getByRole('heading', { name: 'Ada' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Ben' })).toBeVisible();
  await expect(panel.locator('.compare-column[data-coder="Ada"] mark')).toHaveCount(1);
  await expect(panel.locator('.compare-column[data-coder="Ben"] mark')).toHaveCount(0);
  await expect(panel.locator('.compare-column[data-coder="Ben"]')).toContainText('Applied False equivalence, Derailing here instead.');

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report (HTML)' }).click()]);
  const html = readFileSync(await report.path(), 'utf8');
  expect(report.suggestedFilename()).toBe('agreement-char.html');
  expect(html).toContain('Whataboutism');
  expect(html).toContain('Cohen’s κ');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script/i);

  // "Show in thread": the Coding view, the post focused.
  const postId = await panel.locator('li.disagreement').first().getAttribute('data-post-id');
  await panel.getByRole('button', { name: 'Show in thread' }).first().click();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coding' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator(`article[data-post-id="${postId}"]`)).toHaveAttribute('data-focused', 'true');
});

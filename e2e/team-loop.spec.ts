import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Browser, type Download, expect, test } from '@playwright/test';

import { fileCommand, selectPhrase, startAs, teamCommand } from './helpers';

test.setTimeout(240_000);

async function keep(download: Download, dir: string, name = download.suggestedFilename()): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, readFileSync(await download.path(), 'utf8'));
  return path;
}

/**
 * A coder opens her package in a browser profile of her own, codes blind (the first phrase of each
 * of her first two posts, with the given code keys) and returns her codings; returns the file.
 */
async function codeBlind(browser: Browser, name: string, packagePath: string, keys: [string, string], dir: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await startAs(page, name);
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a project bundle…' }).click()]);
  await chooser.setFiles(packagePath);
  await page.getByRole('dialog', { name: 'Codebook changes since your last round' }).getByRole('button', { name: 'Start coding' }).click();

  // Blind: her package only, no other coder's layer, no Agreement or Adjudication.
  const banner = page.getByRole('region', { name: 'Blind package' });
  await expect(banner).toContainText(`Blind package: Round 1 for ${name}`);
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button')).toHaveText(['Coding', 'History']);
  await expect(page.locator('mark')).toHaveCount(0);

  for (const key of keys) {
    await banner.getByRole('button', { name: 'Next post to code' }).click();
    const mine = page.locator('article.post[data-focused="true"]');
    await expect(mine).toBeFocused();
    await expect(mine).not.toHaveAttribute('data-context');
    const text = (await mine.locator('[data-post-text]').textContent()) ?? '';
    await selectPhrase(page, text.slice(0, 30).trim());
    await page.keyboard.press(key);
    await expect(mine.locator('mark')).toHaveCount(1);
  }
  await expect(banner).toContainText('2 of 3 posts coded');
  const [returned] = await Promise.all([page.waitForEvent('download'), teamCommand(page, 'Return my codings…')]);
  const path = await keep(returned, dir);
  await context.close();
  return path;
}

test('the team loop: packages for three coders, blind coding, their files back, agreement as the CLI computes it, adjudication, the consensus CSV', async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-loop-'));
  await startAs(page, 'Lea');

  // The lead draws 3 posts for Ada, Ben and Cy.
  await teamCommand(page, 'Reliability sample…');
  const sample = page.getByRole('dialog', { name: 'Reliability sample' });
  for (const name of ['Ada', 'Ben', 'Cy']) {
    await sample.getByLabel('Add a coder').fill(name);
    await sample.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(sample.getByRole('checkbox', { name })).toBeChecked();
  }
  await sample.getByLabel('Sample size').fill('3');
  await sample.getByLabel('Seed').fill('11');
  await sample.getByRole('button', { name: 'Start round' }).click();
  const packages = page.getByRole('dialog', { name: 'Prepare coder packages' });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await packages.getByRole('button', { name: 'Write 3 files' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  const [adaPackage, benPackage, cyPackage] = await Promise.all(downloads.map((d) => keep(d, dir)));
  await packages.getByRole('button', { name: 'Done' }).click();

  // Each codes blind. Ada and Ben agree on their first post; Cy uses another code there.
  const returned = [
    await codeBlind(browser, 'Ada', adaPackage!, ['1', '2'], dir),
    await codeBlind(browser, 'Ben', benPackage!, ['1', '3'], dir),
    await codeBlind(browser, 'Cy', cyPackage!, ['4', '2'], dir),
  ];

  // The lead adds the three files at once; adding them again changes nothing.
  for (const round of [1, 2]) {
    const [files] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
    await files.setFiles(returned);
    const review = page.getByRole('dialog', { name: 'Add coder files' });
    await expect(review).toContainText(round === 1 ? 'Ada’s codings of Round 1: 2 added' : 'Ada’s codings of Round 1: 0 added, 0 changed, 0 removed, 2 unchanged.');
    await review.getByRole('button', { name: 'Add 3 files' }).click();
    await expect(review).toBeHidden();
  }

  // Agreement over the three, on the 3 posts they were given: the CLI says the same.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Agreement' }).click();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const cell = (code: string, metric: string) => page.locator(`td[data-code="${code}"][data-metric="${metric}"] [data-value]`);
  await expect(cell('False equivalence', 'alpha_nominal')).not.toHaveText('');
  const [bundle] = await Promise.all([page.waitForEvent('download'), fileCommand(page, 'Export project bundle…')]);
  const leadFile = await keep(bundle, dir, 'lead.threadmark.json');
  const cli = JSON.parse(execFileSync('node', ['cli/bin/threadmark.mjs', 'agree', leadFile, '--unit', 'post', '--coders', 'Ada,Ben,Cy', '--json'], { encoding: 'utf8' })) as {
    codes: Record<string, { alpha_nominal: number | null; n_units: number }>;
  };
  for (const code of ['False equivalence', 'Whataboutism', 'Derailing']) {
    const alpha = cli.codes[code]?.alpha_nominal;
    await expect(cell(code, 'alpha_nominal')).toHaveText(alpha === null || alpha === undefined ? '—' : alpha.toFixed(3));
    // n: the 3 posts the coders were given, not the demo's 57.
    expect(cli.codes[code]?.n_units).toBe(3);
    await expect(page.locator(`td[data-code="${code}"][data-n]`)).toHaveText('3');
  }

  // Adjudication: accept Ada's on the first disagreement, none on the rest.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Adjudication' }).click();
  const progress = page.getByRole('progressbar', { name: 'Adjudication progress' });
  await expect.poll(async () => Number((await progress.getAttribute('aria-valuemax')) ?? '0')).toBeGreaterThan(0);
  const total = Number(await progress.getAttribute('aria-valuemax'));
  await page.keyboard.press('1');
  await expect(progress).toHaveAttribute('aria-valuetext', `1 of ${total} decided`);
  for (let decided = 2; decided <= total; decided++) {
    await page.keyboard.press('n');
    await expect(progress).toHaveAttribute('aria-valuetext', `${decided} of ${total} decided`);
  }

  // The consensus layer exports like a coder: coder "consensus".
  await page.getByRole('button', { name: 'Export consensus CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the consensus (CSV)' });
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'For R, Python or SPSS (exact text)' }).click()]);
  const rows = parse(readFileSync(await csv.path(), 'utf8')) as string[][];
  const header = rows[0] ?? [];
  const column = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]);
  // No unit had all three agree; the one accepted is Ada's False equivalence, the rest decided "none".
  expect(column('coder')).toEqual(['consensus']);
  expect(column('code')).toEqual([expect.stringMatching(/False equivalence$/)]);
});

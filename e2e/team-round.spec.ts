import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Download, expect, type Page, test } from '@playwright/test';

import { fileCommand, selectPhrase, startAs, teamCommand } from './helpers';

/** Keeps a download's content under `name` in `dir`. */
async function keep(download: Download, dir: string, name = download.suggestedFilename()): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, readFileSync(await download.path(), 'utf8'));
  return path;
}

/** Every download the page starts from now on. */
function collectDownloads(page: Page): Download[] {
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  return downloads;
}

test('a round: the lead draws a sample for two coders, a coder codes his blind package and returns it, the lead adds it', async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-round-'));
  await startAs(page, 'Lea');

  // The lead starts a round: two new coders, 5 posts drawn with seed 7.
  await teamCommand(page, 'Reliability sample…');
  const sample = page.getByRole('dialog', { name: 'Reliability sample' });
  for (const name of ['Ben', 'Cy']) {
    await sample.getByLabel('Add a coder').fill(name);
    await sample.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(sample.getByRole('checkbox', { name })).toBeChecked();
  }
  await expect(sample.getByRole('checkbox', { name: 'Lea' })).not.toBeChecked();
  await sample.getByLabel('Sample size').fill('5');
  await sample.getByLabel('Seed').fill('7');
  await sample.getByLabel('Instructions for the coders').fill('Code claims only; leave jokes uncoded.');
  await expect(sample.getByRole('status')).toHaveText(/^\d+ eligible posts in 1 thread; the sample draws 5 posts\.$/);
  await sample.getByRole('button', { name: 'Start round' }).click();

  // Its packages: one file per coder.
  const packages = page.getByRole('dialog', { name: 'Prepare coder packages' });
  await expect(packages).toContainText('Round 1: 5 posts, codebook “Round 1”, for Ben, Cy.');
  const downloads = collectDownloads(page);
  await packages.getByRole('button', { name: 'Write 2 files' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename())).toEqual([
    'demo-metoo-backlash-thread-round-1-ben.threadmark.json',
    'demo-metoo-backlash-thread-round-1-cy.threadmark.json',
  ]);
  await expect(packages.getByRole('listitem')).toHaveText(['Ben: demo-metoo-backlash-thread-round-1-ben.threadmark.json', 'Cy: demo-metoo-backlash-thread-round-1-cy.threadmark.json']);
  const benPackage = await keep(downloads[0]!, dir);
  await packages.getByRole('button', { name: 'Done' }).click();

  // Ben opens his package as a project of its own, in his own browser profile.
  const other = await browser.newContext();
  const ben = await other.newPage();
  await startAs(ben, 'Ben');
  await ben.getByRole('button', { name: 'Projects', exact: true }).click();
  const [chooser] = await Promise.all([ben.waitForEvent('filechooser'), ben.getByRole('button', { name: 'Open a project bundle…' }).click()]);
  await chooser.setFiles(benPackage);
  const changes = ben.getByRole('dialog', { name: 'Codebook changes since your last round' });
  await expect(changes).toContainText('First round: codebook “Round 1”');
  await changes.getByRole('button', { name: 'Start coding' }).click();

  const banner = ben.getByRole('region', { name: 'Blind package' });
  await expect(banner).toContainText('Blind package: Round 1 for Ben');
  await banner.getByText('Instructions').click();
  await expect(banner).toContainText('Code claims only; leave jokes uncoded.');
  const views = ben.getByRole('navigation', { name: 'Views' });
  await expect(views.getByRole('button')).toHaveText(['Coding', 'History']);
  await expect(views.getByRole('button', { name: 'Agreement' })).toHaveCount(0);
  await expect(ben.getByRole('button', { name: 'Coding as Ben' }).or(ben.getByText('Coding as Ben'))).toBeVisible();

  // He codes a phrase of one of his posts (the others are context) and returns his codings.
  // The opening post is context: walk the thread by keyboard to his first post.
  await ben.getByRole('article').first().locator('.post-author').click();
  const mine = ben.locator('article.post[data-focused="true"]');
  for (let i = 0; i < 60 && (await mine.getAttribute('data-context')) === 'true'; i++) await ben.keyboard.press('ArrowDown');
  await expect(mine).not.toHaveAttribute('data-context');
  const text = (await mine.locator('[data-post-text]').textContent()) ?? '';
  await selectPhrase(ben, text.slice(0, 40).trim());
  await ben.keyboard.press('1');
  await expect(mine.locator('mark')).toHaveCount(1);
  const [returned] = await Promise.all([ben.waitForEvent('download'), teamCommand(ben, 'Return my codings…')]);
  expect(returned.suggestedFilename()).toBe('demo-metoo-backlash-thread-round-1-ben-returned.threadmark.json');
  const returnedPath = await keep(returned, dir);
  await other.close();

  // The lead adds Ben's file: one coding added to his layer of Round 1.
  const [files] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  await files.setFiles(returnedPath);
  const review = page.getByRole('dialog', { name: 'Add coder files' });
  await expect(review).toContainText('Ben’s codings of Round 1: 1 added, 0 changed, 0 removed, 0 unchanged.');
  await review.getByRole('button', { name: 'Add the file' }).click();
  await expect(page.getByRole('status').last()).toContainText('Added Ben’s Round 1');

  // The Rounds view lists the round.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }).click();
  const row = page.locator('tr[data-round="Round 1"]');
  await expect(row).toContainText('Ben, Cy');
  await expect(row).toContainText('sample of 5 posts, seed 7, stratified by thread');
  await expect(row.getByRole('button', { name: 'Prepare packages for Round 1' })).toBeVisible();
});

test('Add coder files… takes another coder’s plain project bundle as his layer, and Ctrl+Z takes it out again', async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-layer-'));
  const other = await browser.newContext();
  const ben = await other.newPage();
  await startAs(ben, 'Ben');
  const text = (await ben.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(ben, text.slice(0, 60));
  await ben.keyboard.press('1');
  await expect(ben.getByRole('article').first().locator('mark')).toHaveCount(1);
  const [exported] = await Promise.all([ben.waitForEvent('download'), fileCommand(ben, 'Export project bundle…')]);
  const benFile = await keep(exported, dir, 'ben.threadmark.json');
  await other.close();

  await startAs(page, 'Ada');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  await chooser.setFiles(benFile);
  const review = page.getByRole('dialog', { name: 'Add coder files' });
  await expect(review.getByRole('listitem').filter({ hasText: 'ben.threadmark.json' }).first()).toContainText('Ben: new coder, 1 coding.');
  await review.getByRole('button', { name: 'Add the file' }).click();
  await expect(page.getByRole('status').last()).toContainText('Added 1 coding from ben.threadmark.json. Ctrl+Z undoes it.');
  const marks = page.getByRole('article').first().locator('mark');
  await expect(marks).toHaveCount(1);

  await page.getByRole('article').first().locator('.post-author').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').last()).toContainText('Undid adding ben.threadmark.json');
  await expect(marks).toHaveCount(0);
});

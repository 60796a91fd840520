import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { codeOpeningPost, fileCommand, post, selectPhrase, startAs } from './helpers';

async function viewCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: item }).click();
}

test('platform terms and expiry, deletions from a list with tombstones and counts, an ids-only export, a quote report', async ({ page }) => {
  await startAs(page, 'Ada');
  // A coding in the opening post (to quote later) and one in a post its author deleted on the platform.
  const opening = await codeOpeningPost(page, [[0, 47, '1']]);
  expect(opening.slice(0, 47)).toBe('Every time a woman posts her story under #MeToo');
  await selectPhrase(page, 'Studies show up to 40% of accusations are false');
  await page.keyboard.press('4');
  await expect(post(page, 'Studies show up to 40%').first().locator('mark')).not.toHaveCount(0);

  // Terms per platform, inherited by the demo thread, and an expiry date already past.
  await fileCommand(page, 'Platform terms and expiry…');
  let dialog = page.getByRole('dialog', { name: 'Platform terms and expiry' });
  await dialog.getByRole('textbox', { name: 'Platform or instance' }).fill('threadmark');
  await dialog.getByRole('textbox', { name: 'Terms', exact: true }).fill('Demo data: quote only paraphrased');
  await dialog.getByLabel('Dataset expires on').fill('2020-01-31');
  await dialog.getByRole('button', { name: 'Save terms and expiry' }).click();
  await expect(dialog.getByLabel('This thread’s own terms')).toHaveAttribute('placeholder', 'Inherited: Demo data: quote only paraphrased');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'This dataset expired on 2020-01-31' });
  await expect(notice).toBeVisible();

  // A deletion list of user ids, previewed with its counts, then applied from the notice's action.
  await notice.getByRole('button', { name: 'Apply platform deletions…' }).click();
  dialog = page.getByRole('dialog', { name: 'Apply platform deletions' });
  await dialog.getByLabel('deleted user ids or author names').check();
  await dialog.getByLabel('Ids, one per line').fill('# from the platform\nrustbucket_42\nsomeone_else\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 posts match, with 1 coding. 1 of 2 listed ids match no stored post.');
  await dialog.getByRole('button', { name: 'Remove 2 posts and 1 coding' }).click();
  await expect(dialog.getByRole('status')).toContainText('Removed 2 posts and 1 coding.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Tombstones keep their place: the reply to a deleted post is still there, under it.
  await expect(page.locator('.post-tombstone', { hasText: '[deleted on platform]' })).toHaveCount(2);
  // Its own text is gone (a reply quoting it is another author's post and stays).
  await expect(post(page, 'false. Look it up.')).toHaveCount(0);
  await expect(post(page, 'Genuine question for both of you')).toHaveCount(1);
  await fileCommand(page, 'Platform terms and expiry…');
  dialog = page.getByRole('dialog', { name: 'Platform terms and expiry' });
  const log = dialog.getByRole('table').last();
  await expect(log.getByRole('row').nth(1)).toContainText(/user ids\s*2\s*2\s*1/);
  await page.screenshot({ path: test.info().outputPath('terms-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Ids only: hashes and offsets, no text, no author.
  const [download] = await Promise.all([page.waitForEvent('download'), fileCommand(page, 'Export ids only (for publishing)…')]);
  const ids = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(ids) as { format: string; posts: Array<{ textSha256: string; codings: Array<{ start: number; end: number }> }> };
  expect(file.format).toBe('threadmark-ids');
  expect(file.posts).toHaveLength(55);
  expect(file.posts.flatMap((p) => p.codings)).toEqual([expect.objectContaining({ start: 0, end: 47 })]);
  for (const text of ['Every time a woman posts', 'quietlantern', 'rustbucket_42', 'Genuine question for both of you']) expect(ids).not.toContain(text);

  // Quoted verbatim in a paper: the quote report flags the hashtag and shows the terms.
  await post(page, 'Every time a woman posts').first().click();
  await page.getByRole('complementary', { name: 'Codings in this post' }).getByLabel('Quoted in paper').selectOption('verbatim');
  await expect(page.getByRole('status').filter({ hasText: 'quoted verbatim in the paper' }).first()).toBeAttached();
  await viewCommand(page, 'Quote report…');
  dialog = page.getByRole('dialog', { name: 'Quote report' });
  await expect(dialog.getByRole('status')).toHaveText('1 quoted coding, 1 verbatim quote flagged.');
  const row = dialog.getByRole('row').nth(1);
  await expect(row).toContainText('hashtag: #MeToo');
  await expect(row).toContainText('platform terms: Demo data: quote only paraphrased');
  await expect(row).toContainText('rare words: posts her story under metoo');
  await expect(row).toContainText('Paraphrase it or quote a shorter, common-worded part; drop or generalise the hashtag');
  await page.screenshot({ path: test.info().outputPath('quote-report.png') });
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV…' }).click()]);
  expect(await readFile(await csv.path(), 'utf8')).toContain('hashtag');
  await dialog.getByRole('button', { name: 'Close' }).click();
});

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { codeButton, fileCommand, post, selectPhrase, startAs } from './helpers';

const demo = JSON.parse(readFileSync('resources/demo/demo-project.threadmark.json', 'utf8')) as { posts: Array<{ author: string }> };
const AUTHORS = [...new Set(demo.posts.map((p) => p.author))].filter((a) => a !== '[deleted]');

/** File → Export coded segments (CSV)…, exact text, pseudonymised unless `identified`; the rows by column name. */
async function exportCsv(page: Page, identified = false): Promise<{ content: string; rows: Array<Record<string, string>> }> {
  await fileCommand(page, 'Export coded segments (CSV)…');
  const dialog = page.getByRole('dialog', { name: 'Export coded segments (CSV)' });
  const box = dialog.getByRole('checkbox', { name: 'Pseudonymise authors and mentions' });
  await expect(box).toBeChecked();
  if (identified) await box.uncheck();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'For R, Python or SPSS (exact text)' }).click()]);
  const content = await readFile(await file.path(), 'utf8');
  return { content, rows: parse(content, { columns: true }) as Array<Record<string, string>> };
}

test('the segments CSV is pseudonymised by default, quotes still match their offsets, and the screen can show the aliases', async ({ page }) => {
  await startAs(page, 'Ada');
  // Two codings: the opening post's first words, and a reply's @-mention with the words after it.
  const opening = ((await page.locator('[data-post-text]').first().textContent()) ?? '').slice(0, 40);
  await selectPhrase(page, opening);
  await codeButton(page, 'Universalizing reframe').click();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
  const mention = '@quietlantern have you thought';
  // The @-post sits deeper in the thread: scroll until the virtual list mounts it.
  while ((await post(page, mention).count()) === 0) {
    await page.locator('.thread-scroll').evaluate((el) => el.scrollBy(0, 600));
    await page.waitForTimeout(30);
  }
  await selectPhrase(page, mention);
  await codeButton(page, 'Universalizing reframe').click();
  await expect(post(page, mention).locator('mark')).toHaveCount(1);

  const { content, rows } = await exportCsv(page);
  expect(rows).toHaveLength(2);
  for (const name of AUTHORS) expect(content.toLowerCase(), name).not.toContain(name.toLowerCase());
  const [first, second] = rows;
  expect(first!.author).toMatch(/^Author \d{4}$/);
  expect(first!.quote).toBe(opening);
  // The mention became the opening post's author's alias; the offsets were recomputed to the new text.
  expect(second!.quote).toBe(`@${first!.author} have you thought`);
  expect([Number(second!.start), Number(second!.end)]).toEqual([0, [...second!.quote!].length]);
  await expect(page.getByRole('status').last()).toContainText(/Pseudonymised: 21 authors/);

  // Unticked, the file names the authors.
  const identified = await exportCsv(page, true);
  expect(identified.rows[0]!.author).toBe('quietlantern');
  expect(identified.rows[1]!.quote).toBe(mention);

  // View → Show pseudonyms: the thread shows the export's aliases, and back.
  const author = post(page, mention).locator('.post-author');
  const replier = identified.rows[1]!.author!;
  await expect(author).toHaveText(replier);
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Show pseudonyms' }).click();
  await expect(author).toHaveText(second!.author!);
  expect(second!.author).toMatch(/^Author \d{4}$/);
  await page.getByRole('button', { name: 'View', exact: true }).click();
  const toggle = page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Show pseudonyms' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: test.info().outputPath('show-pseudonyms.png') });
  await toggle.click();
  await expect(author).toHaveText(replier);
});

import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { codeButton, importRedditThread, post, selectPhrase, startAs } from './helpers';

const DEMO_PHRASE = 'Men are victims too';
const REDDIT_PHRASE = 'reply with emoji';

/** Codes `phrase` with `code` in the open thread and waits until it is stored (its mark shows). */
async function code(page: Page, phrase: string, codeName: string): Promise<void> {
  const marks = post(page, phrase).first().locator('mark');
  const before = await marks.count();
  await selectPhrase(page, phrase);
  await codeButton(page, codeName).click();
  await expect(marks).toHaveCount(before + 1);
}

test('retrieves a code’s segments across two threads, jumps to one, and exports them as CSV and HTML', async ({ page }) => {
  await startAs(page, 'Ada');
  await code(page, DEMO_PHRASE, 'Whataboutism');
  await importRedditThread(page);
  // The import opened the new thread: code a span there with the same code, and one with another.
  await code(page, REDDIT_PHRASE, 'Whataboutism');
  await code(page, 'and family', 'Derailing');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Segments' }).click();
  const form = page.getByRole('form', { name: 'Segments query' });
  await form.getByRole('combobox', { name: 'Code', exact: true }).selectOption({ label: 'Whataboutism' });
  await form.getByRole('button', { name: 'Retrieve segments' }).click();

  const results = page.getByRole('region', { name: /segments?:/ });
  await expect(page.getByRole('heading', { name: '2 segments: Whataboutism (with sub-codes)' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  // The reddit thread was imported later: the demo thread's segment comes first, in reading order.
  await expect(items.nth(0).locator('mark')).toHaveText(DEMO_PHRASE);
  await expect(items.nth(1).locator('mark')).toHaveText(REDDIT_PHRASE);
  await expect(items.nth(1)).toContainText('coded by Ada');
  await expect(items.nth(1)).toContainText('alice');

  // Narrowed by a second code: only the reddit span is within 5 characters of a Derailing span.
  await form.getByRole('combobox', { name: 'Combination' }).selectOption({ label: 'within N characters of' });
  await form.getByRole('spinbutton', { name: 'Characters' }).fill('5');
  await form.getByRole('combobox', { name: 'Second code' }).selectOption({ label: 'Derailing' });
  await form.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(page.getByRole('heading', { name: /^1 segment: Whataboutism \(with sub-codes\) within 5 characters of Derailing$/ })).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('with Derailing');

  // Back to every segment, then the exports of the whole result.
  await form.getByRole('combobox', { name: 'Combination' }).selectOption({ label: 'No second code' });
  await form.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(items).toHaveCount(2);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvFile.suggestedFilename()).toMatch(/-segments\.csv$/);
  const rows = parse(await readFile(await csvFile.path(), 'utf8')) as string[][];
  const header = rows[0]!;
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  expect(rows).toHaveLength(3);
  expect(rows.slice(1).map((r) => [cell(r, 'quote'), cell(r, 'code'), cell(r, 'coder')])).toEqual([
    [DEMO_PHRASE, 'Whataboutism', 'Ada'],
    [REDDIT_PHRASE, 'Whataboutism', 'Ada'],
  ]);
  // Code points: the reddit quote starts after "> quoted line\n", 14 code points in.
  // Pseudonymised by default: the author is an alias, the offsets and quote unchanged (no handle in them).
  expect([cell(rows[2]!, 'start'), cell(rows[2]!, 'end')]).toEqual(['14', '30']);
  expect(cell(rows[2]!, 'author')).toMatch(/^Author \d{4}$/);
  expect(cell(rows[2]!, 'after')).toContain('😀 and family');

  const [htmlFile] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Export HTML report' }).click()]);
  const html = await readFile(await htmlFile.path(), 'utf8');
  expect(html).toContain(`<mark>${DEMO_PHRASE}</mark>`);
  expect(html.match(/<li>/g)).toHaveLength(2);

  // "Show in thread": the Coding view, the demo thread, that post focused.
  await items.nth(0).getByRole('button', { name: 'Show in thread' }).click();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coding' })).toHaveAttribute('aria-current', 'page');
  const shown = post(page, DEMO_PHRASE).first();
  await expect(shown).toHaveAttribute('data-focused', 'true');
  await expect(shown).toBeInViewport();
});

test('an unfinished query says what to fix, and a query that finds nothing says so', async ({ page }) => {
  await startAs(page, 'Ada');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Segments' }).click();
  const form = page.getByRole('form', { name: 'Segments query' });
  await form.getByRole('combobox', { name: 'Code', exact: true }).selectOption({ label: 'Whataboutism' });
  await form.getByRole('combobox', { name: 'Combination' }).selectOption({ label: 'overlapping' });
  await form.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose the second code.');
  await form.getByRole('combobox', { name: 'Combination' }).selectOption({ label: 'No second code' });
  await form.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(page.getByRole('heading', { name: '0 segments: Whataboutism (with sub-codes)' })).toBeVisible();
  await expect(page.getByText('No segment matches this query.')).toBeVisible();
});

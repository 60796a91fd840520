import { readFile } from 'node:fs/promises';

import { expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { post, startAs } from './helpers';

function view(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
}

async function analysisTab(page: Page, name: string): Promise<void> {
  await view(page, 'Analysis').click();
  await page.getByRole('tab', { name }).click();
}

async function writeMemo(page: Page, dialogName: RegExp, text: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your memo').fill(text);
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();
}

test('a thread memo and a post memo are found in the Memos tab, searched, filtered, and jump to their post', async ({ page }) => {
  await startAs(page, 'Ada');
  const thread = page.locator('.thread-list li').first();
  const title = (await thread.locator('.thread-title').textContent())!;
  await thread.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Memo on this thread…' }).click();
  await writeMemo(page, /^Memo on the thread/, 'Calm opening, derails in the replies.');

  // A reply's memo, from the post's actions.
  const reply = page.getByRole('article').nth(2);
  const replyText = ((await reply.locator('[data-post-text]').textContent()) ?? '').slice(0, 20);
  await reply.hover();
  await reply.getByRole('button', { name: /^Memo on .*’s post$/ }).click();
  await writeMemo(page, /^Memo on .*’s post$/, 'Irony, not agreement 👩‍👩‍👧');

  await analysisTab(page, 'Memos');
  const items = page.getByRole('list', { name: /memos?$/ }).getByRole('listitem');
  await expect(page.getByRole('heading', { name: '2 memos' })).toBeVisible();
  await expect(items.nth(0)).toContainText('Calm opening');
  await expect(items.nth(1)).toContainText('Irony, not agreement');
  await expect(items.nth(1)).toContainText('Ada');

  await page.getByRole('searchbox', { name: 'Search memos' }).fill('irony');
  await expect(page.getByRole('heading', { name: '1 of 2 memos' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search memos' }).fill('');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Thread' });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Calm opening');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Post' });
  await expect(items).toHaveCount(1);

  // The memos CSV is what the tab lists.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = parse(await readFile(await csv.path(), 'utf8')) as string[][];
  expect(rows.map((r) => [r[0], r[8]])).toEqual([
    ['kind', 'memo'],
    ['post', 'Irony, not agreement 👩‍👩‍👧'],
  ]);

  await items.first().getByRole('button', { name: /^Show the post/ }).click();
  await expect(view(page, 'Coding')).toHaveAttribute('aria-current', 'page');
  const shown = post(page, replyText).first();
  await expect(shown).toHaveAttribute('data-focused', 'true');
  await expect(shown).toBeInViewport();
});

test('an author attribute is added, a value set by keyboard, kept after a reload, and exported as CSV', async ({ page }) => {
  await startAs(page, 'Ada');
  await analysisTab(page, 'Attributes');
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /^platform/ })).toBeVisible();
  const firstAuthor = (await table.locator('tbody th').first().textContent())!;
  const secondAuthor = (await table.locator('tbody th').nth(1).textContent())!;

  await page.getByLabel('New author attribute').fill('Stance');
  await page.getByRole('button', { name: 'Add attribute' }).click();
  await expect(table.getByRole('columnheader', { name: /^Stance \(text\)/ })).toBeVisible();

  // Type, Enter stores and moves down; the next case's cell has focus.
  const cell = table.getByRole('textbox', { name: `Stance of ${firstAuthor}` });
  await cell.click();
  await page.keyboard.type('pro');
  await page.keyboard.press('Enter');
  await expect(table.getByRole('textbox', { name: `Stance of ${secondAuthor}` })).toBeFocused();
  await page.keyboard.type('con');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Set “Stance” of/ }).first()).toBeAttached();

  // A number attribute refuses text, saying what it expects.
  await page.getByLabel('New author attribute').fill('Age');
  await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Number' });
  await page.getByRole('button', { name: 'Add attribute' }).click();
  const age = table.getByRole('textbox', { name: `Age of ${firstAuthor}` });
  await age.fill('forty');
  await age.press('Escape');
  await expect(age).toHaveValue('');
  await age.fill('forty');
  await age.press('Tab');
  await expect(page.getByRole('alert')).toContainText('Expected a number such as 42 or 3.5, got "forty".');

  await page.reload();
  await analysisTab(page, 'Attributes');
  await expect(page.getByRole('table').getByRole('textbox', { name: `Stance of ${firstAuthor}` })).toHaveValue('pro');
  await expect(page.getByRole('table').getByRole('textbox', { name: `Stance of ${secondAuthor}` })).toHaveValue('con');

  // Pseudonymised by default (for leaving the project): the identified file, as Import CSV takes it.
  await page.getByRole('checkbox', { name: 'Pseudonymise authors and mentions' }).uncheck();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/-author-attributes\.csv$/);
  const rows = parse(await readFile(await csv.path(), 'utf8')) as string[][];
  const header = rows[0]!;
  expect(header[0]).toBe('author');
  expect(header).toEqual(expect.arrayContaining(['platform', 'posts', 'Stance', 'Age']));
  const stance = header.indexOf('Stance');
  expect(rows.find((r) => r[0] === firstAuthor)?.[stance]).toBe('pro');
  expect(rows.find((r) => r[0] === secondAuthor)?.[stance]).toBe('con');
});

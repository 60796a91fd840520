import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { codeButton, fileCommand, selectPhrase, startAs } from './helpers';

const CSV_HEADER = ['coding_id', 'thread_id', 'post_id', 'parent_id', 'author', 'created_at', 'code_id', 'code', 'coder', 'start', 'end', 'quote', 'memo'];

async function codeFirstPost(page: Page): Promise<string> {
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  const phrase = text.slice(0, 50);
  await selectPhrase(page, phrase);
  await codeButton(page, 'Universalizing reframe').click();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
  return phrase;
}

/** Downloads what a File menu command writes; `choice` answers the dialog the command opens. */
async function download(page: Page, command: string, choice?: string): Promise<{ name: string; content: string }> {
  if (choice) await fileCommand(page, command);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    choice ? page.getByRole('button', { name: choice }).click() : fileCommand(page, command),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), content: await readFile(path, 'utf8') };
}

test('exports the bundle and the coded-segments CSV, and the bundle opens the same project in a fresh profile', async ({ page, browser }) => {
  await startAs(page, 'Ada');
  const phrase = await codeFirstPost(page);

  const csv = await download(page, 'Export coded segments (CSV)…', 'For R, Python or SPSS (exact text)');
  expect(csv.name).toMatch(/-coded-segments\.csv$/);
  expect(csv.content.charCodeAt(0)).not.toBe(0xfeff);
  const rows = parse(csv.content) as string[][];
  // The first columns are fixed; later ones (thread title, platform, …) are appended after them.
  expect(rows[0]?.slice(0, CSV_HEADER.length)).toEqual(CSV_HEADER);
  expect(rows).toHaveLength(2);
  const row = Object.fromEntries(CSV_HEADER.map((h, i) => [h, rows[1]?.[i]]));
  // Pseudonymised by default (e2e/pseudonymise.spec.ts): the author is an alias.
  expect(row).toMatchObject({ author: expect.stringMatching(/^Author \d{4}$/), code: 'Universalizing reframe', coder: 'Ada', start: '0', end: String([...phrase].length), quote: phrase, parent_id: '' });

  const bundleFile = await download(page, 'Export project bundle');
  expect(bundleFile.name).toMatch(/\.threadmark\.json$/);
  const bundle = JSON.parse(bundleFile.content) as { format: string; formatVersion: number; posts: unknown[]; codings: Array<{ quote: string }>; coders: Array<{ name: string }> };
  expect(bundle.format).toBe('threadmark');
  expect(bundle.formatVersion).toBe(3);
  expect(bundle.posts).toHaveLength(57);
  expect(bundle.codings.map((c) => c.quote)).toEqual([phrase]);
  expect(bundle.coders.map((c) => c.name)).toEqual(['Ada']);

  // A fresh profile: another coder, then the bundle brings Ada's coding.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await startAs(other, 'Ben');
  await expect(other.getByRole('article').first().locator('mark')).toHaveCount(0);
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), fileCommand(other, 'Import project bundle…')]);
  await chooser.setFiles({ name: bundleFile.name, mimeType: 'application/json', buffer: Buffer.from(bundleFile.content) });
  await expect(other.getByRole('status').last()).toContainText('1 codings added');
  await expect(other.getByRole('article').first().locator('mark')).toHaveText(phrase);
  await other.getByRole('article').first().locator('mark').click();
  await expect(other.locator('.codings-panel')).toContainText('by Ada');
  // Exported again, the project is the same (apart from the export time and Ben, who joined).
  const again = JSON.parse((await download(other, 'Export project bundle')).content) as typeof bundle;
  expect(again.posts).toEqual(bundle.posts);
  expect(again.codings).toEqual(bundle.codings);
  await fresh.close();
});

test('the formula-safe CSV neutralizes a post that a spreadsheet would run as a formula', async ({ page }) => {
  await startAs(page, 'Ada');
  const mention = page.getByRole('article').filter({ has: page.locator('[data-post-text]', { hasText: /^@/ }) }).first();
  // The @-post sits deeper in the thread: scroll until the virtual list mounts it.
  while ((await mention.count()) === 0) {
    await page.locator('.thread-scroll').evaluate((el) => el.scrollBy(0, 600));
    await page.waitForTimeout(30);
  }
  const text = (await mention.locator('[data-post-text]').textContent()) ?? '';
  await mention.getByRole('button', { name: 'Code whole post' }).click();
  await page.getByRole('menuitem', { name: 'Hostility' }).click();
  await expect(mention.locator('mark')).toHaveCount(1);

  const exact = parse((await download(page, 'Export coded segments (CSV)…', 'For R, Python or SPSS (exact text)')).content) as string[][];
  const safe = await download(page, 'Export coded segments (CSV)…', 'For Excel or Sheets (formula-safe)');
  expect(safe.name).toMatch(/-spreadsheet\.csv$/);
  const rows = parse(safe.content) as string[][];
  const quote = CSV_HEADER.indexOf('quote');
  // Pseudonymised by default: the post's @-mention is an alias, and the quote still starts with @.
  const pseudonymised = text.replace(/^@\w+/, '@');
  expect(exact[1]?.[quote]).toMatch(/^@Author \d{4} /);
  expect(exact[1]?.[quote]?.replace(/^@Author \d{4}/, '@')).toBe(pseudonymised);
  expect(rows[1]?.[quote]).toBe(`'${exact[1]?.[quote]}`);
});

test('a broken bundle is refused with every problem named, and nothing changes', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeFirstPost(page);
  const broken = JSON.stringify({
    format: 'threadmark',
    formatVersion: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    app: { name: 'Threadmark', version: '0.1.0' },
    project: { id: 'p', name: 'x', createdAt: '2026-01-01T00:00:00.000Z' },
    threads: [],
    posts: [],
    codes: [],
    coders: [],
    codings: [{ id: 'c1', postId: 'nope', codeId: 'nope', coderId: 'nope', start: 0, end: 3, quote: 'abc', memo: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }],
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fileCommand(page, 'Import project bundle…')]);
  await chooser.setFiles({ name: 'broken.threadmark.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('broken.threadmark.json was not imported');
  await expect(dialog).toContainText('codings[0]');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), fileCommand(page, 'Import project bundle…')]);
  await chooser2.setFiles({ name: 'truncated.threadmark.json', mimeType: 'application/json', buffer: Buffer.from(broken.slice(0, 120)) });
  await expect(page.getByRole('alertdialog')).toContainText(/line 1/);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();

  const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), fileCommand(page, 'Import project bundle…')]);
  await chooser3.setFiles({ name: 'latin1.threadmark.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]) });
  await expect(page.getByRole('status').last()).toContainText('latin1.threadmark.json is not valid UTF-8');

  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
  await expect(page.locator('.thread-list li')).toHaveCount(1);
});

test('a coding survives a renderer crash', async ({ page, context }) => {
  await startAs(page, 'Ada');
  const phrase = await codeFirstPost(page);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  const cdp = await context.newCDPSession(page);
  // Page.crash never answers: the renderer is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await page.waitForEvent('crash');
  const next = await context.newPage();
  await next.goto('/');
  await expect(next.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();
  await expect(next.getByRole('article').first().locator('mark')).toHaveText(phrase);
});

test('the built app runs under the strict Content-Security-Policy', async ({ page }) => {
  await startAs(page, 'Ada');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');
});

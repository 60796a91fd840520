import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { fileCommand, startAs } from './helpers';

const fixture = (path: string): Buffer => readFileSync(`shared/import/fixtures/${path}`);

/** A generic CSV of `n` posts in threads of 50: an opening post and replies to it or to each other. */
function generatedCsv(n: number): Buffer {
  const lines = ['id,parent_id,thread_id,author,created_at,text'];
  for (let i = 0; i < n; i++) {
    const root = i - (i % 50);
    const parent = i === root ? '' : String(root + Math.floor((i - root) / 2));
    const time = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    lines.push(`${i},${parent},t${root},user${i % 97},${time},"Post ${i}: men are victims too, said nobody in ""thread"" ${root}"`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Records every text the dialog's status line shows, so fast progress is not missed. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importStatuses: string[] }).importStatuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('#import-status')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function openImport(page: Page) {
  await fileCommand(page, 'Import threads…');
  const dialog = page.getByRole('dialog', { name: 'Import threads' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('imports a Reddit thread and a CSV through the dialog: preview, progress, summary, and a reload keeps them', async ({ page }) => {
  await startAs(page, 'Ada');
  await expect(page.locator('.thread-list li')).toHaveCount(1);
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([
    { name: 'reddit-thread.json', mimeType: 'application/json', buffer: fixture('reddit-thread-escaped.json') },
    { name: 'posts.csv', mimeType: 'text/csv', buffer: generatedCsv(20_000) },
  ]);
  await expect(dialog.getByRole('list', { name: 'Files to import' }).getByRole('listitem')).toHaveCount(2);
  await recordStatuses(page);
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByRole('table');
  await expect(preview.getByRole('row', { name: /reddit-thread\.json/ })).toContainText('Reddit thread page JSON');
  await expect(preview.getByRole('row', { name: /posts\.csv/ })).toContainText('CSV or TSV table');
  await expect(preview.getByRole('row', { name: /posts\.csv/ })).toContainText('400');
  await expect(preview.getByRole('row', { name: /posts\.csv/ })).toContainText('20,000');
  await expect(page.locator('.thread-list li')).toHaveCount(1);

  await dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(/Imported 20,0\d\d posts into 401 new threads/);
  const statuses = await page.evaluate(() => (window as unknown as { importStatuses: string[] }).importStatuses);
  expect(statuses.some((s) => /^Reading posts\.csv .*MB of .*MB$/.test(s))).toBe(true);
  expect(statuses.some((s) => /^Writing [\d,]+ of [\d,]+ posts · [\d,]+ posts\/s$/.test(s))).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const threads = page.locator('.thread-list li');
  await expect(threads).toHaveCount(402);
  await expect(page.getByRole('button', { name: /Salt & pepper <3: is it > sugar\?.*reddit · \d+ posts/ })).toBeVisible();
  await page.reload();
  await expect(page.locator('.thread-list li')).toHaveCount(402);
  await page.getByRole('button', { name: /^Salt & pepper <3/ }).click();
  await expect(page.getByRole('article').first()).toContainText('Asking for a friend &copy; nobody');

  // The same files again: everything is already there, nothing to import.
  const again = await openImport(page);
  await again.getByLabel('Drop files here, or choose them:').setInputFiles([
    { name: 'reddit-thread.json', mimeType: 'application/json', buffer: fixture('reddit-thread-escaped.json') },
  ]);
  await again.getByRole('button', { name: 'Preview' }).click();
  await expect(again.locator('#import-status')).toContainText('Every post in these files is already in the project');
});

test('asks which column holds the text when a CSV does not say, with a preview of its rows', async ({ page }) => {
  await startAs(page, 'Ada');
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([{ name: 'survey.csv', mimeType: 'text/csv', buffer: fixture('csv/survey-unmapped.csv') }]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('table', { name: 'The first rows of survey.csv' })).toContainText('I think so');
  const go = dialog.getByRole('button', { name: 'Preview with these columns' });
  await expect(go).toBeDisabled();
  await dialog.getByLabel('Post text (required)').selectOption('answer_q1');
  await dialog.getByLabel('Post id').selectOption('respondent');
  await go.click();
  await expect(dialog.getByRole('row', { name: /survey\.csv/ })).toContainText('CSV or TSV table');
  await dialog.getByRole('button', { name: /^Import \d+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText('into 1 new thread');
});

test('a broken file stops the whole import with its name and line, and nothing is written', async ({ page }) => {
  await startAs(page, 'Ada');
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([
    { name: 'good.csv', mimeType: 'text/csv', buffer: generatedCsv(10) },
    { name: 'broken.csv', mimeType: 'text/csv', buffer: fixture('csv/posts-broken-quote.csv') },
  ]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');
  await expect(dialog.locator('.problem-list')).toContainText(/broken\.csv \(line 3\): .*never closed/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.thread-list li')).toHaveCount(1);
});

test('killing the page in the middle of writing leaves the project exactly as it was', async ({ page, context }) => {
  await startAs(page, 'Ada');
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([{ name: 'big.csv', mimeType: 'text/csv', buffer: generatedCsv(200_000) }]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Import 200,000 posts' }).click({ timeout: 60_000 });
  await expect(dialog.locator('#import-status')).toContainText(/^Writing [\d,]+ of 200,000/);
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined);
  await page.waitForEvent('crash');

  const next = await context.newPage();
  await next.goto('/');
  await expect(next.getByRole('article').first()).toBeVisible();
  // Only the demo thread: not one of the 4,000 threads being written.
  await expect(next.locator('.thread-list li')).toHaveCount(1);
  await expect(next.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();
});

test('an import bigger than the space left is refused in words, and the project stays as it was', async ({ page, context, baseURL }) => {
  const cdp = await context.newCDPSession(page);
  // Before the first database open, or it is ignored: a 4 MB quota for the app's origin
  // (docs/storage.md, "Quota and a full disk").
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL ?? '').origin, quotaSize: 4 * 1024 * 1024 });
  await startAs(page, 'Ada');
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([{ name: 'big.csv', mimeType: 'text/csv', buffer: generatedCsv(60_000) }]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Import 60,000 posts' }).click({ timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');
  await expect(dialog.locator('.problem-list')).toContainText('not enough disk space');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.thread-list li')).toHaveCount(1);
  // A small write still works afterwards.
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();
});

test('the import dialog keeps keyboard focus inside it', async ({ page }) => {
  await startAs(page, 'Ada');
  const dialog = await openImport(page);
  const input = dialog.getByLabel('Drop files here, or choose them:');
  await expect(input).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  // Preview is disabled until files are chosen: Close is the last thing a keyboard can reach.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an import is undone with Ctrl+Z and redone; History shows the import and its undo', async ({ page }) => {
  await startAs(page, 'Ada');
  await expect(page.locator('.thread-list li')).toHaveCount(1);
  const dialog = await openImport(page);
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([{ name: 'posts.csv', mimeType: 'text/csv', buffer: generatedCsv(120) }]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 120 posts into 3 new threads');
  await expect(dialog.getByRole('status')).toContainText('Ctrl+Z (or Undo) takes the import out');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.thread-list li')).toHaveCount(4);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').last()).toContainText('Undid the import');
  await expect(page.locator('.thread-list li')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').last()).toContainText('Redid the import');
  await expect(page.locator('.thread-list li')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.thread-list li')).toHaveCount(1);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  const changes = page.getByRole('region', { name: 'Changes' });
  await expect(changes.getByRole('row').nth(1)).toContainText('Undid: Imported posts.csv');
  await expect(changes).toContainText('Imported posts.csv: 3 threads, 120 posts');
  await page.screenshot({ path: 'test-results/history-after-undoing-an-import.png' });
});

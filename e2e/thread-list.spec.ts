import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { fileCommand, startAs } from './helpers';

const fixture = (path: string): Buffer => readFileSync(`shared/import/fixtures/${path}`);

const rows = (page: Page) => page.locator('.thread-list .thread-choose');
const titles = (page: Page) => page.locator('.thread-list .thread-title').allTextContents();
const postCounts = async (page: Page): Promise<number[]> =>
  (await page.locator('.thread-list .thread-meta').allTextContents()).map((meta) => Number(/([\d,]+) posts?/.exec(meta)?.[1]?.replace(/,/g, '') ?? NaN));

test('an import opens its first new thread; the list searches, sorts by size and filters by platform, remembered', async ({ page }) => {
  await startAs(page, 'Ada');
  await expect(rows(page)).toHaveCount(1);
  const [demoTitle] = await titles(page);

  await fileCommand(page, 'Import threads…');
  const dialog = page.getByRole('dialog', { name: 'Import threads' });
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([
    { name: 'reddit-thread.json', mimeType: 'application/json', buffer: fixture('reddit-thread-escaped.json') },
    { name: 'youtube.json', mimeType: 'application/json', buffer: fixture('youtube/comment-threads-pages.json') },
  ]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(/into 2 new threads/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rows(page)).toHaveCount(3);

  // The first new thread is open, not the demo thread the project started with.
  const current = page.locator('.thread-list .thread-choose[aria-current="true"]');
  await expect(current).toHaveCount(1);
  const openTitle = (await current.locator('.thread-title').textContent()) ?? '';
  expect(openTitle).not.toBe(demoTitle);
  await expect(page.getByRole('region', { name: `Thread: ${openTitle}` })).toBeVisible();

  // A YouTube thread without a title in the file says so in words.
  await expect(page.locator('.thread-list .thread-title', { hasText: 'YouTube video dQw4w9WgXcQ' })).toHaveCount(1);

  // Search: case- and accent-insensitive, on titles.
  const list = page.getByRole('navigation', { name: 'Threads' });
  const search = list.getByRole('searchbox', { name: 'Search titles' });
  await search.fill('YOUTUBE VIDÉO');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('YouTube video dQw4w9WgXcQ');
  await search.fill('no such thread');
  await expect(rows(page)).toHaveCount(0);
  await expect(list.getByRole('status')).toHaveText('No thread matches “no such thread”');
  await search.fill('');
  await expect(rows(page)).toHaveCount(3);

  // Sort by size reorders: most posts first.
  const sort = list.getByLabel('Sort', { exact: true });
  await sort.selectOption({ label: 'Oldest first' });
  await expect.poll(() => titles(page)).toEqual(['YouTube video dQw4w9WgXcQ', 'Salt & pepper <3: is it > sugar?', demoTitle]);
  const oldest = await postCounts(page);
  await sort.selectOption({ label: 'Most posts' });
  const bySize = [...oldest].sort((a, b) => b - a);
  expect(bySize).not.toEqual(oldest);
  await expect.poll(() => postCounts(page)).toEqual(bySize);

  // Platform filter: only platforms present are offered.
  const platform = list.getByLabel('Platform', { exact: true });
  const offered = await platform.locator('option').allTextContents();
  expect(offered[0]).toBe('All platforms');
  expect(offered).toContain('reddit');
  expect(offered).toContain('youtube');
  expect(offered).not.toContain('twitter');
  await platform.selectOption('youtube');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('youtube');

  // Grouping: headings per platform, rows keep their roles.
  await platform.selectOption('');
  await list.getByRole('checkbox', { name: 'Group by platform' }).check();
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(offered.slice(1));
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Remembered for the project across a reload (the search is not).
  await page.reload();
  await expect(sort).toHaveValue('size');
  await expect(list.getByRole('checkbox', { name: 'Group by platform' })).toBeChecked();
});

import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { codeOpeningPost, startAs } from './helpers';

async function openTables(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Tables & charts' }).click();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('counts codes per thread, opens a matrix cell’s segments, exports the table as CSV and a chart as SVG and PNG', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
  await startAs(page, 'Ada');
  // False equivalence (key 1) on [0, 60), Whataboutism (key 2) on [30, 90): they overlap.
  const text = await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 90, '2'],
  ]);
  expect(text.length).toBeGreaterThan(90);
  await openTables(page);

  const frequencies = page.getByRole('region', { name: /^Codings per code and thread/ });
  await expect(frequencies.getByRole('row', { name: /^False equivalence/ }).getByRole('cell').first()).toHaveText('1');
  await expect(frequencies.getByRole('button', { name: /^1 codings: Whataboutism × .+\. Open the segments$/ })).toBeVisible();

  // Characters: each coding covers 60 code points (the text is ASCII here).
  await page.getByRole('combobox', { name: 'Count' }).selectOption({ label: 'Characters' });
  const chars = page.getByRole('region', { name: /^Characters per code and thread/ });
  await expect(chars.getByRole('button', { name: /^60 characters: False equivalence, all\. Open the segments$/ })).toBeVisible();
  await expect(chars.getByRole('row', { name: /^Total/ }).getByRole('cell').last()).toHaveText('90');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Frequencies' }).getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('codes-by-thread-chars.csv');
  const rows = parse(await readFile(await csv.path(), 'utf8')) as string[][];
  expect(rows[0]![0]).toBe('code');
  expect(rows.find((r) => r[0] === 'False equivalence')!.slice(-1)).toEqual(['60']);
  expect(rows.at(-1)!.slice(-1)).toEqual(['90']);

  // By month (the demo thread is from March 2025), then only Ada's codings: the same figures.
  await page.getByRole('combobox', { name: 'Columns' }).selectOption({ label: 'Month' });
  const byMonth = page.getByRole('region', { name: 'Characters per code and month (all coders)' });
  await expect(byMonth.getByRole('columnheader', { name: '2025-03' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Codings of' }).selectOption({ label: 'Ada' });
  const adas = page.getByRole('region', { name: 'Characters per code and month (Ada)' });
  await expect(adas.getByRole('button', { name: /^60 characters: Whataboutism × 2025-03\. Open the segments$/ })).toBeVisible();

  // The co-occurrence matrix: the two codes overlap in one post.
  const matrix = page.getByRole('region', { name: /^Code co-occurrence: overlapping spans, count of posts/ });
  const cell = matrix.getByRole('button', { name: '1 (1 posts): False equivalence with Whataboutism. Open the segments' });
  await expect(cell).toHaveText('1');

  // The charts (Plot) draw SVG under the strict CSP with nothing refused.
  const bars = page.getByRole('figure', { name: /^Characters per code/ });
  await expect(bars.getByRole('img', { name: /^Characters per code\./ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Code co-occurrence: overlapping spans\./ })).toBeVisible();

  const svg = await download(page, () => bars.getByRole('button', { name: 'Export SVG' }).click());
  expect(svg.name).toBe('chars-per-code.svg');
  const markup = svg.bytes.toString('utf8');
  expect(markup).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(markup).toContain('<title>Characters per code</title>');
  expect(markup).toContain('>False equivalence</text>');
  expect(markup).toContain('>Whataboutism</text>');
  expect((markup.match(/<rect /g) ?? []).length).toBeGreaterThanOrEqual(3);
  // It is an image a browser can show, the size it says.
  const size = await page.evaluate(async (source) => {
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, markup);
  expect(size[0]).toBeGreaterThan(300);

  const png = await download(page, () => bars.getByRole('button', { name: 'Export PNG' }).click());
  expect(png.name).toBe('chars-per-code.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Drawn at twice the SVG's size.
  expect(png.bytes.readUInt32BE(16)).toBe(size[0]! * 2);

  // The table alternative carries the same numbers.
  await bars.getByRole('button', { name: 'Show as table' }).click();
  await expect(bars.getByRole('table', { name: /^Characters per code/ }).getByRole('row', { name: /^Whataboutism/ })).toContainText('60');

  // A matrix cell opens its segments in the Segments tab.
  await cell.click();
  await expect(page.getByRole('tab', { name: 'Segments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /^1 segment: False equivalence .*overlapping Whataboutism/ })).toBeVisible();
  const items = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('mark')).toHaveText(text.slice(0, 60));

  expect(problems).toEqual([]);
});

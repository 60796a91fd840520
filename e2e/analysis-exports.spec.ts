import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

import { readParquetRows } from '../shared/export/read-parquet.test-helpers';
import { readXlsx } from '../shared/export/xlsx/read-xlsx.test-helpers';
import { codeButton, fileCommand, selectPhrase, startAs } from './helpers';

/** Runs File → Export for analysis… and picks `choice`; the downloaded file's name and bytes. */
async function exportForAnalysis(page: Page, choice: string): Promise<{ name: string; bytes: Uint8Array }> {
  await fileCommand(page, 'Export for analysis…');
  const dialog = page.getByRole('dialog', { name: 'Export for analysis' });
  await expect(dialog).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: choice, exact: true }).click()]);
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(await file.path())) };
}

test('a coded span is in the XLSX workbook and the Parquet file exported through the dialog', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  const phrase = text.slice(0, 40);
  await selectPhrase(page, phrase);
  await codeButton(page, 'Universalizing reframe').click();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);

  const xlsx = await exportForAnalysis(page, 'Workbook of every table (XLSX)');
  expect(xlsx.name).toMatch(/-analysis\.xlsx$/);
  const { sheets } = await readXlsx(xlsx.bytes);
  expect(sheets.map((s) => s.name)).toEqual(['segments', 'post x code', 'thread x code', 'codebook', 'coders']);
  const [header, ...rows] = sheets[0]!.rows;
  expect(rows).toHaveLength(1);
  const coding = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
  expect(coding).toMatchObject({ code: 'Universalizing reframe', coder: 'Ada', start: 0, end: [...phrase].length, quote: phrase, exemplar: false, platform: expect.any(String) });
  expect(coding.thread_title).toBeTruthy();
  // The post × code sheet counts it in its post's row and code's column.
  const [matrixHeader, ...posts] = sheets[1]!.rows;
  const column = matrixHeader!.findIndex((h) => typeof h === 'string' && h.endsWith('Universalizing reframe'));
  expect(posts.find((r) => r[0] === coding.post_id)?.[column]).toBe(1);
  expect(posts.reduce((sum, r) => sum + (r[column] as number), 0)).toBe(1);
  expect(sheets[4]!.rows).toContainEqual([expect.any(String), 'Ada', 1]);

  const parquet = await exportForAnalysis(page, 'Coded segments (Parquet)');
  expect(parquet.name).toMatch(/-coded-segments\.parquet$/);
  const segments = await readParquetRows(parquet.bytes);
  expect(segments).toEqual([expect.objectContaining({ coding_id: coding.coding_id, quote: phrase, start: 0, end: [...phrase].length, coder: 'Ada', code: 'Universalizing reframe' })]);
  await expect(page.getByRole('status').last()).toContainText('Exported 1 coding as Coded segments (Parquet) to');
});

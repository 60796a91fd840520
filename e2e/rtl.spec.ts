import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { codeButton, fileCommand, post, startAs } from './helpers';

/** Arabic, Hebrew and Persian posts mixed with English, emoji and hashtags; one author's name starts with U+202E. */
const FIXTURE = readFileSync('e2e/fixtures/rtl-thread.csv');
const ARABIC = 'الرجال ضحايا أيضاً، but nobody talks about it 😡 #العدالة_للجميع\nلماذا تتجاهلون هذا؟ 🤷🏽‍♂️';
const HEBREW = 'זה בדיוק whataboutism קלאסי 🙄 — מה עם הנשים? #שוויון';
const PERSIAN = 'من فکر می‌کنم این مقایسه درست نیست 🤔 #برابری\nand this line is English';
const REVERSING_CODE = '\u202EReversed irony';

/** Code-point offsets of `phrase` in `text`, as every export writes them. */
function codePoints(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  expect(at, `"${phrase}" in the post`).toBeGreaterThanOrEqual(0);
  return { start: [...text.slice(0, at)].length, end: [...text.slice(0, at + phrase.length)].length };
}

async function importFixture(page: Page): Promise<void> {
  await fileCommand(page, 'Import threads…');
  const dialog = page.getByRole('dialog', { name: 'Import threads' });
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([{ name: 'rtl-thread.csv', mimeType: 'text/csv', buffer: FIXTURE }]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(/into 1 new thread/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(post(page, 'ضحايا')).toBeVisible();
}

/**
 * A point inside the text where a click puts the caret at UTF-16 index `index`: on one side or
 * the other of the character there, whichever the browser's own hit-testing maps to that index (in
 * a right-to-left run a character starts at its right side; a neutral like "#" takes its side
 * from the run it sits in).
 */
async function caretPoint(text: Locator, index: number, side: 'start' | 'end'): Promise<{ x: number; y: number }> {
  return text.evaluate(
    (root, { at, side: which }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Array<{ node: Text; start: number }> = [];
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: offset });
        offset += node.textContent?.length ?? 0;
      }
      const globalIndex = (node: Node, local: number) => (nodes.find((n) => n.node === node)?.start ?? NaN) + local;
      // The character starting (side "start") or ending (side "end") at `at`.
      const charAt = which === 'start' ? at : at - 1;
      const holder = nodes.findLast((n) => n.start <= charAt)!;
      const local = charAt - holder.start;
      const range = document.createRange();
      range.setStart(holder.node, local);
      range.setEnd(holder.node, local + 1);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      const y = (rect.top + rect.bottom) / 2;
      for (const x of [rect.left + 1, rect.right - 1]) {
        const hit = document.caretRangeFromPoint(x, y);
        if (hit && globalIndex(hit.startContainer, hit.startOffset) === at) return { x, y };
      }
      throw new Error(`no point puts the caret at ${at}`);
    },
    { at: index, side },
  );
}

/**
 * Selects `phrase` with the mouse, as a person would: pressed where the caret goes before its
 * first character and released where it goes after its last, wherever the runs are painted.
 */
async function dragSelect(page: Page, postText: Locator, full: string, phrase: string): Promise<void> {
  // Line breaks are <br>s, not text: an index into the DOM's text skips them.
  const domIndex = (i: number) => i - (full.slice(0, i).match(/\n/g)?.length ?? 0);
  const at = full.indexOf(phrase);
  const from = await caretPoint(postText, domIndex(at), 'start');
  const to = await caretPoint(postText, domIndex(at + phrase.length), 'end');
  // A press inside the selection kept from the last coding would drag that text instead.
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(50);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
}

/** The text each coding highlights in a post (its marks joined, line breaks as "\n"), sorted. */
async function markedTexts(article: Locator): Promise<string[]> {
  return article.locator('mark').evaluateAll((marks) => {
    const byId = new Map<string, string>();
    for (const mark of marks) for (const id of (mark as HTMLElement).dataset.codingIds?.split(' ') ?? []) byId.set(id, (byId.get(id) ?? '') + (mark as HTMLElement).innerText);
    return [...byId.values()].sort();
  });
}

/** Where a line of a post sits: its gaps to the text's left and right edges. */
async function lineGaps(article: Locator, needle: string): Promise<{ left: number; right: number }> {
  return article.locator('.post-paragraph').evaluate((paragraph, wanted) => {
    const box = paragraph.getBoundingClientRect();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      return { left: rect.left - box.left, right: box.right - rect.right };
    }
    throw new Error(`"${wanted}" not found`);
  }, needle);
}

/** Downloads the coded-segments CSV (exact text) and reads its rows as records. */
async function segmentsCsv(page: Page): Promise<Array<Record<string, string>>> {
  await fileCommand(page, 'Export coded segments (CSV)…');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'For R, Python or SPSS (exact text)' }).click()]);
  const [header, ...rows] = parse(await readFile(await file.path(), 'utf8')) as string[][];
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ''])));
}

test('right-to-left and mixed posts read in their direction, code by mouse and by keys, and export the exact quotes', async ({ page }) => {
  await startAs(page, 'Rana');
  await importFixture(page);
  const arabic = post(page, 'ضحايا');
  const hebrew = post(page, 'whataboutism');
  const persian = post(page, 'مقایسه');

  // Each line takes its direction from its first strong letter and sits at its own start.
  expect((await lineGaps(arabic, 'الرجال')).right).toBeLessThan(2);
  expect((await lineGaps(arabic, 'لماذا')).right).toBeLessThan(2);
  expect((await lineGaps(hebrew, 'זה')).right).toBeLessThan(2);
  expect((await lineGaps(persian, 'من فکر')).right).toBeLessThan(2);
  expect((await lineGaps(persian, 'and this line')).left).toBeLessThan(2);
  expect((await lineGaps(post(page, '@ahmad'), 'I agree')).left).toBeLessThan(2);

  // By mouse: inside the Arabic run, then from the Arabic run into the English one.
  const arabicText = arabic.locator('[data-post-text]');
  await dragSelect(page, arabicText, ARABIC, 'الرجال ضحايا');
  await codeButton(page, 'False equivalence').click();
  await expect(page.getByRole('status').last()).toContainText('as False equivalence');
  await dragSelect(page, arabicText, ARABIC, 'ضحايا أيضاً، but nobody');
  await page.keyboard.press('2');
  await expect.poll(() => markedTexts(arabic)).toEqual(['الرجال ضحايا', 'ضحايا أيضاً، but nobody']);

  // By keys in text mode: in a right-to-left post ArrowLeft goes on through the text, ArrowRight back.
  await hebrew.click({ position: { x: 5, y: 5 } });
  await expect(hebrew).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('זה בדיוק');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('זה בד');
  await page.keyboard.press('3');
  await expect.poll(() => markedTexts(hebrew)).toEqual(['זה בד']);
  await page.keyboard.press('Escape');

  // A code whose name starts with a right-to-left override: shown isolated wherever it is named.
  await page.getByRole('button', { name: 'Add code' }).click();
  const dialog = page.getByRole('dialog', { name: 'New code' });
  await dialog.getByLabel('Name').fill(REVERSING_CODE);
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog).toHaveCount(0);
  const persianText = persian.locator('[data-post-text]');
  await dragSelect(page, persianText, PERSIAN, '#برابری\nand this line is English');
  await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').filter({ hasText: 'Reversed irony' }).click();
  await expect.poll(() => markedTexts(persian)).toEqual(['#برابری\nand this line is English']);
  // The code margin names each coding, the reversing name isolated, its bracket over both lines.
  await expect(arabic.getByTestId('code-margin').locator('.margin-label')).toHaveText(['False equivalence', 'Whataboutism']);
  const label = persian.getByTestId('code-margin').locator('.margin-label bdi');
  await expect(label).toHaveText(REVERSING_CODE);
  const bracket = await persian.getByTestId('code-margin').locator('.margin-bracket').boundingBox();
  const lines = await persian.locator('mark').evaluateAll((marks) => marks.flatMap((m) => [...m.getClientRects()].map((r) => [r.top, r.bottom])));
  expect(bracket!.y).toBeLessThanOrEqual(Math.min(...lines.map(([top]) => top!)) + 1);
  expect(bracket!.y + bracket!.height).toBeGreaterThanOrEqual(Math.max(...lines.map(([, bottom]) => bottom!)) - 1);

  await page.reload();
  await expect(page.getByRole('button', { name: /Coding as Rana/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: /^الرجال ضحايا/ }).click();
  await expect.poll(() => markedTexts(post(page, 'ضحايا'))).toEqual(['الرجال ضحايا', 'ضحايا أيضاً، but nobody']);
  await expect.poll(() => markedTexts(post(page, 'whataboutism'))).toEqual(['זה בד']);

  const rows = await segmentsCsv(page);
  const expected: Array<[string, string, string]> = [
    ['False equivalence', ARABIC, 'الرجال ضحايا'],
    ['Whataboutism', ARABIC, 'ضحايا أيضاً، but nobody'],
    ['Derailing', HEBREW, 'זה בד'],
    [REVERSING_CODE, PERSIAN, '#برابری\nand this line is English'],
  ];
  expect(rows).toHaveLength(expected.length);
  for (const [code, text, quote] of expected) {
    const row = rows.find((r) => r.code === code);
    expect(row, code).toBeDefined();
    const { start, end } = codePoints(text, quote);
    expect(row).toMatchObject({ coder: 'Rana', quote, start: String(start), end: String(end) });
  }
});

test('names with bidi controls are isolated and never reorder what follows them', async ({ page }) => {
  await startAs(page, 'Rana');
  await importFixture(page);

  // The author "\u202Eevil_author": the time after the name still reads left to right.
  const article = post(page, '@ahmad');
  const author = article.locator('.post-author');
  expect(await author.evaluate((el) => [el.tagName, getComputedStyle(el).unicodeBidi])).toEqual(['BDI', 'isolate']);
  const order = await article.locator('.post-heading').evaluate((heading) => {
    const name = heading.querySelector('.post-author')!.getBoundingClientRect();
    const time = heading.querySelector('time')!;
    const node = time.firstChild!;
    const box = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return { nameRight: name.right, timeFirst: box(0), timeLast: box((node.textContent?.length ?? 1) - 1) };
  });
  expect(order.timeFirst).toBeGreaterThanOrEqual(order.nameRight - 1);
  expect(order.timeLast).toBeGreaterThan(order.timeFirst);

  // A code named with U+202E: isolated in the tree; " (retired)" after it keeps its order.
  await page.getByRole('button', { name: 'Add code' }).click();
  const dialog = page.getByRole('dialog', { name: 'New code' });
  await dialog.getByLabel('Name').fill(REVERSING_CODE);
  await dialog.getByLabel(/^Retired/).check();
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').filter({ hasText: 'Reversed irony' });
  const name = row.locator('.code-node-name');
  await expect(name.locator('bdi')).toHaveText(REVERSING_CODE);
  const retired = await name.evaluate((el) => {
    const bdi = el.querySelector('bdi')!;
    const after = bdi.nextSibling!;
    const text = after.textContent ?? '';
    const left = (i: number) => {
      const range = document.createRange();
      range.setStart(after, i);
      range.setEnd(after, i + 1);
      return range.getBoundingClientRect().left;
    };
    return { text, nameRight: bdi.getBoundingClientRect().right, open: left(text.indexOf('(')), close: left(text.indexOf(')')), isolate: getComputedStyle(bdi).unicodeBidi };
  });
  expect(retired).toMatchObject({ text: ' (retired)', isolate: 'isolate' });
  expect(retired.open).toBeGreaterThanOrEqual(retired.nameRight - 1);
  expect(retired.close).toBeGreaterThan(retired.open);
});

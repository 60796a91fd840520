import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

import { codeButton, codingsInOpeningPost, fileCommand, selectPhrase, startAs, teamCommand } from './helpers';

const CODE = 'Universalizing reframe';

interface Annotation {
  creator: { name: string };
  body: Array<{ purpose: string; value: string }>;
  target: { source: string; selector: Array<{ type: string; exact?: string; prefix?: string; start?: number; end?: number }> };
}

/** File → Export annotations… as W3C Web Annotation: the downloaded document's annotations. */
async function exportWebAnnotation(page: Page): Promise<{ name: string; items: Annotation[] }> {
  await fileCommand(page, 'Export annotations…');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'W3C Web Annotation (JSON-LD)' }).click()]);
  const doc = JSON.parse(await readFile(await file.path(), 'utf8')) as { '@context': string; type: string; first: { items: Annotation[] } };
  expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(doc.type).toBe('AnnotationCollection');
  return { name: file.suggestedFilename(), items: doc.first.items };
}

const shownText = async (page: Page): Promise<string> => (await page.locator('[data-post-text]').first().textContent()) ?? '';

/** The opening post's stored text, paragraph breaks and all (the page shows paragraphs as blocks, not "\n\n"). */
async function openingText(page: Page): Promise<string> {
  const demo = JSON.parse(await readFile('resources/demo/demo-project.threadmark.json', 'utf8')) as { posts: Array<{ text: string }> };
  const text = demo.posts[0]!.text;
  expect(await shownText(page)).toBe(text.replace(/\n+/g, ''));
  return text;
}
/** Code point offset of a UTF-16 index: what the W3C model and every Threadmark file count. */
const codePoints = (text: string, utf16: number): number => Array.from(text.slice(0, utf16)).length;

test('a coded span exports as a Web Annotation with its quote, context and code point positions', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = await openingText(page);
  const phrase = text.slice(40, 90);
  await selectPhrase(page, phrase);
  await codeButton(page, CODE).click();
  await expect(page.getByRole('article').first().locator('mark')).not.toHaveCount(0);

  const { name, items } = await exportWebAnnotation(page);
  expect(name).toMatch(/-annotations\.jsonld$/);
  expect(items).toHaveLength(1);
  const [anno] = items as [Annotation];
  const quote = anno.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  const position = anno.target.selector.find((s) => s.type === 'TextPositionSelector')!;
  expect(quote.exact).toBe(phrase);
  expect(quote.prefix).toBe(text.slice(8, 40));
  expect([position.start, position.end]).toEqual([codePoints(text, 40), codePoints(text, 90)]);
  expect(anno.creator.name).toBe('Ada');
  expect(anno.body.find((b) => b.purpose === 'tagging')?.value).toContain(CODE);
  expect(anno.target.source).toMatch(/^urn:threadmark:post:/);
});

test('a doccano file comes in through Add coder files… as its coder’s layer', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = await openingText(page);
  const start = text.indexOf(' ') + 1;
  const end = text.indexOf(' ', start + 12);
  const line = JSON.stringify({ id: 1, text, label: [[codePoints(text, start), codePoints(text, end), CODE]] });

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  await chooser.setFiles([{ name: 'cleo.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${line}\n`, 'utf8') }]);
  const review = page.getByRole('dialog', { name: 'Add coder files' });
  await expect(review).toContainText('cleo: new coder, 1 coding.');
  await expect(review).toContainText('Read as doccano (JSONL): 1 span, 1 placed (cleo).');
  await review.getByRole('button', { name: 'Add the file' }).click();
  await expect(review).toBeHidden();

  // Cleo's coding is on the opening post, and the export names her with the span the file gave.
  await expect.poll(() => codingsInOpeningPost(page)).toBe(1);
  const { items } = await exportWebAnnotation(page);
  expect(items.map((a) => [a.creator.name, a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact])).toEqual([['cleo', text.slice(start, end)]]);
});

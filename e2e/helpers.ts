import { readFileSync } from 'node:fs';

import { expect, type Locator, type Page } from '@playwright/test';

/** First run: the app asks who is coding, then opens the demo project. */
export async function startAs(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start coding' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
}

/** The post whose text contains `phrase`. */
export function post(page: Page, phrase: string): Locator {
  return page.getByRole('article').filter({ has: page.locator('[data-post-text]', { hasText: phrase }) });
}

/** Selects `phrase` inside the text of the post that contains it, as a mouse drag would. */
export async function selectPhrase(page: Page, phrase: string, occurrenceIn?: string): Promise<void> {
  const container = occurrenceIn ?? phrase;
  await post(page, container).first().scrollIntoViewIfNeeded();
  const ok = await page.evaluate(
    ({ phrase: wanted, container: holder }) => {
      const roots = [...document.querySelectorAll<HTMLElement>('[data-post-text]')];
      const root = roots.find((r) => (r.textContent ?? '').includes(holder));
      if (!root) return false;
      const full = root.textContent ?? '';
      const start = full.indexOf(wanted, full.indexOf(holder));
      const end = start + wanted.length;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let startNode: Node | null = null;
      let startOffset = 0;
      let endNode: Node | null = null;
      let endOffset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!startNode && start < offset + length) {
          startNode = node;
          startOffset = start - offset;
        }
        if (!endNode && end <= offset + length) {
          endNode = node;
          endOffset = end - offset;
        }
        offset += length;
      }
      if (!startNode || !endNode) return false;
      window.getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
      return true;
    },
    { phrase, container },
  );
  expect(ok, `phrase "${phrase}" found in a post`).toBe(true);
  // Lexical reads the selection on selectionchange, which fires asynchronously.
  await page.waitForTimeout(50);
}

/** The code's row in the codebook tree (a click applies it to the selection). */
export function codeButton(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name, exact: true });
}

/** Runs an item of a code's actions menu ("Edit…", "Merge into…") from the row's button. */
export async function codeAction(page: Page, code: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${code}`, exact: true }).click();
  await page.getByRole('menu', { name: `Actions for ${code}` }).getByRole('menuitem', { name: item }).click();
}

/** Runs a command from the header's File menu. */
export async function fileCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
}

/** Runs a command from the header's Team menu. */
export async function teamCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  await page.getByRole('menu', { name: 'Team' }).getByRole('menuitem', { name: item }).click();
}

/** The codings highlighted in the opening post (a mark lists every coding covering it). */
export function codingsInOpeningPost(page: Page): Promise<number> {
  return page
    .getByRole('article')
    .first()
    .locator('mark')
    .evaluateAll((marks) => new Set(marks.flatMap((m) => (m as HTMLElement).dataset.codingIds?.split(' ') ?? [])).size);
}

/** Codes slices of the opening post with code keys, as the current coder, each one seen stored; returns the post's text. */
export async function codeOpeningPost(page: Page, plan: Array<[number, number, string]>): Promise<string> {
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  for (const [from, to, key] of plan) {
    await selectPhrase(page, text.slice(from, to));
    const before = await codingsInOpeningPost(page);
    await page.keyboard.press(key);
    await expect.poll(() => codingsInOpeningPost(page)).toBe(before + 1);
  }
  return text;
}

/** Switch coder… from one coder to another in the same project. */
export async function switchCoder(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Coding as ${from}`) }).click();
  await page.getByRole('dialog', { name: 'Who is coding?' }).getByLabel('Your name').fill(to);
  await page.getByRole('button', { name: 'Start coding' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^Coding as ${to}`) })).toBeVisible();
}

/**
 * Ada and Ben code the opening post: both False equivalence on [0, 60); Ada Whataboutism on
 * [100, 160), Ben Derailing on [110, 200). Ben is coding afterwards. Returns the post's text.
 */
export async function twoCodersDisagree(page: Page): Promise<string> {
  await startAs(page, 'Ada');
  const text = await codeOpeningPost(page, [
    [0, 60, '1'],
    [100, 160, '2'],
  ]);
  await switchCoder(page, 'Ada', 'Ben');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [110, 200, '3'],
  ]);
  return text;
}

/** Imports the Reddit thread fixture through File → Import threads…, as a new thread. */
export async function importRedditThread(page: Page): Promise<void> {
  await fileCommand(page, 'Import threads…');
  const dialog = page.getByRole('dialog', { name: 'Import threads' });
  await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([
    { name: 'reddit-thread.json', mimeType: 'application/json', buffer: readFileSync('shared/import/fixtures/reddit-thread-escaped.json') },
  ]);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click();
  await expect(dialog.getByRole('status')).toContainText(/into 1 new thread/);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

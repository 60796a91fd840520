/**
 * Two tabs of the web runtime on one project (the same origin: one IndexedDB database). Each sees
 * the other's edits live (Dexie's live queries hear writes of other connections); a stale Edit
 * dialog never overwrites the other tab's newer edit of the same field, it reports a conflict;
 * the same file imported in both tabs stores its posts once.
 */
import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import { codeAction, codeButton, fileCommand, startAs } from './helpers';

const FIXTURE = { name: 'reddit-thread.json', mimeType: 'application/json', buffer: readFileSync('shared/import/fixtures/reddit-thread-escaped.json') };

const threadRows = (page: Page) => page.locator('.thread-list .thread-choose');
const postCounts = async (page: Page): Promise<number[]> =>
  (await page.locator('.thread-list .thread-meta').allTextContents()).map((meta) => Number(/([\d,]+) posts?/.exec(meta)?.[1]?.replace(/,/g, '') ?? NaN));
const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

async function openSecondTab(first: Page): Promise<Page> {
  const second = await first.context().newPage();
  await second.goto('/');
  await expect(second.getByRole('article').first()).toBeVisible();
  return second;
}

test('an edit in one tab appears in the other; a stale editor gets a conflict, not an overwrite', async ({ page }) => {
  await startAs(page, 'Ada');
  const other = await openSecondTab(page);

  // Tab B opens the editor of "Hostility" first.
  await codeAction(other, 'Hostility', 'Edit…');
  const stale = other.getByRole('dialog', { name: /^Edit “/ });
  await expect(stale.getByLabel('Definition')).toBeVisible();

  // Tab A changes the definition and renames the code; tab B's tree shows the new name live.
  await codeAction(page, 'Hostility', 'Edit…');
  const editor = page.getByRole('dialog', { name: 'Edit “Hostility”' });
  await editor.getByLabel('Name').fill('Hostile remarks');
  await editor.getByLabel('Definition').fill('Ada’s definition.');
  await editor.getByRole('button', { name: 'Save code' }).click();
  await expect(editor).toHaveCount(0);
  await expect(codeButton(other, 'Hostile remarks')).toBeVisible();

  // Tab B's stale editor changes the same definition: refused by name, Ada's text stays.
  await stale.getByLabel('Definition').fill('A stale definition.');
  await stale.getByRole('button', { name: 'Save code' }).click();
  await expect(stale).toContainText(/changed elsewhere since this editor opened/);
  await stale.getByRole('button', { name: 'Cancel' }).click();
  await codeAction(page, 'Hostile remarks', 'Edit…');
  await expect(page.getByRole('dialog', { name: 'Edit “Hostile remarks”' }).getByLabel('Definition')).toHaveValue('Ada’s definition.');
});

test('the same file imported in two tabs at once stores its posts once', async ({ page }) => {
  await startAs(page, 'Ada');
  const other = await openSecondTab(page);
  const [threadsBefore, postsBefore] = [await threadRows(page).count(), total(await postCounts(page))];

  // Both preview before either imports: each preview counts every post as new.
  const dialogs = [];
  for (const tab of [page, other]) {
    await fileCommand(tab, 'Import threads…');
    const dialog = tab.getByRole('dialog', { name: 'Import threads' });
    await dialog.getByLabel('Drop files here, or choose them:').setInputFiles([FIXTURE]);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('button', { name: /^Import [\d,]+ posts$/ })).toBeVisible();
    dialogs.push(dialog);
  }
  const label = (await dialogs[0]!.getByRole('button', { name: /^Import [\d,]+ posts$/ }).textContent()) ?? '';
  const posts = Number(/[\d,]+/.exec(label)![0].replace(/,/g, ''));
  await Promise.all(dialogs.map((d) => d.getByRole('button', { name: /^Import [\d,]+ posts$/ }).click()));
  // A hidden tab's timers are throttled: each is brought to the front while it finishes.
  for (const [i, tab] of [page, other].entries()) {
    await tab.bringToFront();
    await expect(dialogs[i]!).toContainText(/Imported [\d,]+ posts? into 1 new thread|stored meanwhile/, { timeout: 30_000 });
    await dialogs[i]!.getByRole('button', { name: 'Close' }).click();
  }

  // One new thread in both tabs, holding the file's posts once.
  expect(posts).toBeGreaterThan(0);
  for (const tab of [page, other]) {
    await tab.bringToFront();
    await expect.poll(() => threadRows(tab).count()).toBe(threadsBefore + 1);
    // The preview counts posts with a platform id (placeholders for missing parents come with them): stored twice would be ≥ 2 × posts.
    await expect.poll(async () => total(await postCounts(tab)) - postsBefore).toBeGreaterThanOrEqual(posts);
    expect(total(await postCounts(tab)) - postsBefore).toBeLessThan(2 * posts);
  }
});

import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { codeOpeningPost, fileCommand, startAs } from './helpers';

/** Issue #13 item 6: File → Print thread… prints the whole coded thread, with highlights, the margin's codes and memos. */

const demo = JSON.parse(readFileSync('resources/demo/demo-project.threadmark.json', 'utf8')) as { threads: { rootPostId: string }[]; posts: { id: string; text: string }[] };
const demoPosts = demo.posts.length;
const openingText = demo.posts.find((p) => p.id === demo.threads[0]!.rootPostId)!.text;

test('Print thread… lays out every post with its highlights, codes and memos for the browser’s print dialog', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 140, '2'],
  ]);
  await page.getByRole('article').first().locator('.post-author').click();
  const codings = page.getByRole('complementary', { name: 'Codings in this post' });
  await codings.getByRole('button', { name: 'Add memo' }).first().click();
  await codings.getByLabel('Memo').fill('Sets the two harms side by side.');
  await codings.getByRole('button', { name: 'Save memo' }).click();
  await expect(codings.getByText('Sets the two harms side by side.')).toBeVisible();

  // The print dialog itself is the browser's: here only that it was asked for.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await fileCommand(page, 'Print thread…');
  const sheet = page.getByTestId('print-thread');
  await expect(sheet).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // Every post of the thread, not only the rows the virtualized feed has mounted.
  await expect(sheet.locator('.print-post')).toHaveCount(demoPosts);
  expect(await page.getByRole('article').count()).toBeLessThan(demoPosts);

  // On screen the page stays as it was; on paper only the printable thread.
  await expect(sheet).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  const opening = sheet.locator('.print-post').first();
  await expect(opening.locator('.print-notes li')).toHaveText([/^False equivalence \(Ada\)Memo: Sets the two harms side by side\.$/, /^Whataboutism \(Ada\)$/]);
  await expect(opening.locator('.print-ref')).toHaveText(['1', '2']);
  const backgrounds = await opening.locator('mark.print-mark').evaluateAll((marks) => marks.map((m) => getComputedStyle(m).backgroundColor + getComputedStyle(m).backgroundImage));
  expect(backgrounds.length).toBe(3);
  expect(backgrounds.every((b) => b.includes('rgba('))).toBe(true);
  // The printed text is the post's stored text, whole, line breaks and all.
  const printed = await opening.locator('.print-body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('sup').forEach((sup) => sup.remove());
    return copy.textContent;
  });
  expect(printed).toBe(openingText);

  // The dialog closed: the printable page goes.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(sheet).toHaveCount(0);
  // And coding goes on as before.
  await codeOpeningPost(page, [[200, 260, '3']]);
  await expect(page.getByRole('article').first().getByRole('group', { name: /^Codes in this post/ }).getByRole('button')).toHaveCount(3);
});

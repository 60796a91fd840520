import { expect, test, type Page } from '@playwright/test';

import { codeButton, post, selectPhrase, startAs, switchCoder } from './helpers';

async function code(page: Page, phrase: string, codeName: string): Promise<void> {
  await selectPhrase(page, phrase);
  await codeButton(page, codeName).click();
  await expect(page.getByRole('status').last()).toContainText(`as ${codeName}`);
}

test('the codebook’s counts follow "Only my codings"; the row tells the total and each coder’s share', async ({ page }) => {
  await startAs(page, 'Ada');
  await code(page, 'a predictable reply shows up', 'False equivalence');
  await switchCoder(page, 'Ada', 'Ben');
  await code(page, 'Men are victims too', 'False equivalence');
  await code(page, 'Studies show up to 40%', 'False equivalence');

  const row = codeButton(page, 'False equivalence');
  await expect(row).toHaveAccessibleDescription(/^3 codings\..*All coders: 3 codings: Ada 1, Ben 2\.$/);
  await expect(row).toHaveAttribute('title', /3 codings: Ada 1, Ben 2/);
  await expect(row.locator('.code-node-count')).toHaveText('3');

  await page.getByLabel('Only my codings').check();
  await expect(row.locator('.code-node-count')).toHaveText('2');
  await expect(row).toHaveAccessibleDescription(/^2 of your codings\..*All coders: 3 codings: Ada 1, Ben 2\.$/);
  // A code Ben never used counts 0 for him.
  await expect(codeButton(page, 'Whataboutism')).toHaveAccessibleDescription(/^0 of your codings\./);

  await page.getByLabel('Only my codings').uncheck();
  await expect(row.locator('.code-node-count')).toHaveText('3');
});

test('post actions stay hidden until the post is hovered or focused, and still work', async ({ page }) => {
  await startAs(page, 'Ada');
  const second = post(page, 'For anyone who wants numbers rather than vibes');
  const actions = second.locator('.post-actions');
  await page.mouse.move(5, 5);
  await expect(actions).toHaveCSS('opacity', '0');
  // In the DOM all along, so a script or a test can still find them.
  await expect(second.getByRole('button', { name: 'Select whole post' })).toBeAttached();

  await second.hover();
  await expect(actions).toHaveCSS('opacity', '1');
  await page.mouse.move(5, 5);
  await expect(actions).toHaveCSS('opacity', '0');

  // Keyboard: focusing the post shows them.
  await second.focus();
  await expect(actions).toHaveCSS('opacity', '1');

  await second.getByRole('button', { name: 'Code whole post' }).click();
  await page.getByRole('menu', { name: 'Code the whole post as' }).getByRole('menuitem', { name: 'Solidarity' }).click();
  await expect(second.locator('mark')).toHaveCount(1);
});

test('messages sit in a bar of their own, never over the posts', async ({ page }) => {
  await startAs(page, 'Ada');
  await code(page, 'a predictable reply shows up', 'False equivalence');
  const status = page.getByRole('status').last();
  const bar = await status.boundingBox();
  const feed = await page.getByTestId('thread-scroll').boundingBox();
  expect(bar && feed).toBeTruthy();
  // The status bar starts where the thread's scroll area ends (or below it).
  expect(bar!.y).toBeGreaterThanOrEqual(feed!.y + feed!.height - 1);
});

test('the context rail shows a deep reply’s opening post first, cuts the middle, then the nearest parents', async ({ page }) => {
  await startAs(page, 'Ada');
  // Walk the feed by keyboard to the deepest reply (the feed mounts only the rows near the view).
  await page.getByRole('article').first().focus();
  const focused = page.locator('article[data-focused="true"]');
  for (let i = 0; i < 80 && !((await focused.textContent()) ?? '').includes('Fair. For me: a large, preregistered study'); i++) await page.keyboard.press('ArrowDown');
  const deep = focused;
  await expect(deep).toHaveAttribute('data-depth', '6');
  const rail = page.getByRole('navigation', { name: 'In reply to' });
  const items = rail.getByRole('listitem');
  await expect(items.first()).toContainText('quietlantern');
  await expect(items.first().locator('.rail-text')).toBeVisible();
  await expect(items.nth(1)).toHaveText('… 2 more');
  await expect(items).toHaveCount(5);

  // The rail keeps within its share of the pane.
  const railBox = await rail.boundingBox();
  const viewBox = await page.locator('.thread-view').boundingBox();
  expect(railBox!.height).toBeLessThanOrEqual(viewBox!.height * 0.4 + 1);

  await rail.getByRole('button', { name: 'Show 2 more posts of the chain' }).click();
  await expect(items).toHaveCount(6);
  await expect(items.first()).toContainText('quietlantern');
});

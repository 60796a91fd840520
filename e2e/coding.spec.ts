import { expect, test } from '@playwright/test';

import { codeAction, codeButton, selectPhrase, startAs } from './helpers';

test('first run asks for the coder and opens the demo thread as a reply tree', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Who is coding?' })).toBeVisible();
  await page.getByRole('button', { name: 'Start coding' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name');
  await page.getByLabel('Your name').fill('Ada');
  await page.getByRole('button', { name: 'Start coding' }).click();

  await expect(page.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();
  const first = page.getByRole('article').first();
  await expect(first).toHaveAccessibleName(/quietlantern/);
  await expect(page.locator('.thread-list')).toContainText('57 posts');
  await expect(page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem')).toHaveCount(12);
  // Only the post's own text is in its text area: no author or time inside.
  const text = await first.locator('[data-post-text]').textContent();
  expect(text).not.toContain('quietlantern');
  // Replies are nested: some visible post sits at depth 1 or more.
  await expect(page.locator('article[data-depth="1"]').first()).toBeVisible();
});

test('codes by click and by key, overlaps, memos, removes, undoes and redoes; a reload keeps it all', async ({ page }) => {
  await startAs(page, 'Ada');
  const firstText = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  const sentence = firstText.slice(0, 80);
  const inner = firstText.slice(20, 60);

  await selectPhrase(page, sentence);
  await codeButton(page, 'False equivalence').click();
  await expect(page.getByRole('status').last()).toContainText('as False equivalence');
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);

  // Key 2 applies the second code; the overlap is shown as a mark covering both codings.
  await selectPhrase(page, inner, sentence);
  await page.keyboard.press('2');
  await expect(page.getByRole('article').first().locator('mark[data-overlap="true"]')).toHaveCount(1);
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(3);

  // Clicking the overlap lists both codings with their coder.
  await page.getByRole('article').first().locator('mark[data-overlap="true"]').click();
  const panel = page.locator('.codings-panel');
  await expect(panel.getByRole('heading')).toHaveText('Codings at this highlight');
  await expect(panel.locator('.coding-item')).toHaveCount(2);
  await expect(panel).toContainText('by Ada');

  // A memo on the Whataboutism coding.
  const whatabout = panel.locator('.coding-item', { hasText: 'Whataboutism' });
  await whatabout.getByRole('button', { name: 'Add memo' }).click();
  await whatabout.getByLabel('Memo').fill('Deflects to another harm — check with team');
  await whatabout.getByRole('button', { name: 'Save memo' }).click();
  await expect(whatabout).toContainText('Deflects to another harm');

  // Remove the first coding, undo brings it back, redo removes it again, undo once more.
  const falseEq = panel.locator('.coding-item', { hasText: 'False equivalence' });
  await falseEq.getByRole('button', { name: 'Remove coding' }).click();
  await expect(panel.locator('.coding-item')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('article').first().locator('mark[data-overlap="true"]')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('article').first().locator('mark[data-overlap="true"]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('article').first().locator('mark[data-overlap="true"]')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.reload();
  await expect(page.getByRole('button', { name: /Coding as Ada/ })).toBeVisible();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(3);
  await page.getByRole('article').first().locator('mark[data-overlap="true"]').click();
  await expect(panel.locator('.coding-item', { hasText: 'Whataboutism' })).toContainText('Deflects to another harm');
});

test('a selection across two posts is refused with a message', async ({ page }) => {
  await startAs(page, 'Ada');
  const ok = await page.evaluate(() => {
    const roots = [...document.querySelectorAll('[data-post-text]')];
    const a = roots[0]?.firstChild?.firstChild?.firstChild;
    const b = roots[1]?.firstChild?.firstChild?.firstChild;
    if (!a || !b) return false;
    window.getSelection()?.setBaseAndExtent(a, 2, b, 4);
    return true;
  });
  expect(ok).toBe(true);
  await page.waitForTimeout(50);
  await codeButton(page, 'Derailing').click();
  await expect(page.getByRole('status').last()).toContainText('must lie inside one post');
  await expect(page.locator('mark')).toHaveCount(0);
});

test('keyboard only: walk to a reply, select words, code them, code a whole post', async ({ page }) => {
  await startAs(page, 'Kim');
  await page.getByRole('article').first().focus();
  await page.keyboard.press('ArrowDown');
  const reply = page.locator('article[data-focused="true"]');
  await expect(reply).toHaveAttribute('data-depth', '1');
  await expect(reply).toBeFocused();
  // The context rail shows what the reply answers.
  await expect(page.getByRole('navigation', { name: 'In reply to' })).toContainText('quietlantern');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('3');
  await expect(reply.locator('mark')).toHaveCount(1);
  await expect(page.getByRole('status').last()).toContainText('as Derailing');

  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  const next = page.locator('article[data-focused="true"]');
  const fullText = (await next.locator('[data-post-text]').textContent()) ?? '';
  await page.keyboard.press('w');
  await page.keyboard.press('6');
  await expect(next.locator('mark')).toHaveCount(1);
  await expect(next.locator('mark')).toHaveText(fullText);
});

test('collapsing a branch hides its replies', async ({ page }) => {
  await startAs(page, 'Ada');
  const root = page.getByRole('article').first();
  const before = await page.getByRole('article').count();
  await root.getByRole('button', { name: /^Hide \d+ replies$/ }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await root.getByRole('button', { name: /^Show \d+ replies$/ }).click();
  await expect(page.getByRole('article')).toHaveCount(before);
});

test('the codebook adds, edits and deletes codes, saying how many codings go with a code', async ({ page }) => {
  await startAs(page, 'Ada');
  await page.getByRole('button', { name: 'Add code' }).click();
  await page.getByLabel('Name').fill('Victim blaming');
  await page.getByLabel('Definition').fill('Places responsibility for harm on the person harmed.');
  await page.getByRole('dialog').getByRole('button', { name: 'Add code' }).click();
  await expect(codeButton(page, 'Victim blaming')).toBeVisible();

  await codeAction(page, 'Victim blaming', 'Edit…');
  await page.getByLabel('Name').fill('Victim-blaming');
  await page.getByRole('button', { name: 'Save code' }).click();
  await expect(codeButton(page, 'Victim-blaming')).toBeVisible();

  const firstText = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await selectPhrase(page, firstText.slice(0, 30));
  await codeButton(page, 'Victim-blaming').click();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);

  await codeAction(page, 'Victim-blaming', 'Delete…');
  await expect(page.getByRole('alertdialog')).toContainText('1 coding goes with it');
  await page.getByRole('button', { name: /^Delete code and 1 coding$/ }).click();
  await expect(codeButton(page, 'Victim-blaming')).toHaveCount(0);
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(0);

  // Undo brings the code back with its coding.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeButton(page, 'Victim-blaming')).toBeVisible();
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
});

test('"Code whole post" codes the whole text of a post with the chosen code', async ({ page }) => {
  await startAs(page, 'Ada');
  const reply = page.getByRole('article').nth(1);
  const fullText = (await reply.locator('[data-post-text]').textContent()) ?? '';
  await reply.getByRole('button', { name: 'Code whole post' }).click();
  const menu = page.getByRole('menu', { name: 'Code the whole post as' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Derailing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(reply.locator('mark')).toHaveText(fullText);
  await reply.locator('mark').click();
  await expect(page.locator('.codings-panel .coding-item')).toContainText('Derailing');
});

test('the selection stays after coding, so a second code applies to the same claim', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  const claim = text.slice(10, 70);
  await selectPhrase(page, claim);
  await page.keyboard.press('1');
  await expect(page.getByRole('article').first().locator('mark')).toHaveText(claim);
  await page.keyboard.press('9');
  const mark = page.getByRole('article').first().locator('mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-overlap', 'true');
  await expect(mark).toHaveText(claim);
});

import { expect, type Page, test } from '@playwright/test';

import { startAs } from './helpers';

/** How many of the codebook tree's rows lie wholly inside the window. */
async function codeRowsInView(page: Page): Promise<number> {
  return page
    .getByRole('tree', { name: 'Codes' })
    .getByRole('treeitem')
    .evaluateAll((items) =>
      items.filter((item) => {
        const r = item.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      }).length,
    );
}

/** The document itself never scrolls: every pane scrolls inside the window. */
async function documentScrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    return doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth;
  });
}

const width = (page: Page, id: string) => page.locator(`#${id}`).evaluate((el) => Math.round(el.getBoundingClientRect().width));

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the codebook shows without scrolling, panes resize by keyboard and keep their size`, async ({ page }) => {
    await page.setViewportSize(size);
    await startAs(page, 'Ada');

    await expect.poll(() => codeRowsInView(page)).toBeGreaterThanOrEqual(8);
    expect(await documentScrolls(page)).toBe(false);

    // The separator between the threads-and-codebook column and the thread: focusable, arrow keys resize.
    const separator = page.getByRole('separator', { name: 'Resize the threads and codebook column' });
    const before = await width(page, 'pane-sidebar');
    await separator.focus();
    await expect(separator).toBeFocused();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => width(page, 'pane-sidebar')).toBeGreaterThan(before + 20);
    const widened = await width(page, 'pane-sidebar');

    // The split between thread list and codebook resizes with the up and down arrows.
    const split = page.getByRole('separator', { name: 'Resize the thread list and the codebook' });
    const codebookBefore = await page.locator('#pane-codebook').evaluate((el) => el.getBoundingClientRect().height);
    await split.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#pane-codebook').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(codebookBefore);
    const codebookAfter = await page.locator('#pane-codebook').evaluate((el) => Math.round(el.getBoundingClientRect().height));
    expect(await documentScrolls(page)).toBe(false);

    // A reload keeps the sizes.
    await page.waitForTimeout(300);
    await page.reload();
    await expect(page.getByRole('article').first()).toBeVisible();
    await expect.poll(() => width(page, 'pane-sidebar')).toBe(widened);
    expect(await page.locator('#pane-codebook').evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBe(codebookAfter);
    expect(await documentScrolls(page)).toBe(false);
  });
}

test('the other views and the project list scroll inside their panes, never the document', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await startAs(page, 'Ada');
  for (const view of ['Agreement', 'Adjudication', 'History', 'Rounds']) {
    const button = page.locator('.view-switch').getByRole('button', { name: view, exact: true });
    if ((await button.count()) === 0) continue;
    await button.click();
    await expect(button).toHaveAttribute('aria-current', 'page');
    expect(await documentScrolls(page), view).toBe(false);
  }
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  const list = page.locator('main.project-list');
  await expect(list).toBeVisible();
  expect(await documentScrolls(page)).toBe(false);
  expect(await list.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
});

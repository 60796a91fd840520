import { expect, type Page, test } from '@playwright/test';

import { codeButton, codeOpeningPost, selectPhrase, startAs } from './helpers';

/** Issue #13 item 2: the code margin beside each post, and the definition card while coding. */

const openingMargin = (page: Page) => page.getByRole('article').first().getByRole('group', { name: /^Codes in this post/ });

/** The highlight pieces (marks) of the opening post listing the coding, and whether each is lit. */
async function marksOf(page: Page, codingId: string): Promise<{ lit: boolean; top: number; bottom: number }[]> {
  return page
    .getByRole('article')
    .first()
    .locator('mark[data-coding-ids]')
    .evaluateAll(
      (marks, id) =>
        marks
          .filter((m) => (m as HTMLElement).dataset.codingIds!.split(' ').includes(id))
          .flatMap((m) => [...m.getClientRects()].map((r) => ({ lit: m.classList.contains('coding-mark-hot'), top: r.top, bottom: r.bottom }))),
      codingId,
    );
}

test('the code margin shows a named bracket per coding, in lanes, linked both ways with the highlights', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [30, 140, '2'],
    [220, 280, '3'],
  ]);
  const margin = openingMargin(page);
  const labels = margin.getByRole('button');
  await expect(labels).toHaveText(['False equivalence', 'Whataboutism', 'Derailing']);
  await expect(labels.nth(1)).toHaveAccessibleName(/^Whataboutism, coded by Ada: “/);

  // Each bracket spans exactly the lines its highlight covers; the two overlapping codings stand side by side.
  const brackets = await margin.locator('.margin-bracket').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { id: (n as HTMLElement).dataset.codingId!, left: r.left, top: r.top, bottom: r.bottom };
    }),
  );
  expect(brackets).toHaveLength(3);
  for (const bracket of brackets) {
    const rects = await marksOf(page, bracket.id);
    expect(Math.abs(bracket.top - Math.min(...rects.map((r) => r.top)))).toBeLessThanOrEqual(1);
    expect(Math.abs(bracket.bottom - Math.max(...rects.map((r) => r.bottom)))).toBeLessThanOrEqual(1);
  }
  const [first, second] = brackets;
  expect(first!.left).not.toBe(second!.left);

  // Hovering a label lights its coding's highlight, and only that one.
  const whataboutism = (await labels.nth(1).getAttribute('data-coding-id'))!;
  const falseEquivalence = (await labels.nth(0).getAttribute('data-coding-id'))!;
  await labels.nth(1).hover();
  expect((await marksOf(page, whataboutism)).every((m) => m.lit)).toBe(true);
  expect((await marksOf(page, falseEquivalence)).filter((m) => m.lit).length).toBeLessThan((await marksOf(page, falseEquivalence)).length);
  // And the reverse: a highlight under the pointer lights its bracket and label.
  const derailing = (await labels.nth(2).getAttribute('data-coding-id'))!;
  await page.getByRole('article').first().locator(`mark[data-coding-ids="${derailing}"]`).first().hover();
  await expect(labels.nth(2)).toHaveAttribute('data-hot', 'true');
  await expect(margin.locator(`.margin-bracket[data-coding-id="${derailing}"]`)).toHaveAttribute('data-hot', 'true');
  await expect(labels.nth(1)).not.toHaveAttribute('data-hot', 'true');

  // From the keyboard: the focused post's labels are its next tab stops; Enter shows the coding in the codings panel.
  await page.getByRole('article').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(labels.nth(1)).toBeFocused();
  expect((await marksOf(page, whataboutism)).every((m) => m.lit)).toBe(true);
  await page.keyboard.press('Enter');
  const codings = page.getByRole('complementary', { name: 'Codings at this highlight' });
  await expect(codings.locator('.coding-item')).toHaveCount(1);
  await expect(codings.locator('.coding-code-name')).toHaveText('Whataboutism');

  // Hidden from the palette, remembered across a reload, and back.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Find an action' }).fill('Show code margin');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('code-margin')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByTestId('code-margin')).toHaveCount(0);
  await page.getByRole('button', { name: 'View', exact: true }).click();
  const toggle = page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Show code margin' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'View' }).getByRole('menuitemcheckbox', { name: 'Show code margin' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(openingMargin(page).getByRole('button')).toHaveCount(3);
});

test('many overlapping codings stay readable: one lane each, labels never overlap', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 200, '1'],
    [10, 190, '2'],
    [20, 180, '3'],
    [30, 170, '4'],
    [40, 160, '5'],
    [50, 150, '6'],
  ]);
  const margin = openingMargin(page);
  await expect(margin.getByRole('button')).toHaveCount(6);
  const lefts = await margin.locator('.margin-bracket').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().left));
  expect(new Set(lefts).size).toBe(6);
  const tops = (await margin.getByRole('button').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().top))).sort((a, b) => a - b);
  for (let i = 1; i < tops.length; i += 1) expect(tops[i]! - tops[i - 1]!).toBeGreaterThanOrEqual(17);
  // A long code name is cut on screen and said in full.
  await expect(margin.getByRole('button', { name: /^Universalizing reframe|^Appeal to statistics/ }).first()).toBeVisible();
});

test('the definition card shows the code under the caret or the focused codebook row, beside the text, never over it', async ({ page }) => {
  await startAs(page, 'Ada');
  const card = page.getByRole('region', { name: 'Code card' });
  await expect(card).toContainText('Put the caret in a highlight');
  await expect(card).toHaveAttribute('aria-live', 'polite');

  await codeButton(page, 'Tone policing').focus();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Tone policing');
  await expect(card).toContainText('Use when:');
  await expect(card).toContainText('Examples');

  const text = await codeOpeningPost(page, [[0, 60, '1']]);
  // The caret in the highlight: the card follows it.
  await selectPhrase(page, text.slice(10, 20));
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('False equivalence');
  await expect(card).toContainText('Not when:');

  const cardBox = (await card.boundingBox())!;
  const feedBox = (await page.getByRole('feed', { name: 'Posts' }).boundingBox())!;
  expect(cardBox.x >= feedBox.x + feedBox.width || cardBox.x + cardBox.width <= feedBox.x).toBe(true);

  await card.getByRole('button', { name: 'Hide' }).click();
  await expect(card).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Find an action' }).fill('definition card');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Code card' })).toBeVisible();
});

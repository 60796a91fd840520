import { expect, type Page, test } from '@playwright/test';

import { codeAction, codeButton, post, selectPhrase, startAs } from './helpers';

const status = (page: Page) => page.getByRole('status').last();
const tree = (page: Page) => page.getByRole('tree', { name: 'Codes' });

/** The names of the rows the tree shows, in order, with their level: "2 Topic shift". */
async function rows(page: Page): Promise<string[]> {
  return tree(page)
    .getByRole('treeitem')
    .evaluateAll((items) => items.map((item) => `${item.getAttribute('aria-level')} ${item.querySelector('.code-node-name')?.textContent ?? ''}`));
}

/** Adds a code under `parent` with the editor, starting from the parent's actions menu (keyboard). */
async function addSubCode(page: Page, parent: string, fields: { name: string; definition: string; inclusion: string; exclusion: string }) {
  const parentId = await codeButton(page, parent).getAttribute('data-code-id');
  await codeButton(page, parent).focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: `Actions for ${parent}` }).getByRole('menuitem', { name: 'Edit…' })).toBeFocused();
  await page.getByRole('menuitem', { name: 'Add sub-code…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New code' });
  await expect(dialog.getByLabel('Place')).toHaveValue(parentId ?? 'no parent id');
  await dialog.getByLabel('Name').fill(fields.name);
  await dialog.getByLabel('Definition').fill(fields.definition);
  await dialog.getByLabel('Inclusion criteria').fill(fields.inclusion);
  await dialog.getByLabel('Exclusion criteria').fill(fields.exclusion);
  await expect(dialog).toContainText(`On save: Adds “${fields.name}” under “${parent}”.`);
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog).toHaveCount(0);
  // Focus goes to the new code, so the keyboard carries on from there.
  await expect(codeButton(page, fields.name)).toBeFocused();
}

test('a researcher builds, arranges, merges and splits codes, and it all persists', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  const claimA = text.slice(0, 40);
  const claimB = text.slice(60, 110);

  // A category that only groups codes.
  await page.getByRole('button', { name: 'Add code' }).click();
  const newCode = page.getByRole('dialog', { name: 'New code' });
  await newCode.getByLabel('Name').fill('Derailing moves');
  await newCode.getByLabel('Category only (cannot be coded)').check();
  await newCode.getByRole('button', { name: 'Add code' }).click();
  await expect(codeButton(page, 'Derailing moves')).toHaveAccessibleDescription(/0 codings in its sub-codes.*category: it only groups codes/);

  await addSubCode(page, 'Derailing moves', {
    name: 'Topic shift',
    definition: 'Moves the thread to another subject.',
    inclusion: 'The original claim is not picked up again.',
    exclusion: 'A brief aside; use Whataboutism for a counter-accusation.',
  });
  await addSubCode(page, 'Derailing moves', {
    name: 'Side dispute',
    definition: 'Starts an argument about something beside the point.',
    inclusion: 'An argument about moderation, wording or origins.',
    exclusion: 'Disagreement with the claim itself.',
  });
  await expect.poll(async () => (await rows(page)).slice(-3)).toEqual(['1 Derailing moves', '2 Topic shift', '2 Side dispute']);

  // Reorder with Alt+Up: the code keeps focus and the move is announced.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(status(page)).toContainText('Moved “Side dispute” before “Topic shift”');
  await expect.poll(async () => (await rows(page)).slice(-3)).toEqual(['1 Derailing moves', '2 Side dispute', '2 Topic shift']);
  await expect(codeButton(page, 'Side dispute')).toBeFocused();

  // Nest by keyboard: Topic shift goes under Side dispute, then back out.
  await page.keyboard.press('ArrowDown');
  await expect(codeButton(page, 'Topic shift')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(codeButton(page, 'Topic shift')).toHaveAttribute('aria-level', '3');
  await expect(codeButton(page, 'Topic shift')).toBeFocused();
  await expect(codeButton(page, 'Side dispute')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(codeButton(page, 'Topic shift')).toHaveAttribute('aria-level', '2');
  // A move that cannot be made says why.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(status(page)).toContainText('“Topic shift”: already the last code of its level');

  // Filter the tree: matches with their ancestors.
  await page.getByLabel('Filter codes').fill('side');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(2);
  await expect.poll(() => rows(page)).toEqual(['1 Derailing moves', '2 Side dispute']);
  await page.getByLabel('Filter codes').fill('');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(15);

  // A shortcut key: a thread key is refused next to the field, a free one is saved.
  await codeAction(page, 'Topic shift', 'Edit…');
  const editor = page.getByRole('dialog', { name: 'Edit “Topic shift”' });
  await editor.getByLabel('Shortcut key').fill('j');
  await editor.getByRole('button', { name: 'Save code' }).click();
  await expect(editor.getByLabel('Shortcut key')).toHaveAccessibleDescription(/moves to the next post in the thread/);
  await editor.getByLabel('Shortcut key').fill('t');
  await expect(editor).toContainText('On save: Changes the shortcut of “Topic shift”.');
  await editor.getByRole('button', { name: 'Save code' }).click();
  await expect(editor).toHaveCount(0);
  await expect(codeButton(page, 'Topic shift')).toHaveAccessibleDescription(/Key T\./);

  await selectPhrase(page, claimA);
  await page.keyboard.press('t');
  await expect(status(page)).toContainText('as Topic shift');
  await expect(codeButton(page, 'Topic shift')).toHaveAccessibleDescription(/^1 coding\./);
  await expect(codeButton(page, 'Derailing moves')).toHaveAccessibleDescription(/^1 coding in its sub-codes/);

  // Mark that coding as an exemplar; the editor shows it with its quote and author.
  await post(page, claimA).locator('mark').first().click();
  const codings = page.locator('.codings-panel');
  await codings.getByRole('button', { name: 'Mark as exemplar of Topic shift' }).click();
  await expect(codings.getByRole('button', { name: /^Exemplar ✓/ })).toBeVisible();
  await codeAction(page, 'Topic shift', 'Edit…');
  const exemplars = editor.getByRole('region', { name: 'Exemplars' });
  await expect(exemplars.locator('blockquote')).toHaveText(claimA);
  await expect(exemplars).toContainText('Post by quietlantern, coded by Ada');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  // Removing the exemplar coding and undoing brings it back as an exemplar.
  await codings.getByRole('button', { name: 'Remove coding' }).click();
  await expect(codings.locator('.coding-item')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(codings.getByRole('button', { name: /^Exemplar ✓/ })).toBeVisible();

  // Side dispute codes the same claim (an identical span) and a second one.
  await selectPhrase(page, claimA);
  await codeButton(page, 'Side dispute').click();
  await selectPhrase(page, claimB);
  await codeButton(page, 'Side dispute').click();
  await expect(codeButton(page, 'Side dispute')).toHaveAccessibleDescription(/^2 codings\./);

  // Merge Side dispute into Topic shift: the preview says what will change first.
  await codeAction(page, 'Side dispute', 'Merge into…');
  const merge = page.getByRole('dialog', { name: 'Merge “Side dispute” into another code' });
  await merge.getByLabel('Merge into').selectOption({ label: 'Derailing moves > Topic shift' });
  await expect(merge).toContainText(
    '1 coding moves from “Side dispute” to “Topic shift”; 1 identical coding by the same coder collapses into the one kept; “Side dispute” is deleted.',
  );
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(codeButton(page, 'Side dispute')).toHaveCount(0);
  await expect(codeButton(page, 'Topic shift')).toHaveAccessibleDescription(/^2 codings\./);

  // Undo brings both codes back with their counts.
  await page.keyboard.press('Control+z');
  await expect(codeButton(page, 'Side dispute')).toHaveAccessibleDescription(/^2 codings\./);
  await expect(codeButton(page, 'Topic shift')).toHaveAccessibleDescription(/^1 coding\./);

  // Split one of Side dispute's codings into a new code.
  await codeAction(page, 'Side dispute', 'Split…');
  const split = page.getByRole('dialog', { name: 'Split “Side dispute”' });
  await split.getByLabel('New code name').fill('Moderation dispute');
  await split.locator('label', { hasText: claimB }).getByRole('checkbox').check();
  await expect(split).toContainText('1 of the 2 codings of “Side dispute” moves to the new code “Moderation dispute”, placed right after it.');
  await split.getByRole('button', { name: 'Split' }).click();
  await expect(codeButton(page, 'Moderation dispute')).toHaveAccessibleDescription(/^1 coding\./);
  await expect(codeButton(page, 'Side dispute')).toHaveAccessibleDescription(/^1 coding\./);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.reload();
  await expect(codeButton(page, 'Derailing moves')).toBeVisible();
  await expect.poll(async () => (await rows(page)).slice(-4)).toEqual(['1 Derailing moves', '2 Side dispute', '2 Moderation dispute', '2 Topic shift']);
  await expect(codeButton(page, 'Topic shift')).toHaveAccessibleDescription(/^1 coding\. Key T\./);
  await codeAction(page, 'Topic shift', 'Edit…');
  await expect(editor.getByLabel('Definition')).toHaveValue('Moves the thread to another subject.');
  await expect(editor.getByLabel('Exclusion criteria')).toHaveValue('A brief aside; use Whataboutism for a counter-accusation.');
  await expect(editor.getByRole('region', { name: 'Exemplars' }).locator('blockquote')).toHaveText(claimA);
});

test('categories and retired codes are never applied; the tree says why', async ({ page }) => {
  await startAs(page, 'Ada');
  const text = (await page.locator('[data-post-text]').first().textContent()) ?? '';
  await codeAction(page, 'Hostility', 'Edit…');
  await page.getByRole('dialog').getByLabel('Retired').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save code' }).click();
  const retired = codeButton(page, 'Hostility (retired)');
  await expect(retired).toHaveAccessibleDescription(/is retired: it keeps its codings but is no longer applied/);

  // Enter on a focused code applies it to the selection.
  await selectPhrase(page, text.slice(0, 30));
  await codeButton(page, 'Derailing').focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('as Derailing');
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);

  await page.keyboard.press('7');
  await retired.click();
  await expect(status(page)).toContainText('“Hostility” is retired');
  await codeButton(page, 'Sincere question').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(codeButton(page, 'Questions')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('“Questions” is a category');
  // Only the Derailing coding: key 7, the retired code and the category coded nothing.
  await expect(page.getByRole('article').first().locator('mark')).toHaveCount(1);
  await expect(retired).toHaveAccessibleDescription(/^0 codings\./);
  // Left closes the category, Right opens it again.
  await page.keyboard.press('ArrowLeft');
  await expect(codeButton(page, 'Sincere question')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(codeButton(page, 'Sincere question')).toBeVisible();
});

test('dragging a code nests or reorders it; a drop into its own sub-code is refused with the reason', async ({ page }) => {
  await startAs(page, 'Ada');
  // A click on a category opens or closes it; a code dropped into a closed one stays in view.
  await codeButton(page, 'Questions').click();
  await expect(codeButton(page, 'Questions')).toHaveAttribute('aria-expanded', 'false');
  await codeButton(page, 'Hostility').dragTo(codeButton(page, 'Questions'));
  await expect(codeButton(page, 'Hostility')).toHaveAttribute('aria-level', '2');
  await expect(codeButton(page, 'Questions')).toHaveAttribute('aria-expanded', 'true');
  await expect(status(page)).toContainText('Moved “Hostility” under “Questions”');

  const solidarity = codeButton(page, 'Solidarity');
  await solidarity.dragTo(codeButton(page, 'False equivalence'), { targetPosition: { x: 60, y: 2 } });
  await expect.poll(async () => (await rows(page))[0]).toBe('1 Solidarity');

  await codeButton(page, 'Questions').dragTo(codeButton(page, 'Sincere question'));
  await expect(status(page)).toContainText('“Questions”: cannot move it under its own sub-code “Sincere question”');
  await expect(codeButton(page, 'Questions')).toHaveAttribute('aria-level', '1');
});

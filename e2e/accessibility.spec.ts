import AxeBuilder from '@axe-core/playwright';

import { expect, type Locator, type Page, test } from '@playwright/test';

import { codeButton, codeOpeningPost, fileCommand, startAs, switchCoder, teamCommand } from './helpers';

/**
 * Issue #13 item 5, measured: axe-core on every view and dialog, no violation of impact
 * "serious" or "critical". Violations are reported as `id: targets` so a failure reads as a list.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect.soft(await seriousViolations(page), what).toEqual([]);
}

/** Checks an open dialog, then closes it with Escape. */
async function checkDialog(page: Page, dialog: Locator, what: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expectAccessible(page, what);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function codebookCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('menu', { name: 'Codebook' }).getByRole('menuitem', { name: item }).click();
}

function view(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
}

test('the Coding view, the dialogs of the menus, the palette and the project list have no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await expect(codeButton(page, 'Whataboutism')).toBeVisible();
  await expectAccessible(page, 'Coding view');

  await fileCommand(page, 'Import threads…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Import threads' }), 'Import threads dialog');

  await fileCommand(page, 'Export coded segments (CSV)…');
  await checkDialog(page, page.getByRole('dialog'), 'Export coded segments dialog');

  await codebookCommand(page, 'Name this version…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Name this version' }), 'Name this version dialog');

  await codebookCommand(page, 'Versions and changes…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Versions and changes' }), 'Versions and changes dialog');

  await teamCommand(page, 'Reliability sample…');
  await checkDialog(page, page.getByRole('dialog', { name: 'Reliability sample' }), 'Reliability sample dialog');

  await page.getByRole('button', { name: 'Add code' }).click();
  await checkDialog(page, page.getByRole('dialog', { name: 'New code' }), 'code editor');

  await page.getByRole('button', { name: /^Coding as Ada/ }).click();
  await checkDialog(page, page.getByRole('dialog', { name: 'Who is coding?' }), 'coder name dialog');

  await page.keyboard.press('Control+K');
  await checkDialog(page, page.getByRole('dialog', { name: 'Command palette' }), 'command palette');

  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Projects' })).toBeVisible();
  await expectAccessible(page, 'project list');
});

test('the Agreement, Adjudication, History and Rounds views have no serious or critical axe violations', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [100, 160, '2'],
  ]);
  await switchCoder(page, 'Ada', 'Ben');
  await codeOpeningPost(page, [
    [0, 60, '1'],
    [110, 200, '3'],
  ]);

  await view(page, 'Agreement').click();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(page.getByRole('table', { name: /^Agreement per code/ })).toBeVisible();
  await expectAccessible(page, 'Agreement view');

  await view(page, 'Adjudication').click();
  await expect(page.getByRole('listbox', { name: 'Disagreements' })).toBeVisible();
  await expectAccessible(page, 'Adjudication view');

  await view(page, 'History').click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expectAccessible(page, 'History view');

  await view(page, 'Rounds').click();
  await expect(view(page, 'Rounds')).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, 'Rounds view');
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';

import { type Download, expect, type Page, test } from '@playwright/test';

import { codeAction, startAs, teamCommand } from './helpers';

test.setTimeout(180_000);

async function writeMemo(page: Page, dialogName: RegExp, text: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel('Your memo').fill(text);
  await dialog.getByRole('button', { name: 'Save memo' }).click();
  await expect(dialog).toBeHidden();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the lead’s project and code memos travel in a coder package, read-only, and do not come back as the coder’s', async ({ page, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-lead-memos-'));
  await startAs(page, 'Lea');

  // The lead's code memo and project memo.
  await codeAction(page, 'Whataboutism', 'Memo…');
  await writeMemo(page, /^Memo on the code “Whataboutism”/, 'Only when the reply changes the subject 🙅');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Memos' }).click();
  await page.getByRole('button', { name: /^Memo on the project/ }).click();
  await writeMemo(page, /^Memo on the project/, 'Read the whole thread before coding.');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Coding', exact: true }).click();

  // A round for Ada alone; her package.
  await teamCommand(page, 'Reliability sample…');
  const sample = page.getByRole('dialog', { name: 'Reliability sample' });
  await sample.getByLabel('Add a coder').fill('Ada');
  await sample.getByRole('button', { name: 'Add', exact: true }).click();
  await sample.getByLabel('Sample size').fill('3');
  await sample.getByRole('button', { name: 'Start round' }).click();
  const packages = page.getByRole('dialog', { name: 'Prepare coder packages' });
  const [download] = await Promise.all([page.waitForEvent('download'), packages.getByRole('button', { name: 'Write one file' }).click()]);
  const packagePath = join(dir, (download as Download).suggestedFilename());
  writeFileSync(packagePath, readFileSync(await download.path(), 'utf8'));
  await packages.getByRole('button', { name: 'Done' }).click();

  // Ada opens it: the lead's memos beside the instructions, read-only.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const ada = await context.newPage();
  await startAs(ada, 'Ada');
  await ada.getByRole('button', { name: 'Projects', exact: true }).click();
  const [chooser] = await Promise.all([ada.waitForEvent('filechooser'), ada.getByRole('button', { name: 'Open a project bundle…' }).click()]);
  await chooser.setFiles(packagePath);
  await ada.getByRole('dialog', { name: 'Codebook changes since your last round' }).getByRole('button', { name: 'Start coding' }).click();
  const banner = ada.getByRole('region', { name: 'Blind package' });
  await banner.getByText('Lead’s memos (2)').click();
  const memos = banner.getByRole('group', { name: 'The lead’s memos, read-only' });
  await expect(memos.getByRole('figure')).toHaveText([/On the project · Lea\s*Read the whole thread before coding\./, /On the code “Whataboutism” · Lea\s*Only when the reply changes the subject 🙅/]);
  expect(await seriousViolations(ada)).toEqual([]);
  await ada.screenshot({ path: test.info().outputPath('lead-memos-banner.png') });
  await banner.getByText('Lead’s memos (2)').click();

  // Her own memo on the same code: the lead's shown above it, not editable; only hers is saved.
  await codeAction(ada, 'Whataboutism', 'Memo…');
  const dialog = ada.getByRole('dialog', { name: /^Memo on the code “Whataboutism”/ });
  await expect(dialog.getByRole('figure')).toContainText('Only when the reply changes the subject');
  await expect(dialog.getByLabel('Your memo')).toHaveValue('');
  await ada.screenshot({ path: test.info().outputPath('lead-memo-in-dialog.png') });
  await writeMemo(ada, /^Memo on the code “Whataboutism”/, 'I also count sarcastic questions.');

  const [returned] = await Promise.all([ada.waitForEvent('download'), teamCommand(ada, 'Return my codings…')]);
  const file = JSON.parse(readFileSync(await returned.path(), 'utf8')) as { project: { package: { leadMemos?: unknown } }; memos?: Array<{ text: string }> };
  expect(file.project.package.leadMemos).toBeUndefined();
  expect(file.memos?.map((m) => m.text)).toEqual(['I also count sarcastic questions.']);
  await context.close();
});

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { startAs } from './helpers';

/** The built app names itself with package.json's version (injected at build time). */
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const guid = (n: number): string => `6b1c2a7e-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A nested codebook with criteria, as another researcher's tool would send it. */
const NESTED_QDC = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="A colleague's tool">
  <Codes>
    <Code guid="${guid(1)}" name="Minimizing" isCodable="false" color="#8c564b">
      <Description>Groups replies that make a harm seem smaller than it is.</Description>
      <Code guid="${guid(2)}" name="Downplaying harm" isCodable="true" color="#bcbd22">
        <Description>Says the harm is small or rare.

Include when:
The reply calls the harm rare, minor or exaggerated.

Exclude when:
Jokes about the harm: use Hostility.</Description>
      </Code>
      <Code guid="${guid(3)}" name="Hedging" isCodable="true" color="#17becf">
        <Description>Softens a claim so that it cannot be pinned down.

Include when:
"Maybe", "perhaps", "I'm just asking".</Description>
        <Code guid="${guid(4)}" name="Both-sides hedge" isCodable="true" color="#9467bd">
          <Description>Grants the harm, then says the other side suffers as much.</Description>
        </Code>
      </Code>
    </Code>
  </Codes>
</CodeBook>
`;

const ADDED = ['Add “Minimizing”', 'Add “Minimizing > Downplaying harm”', 'Add “Minimizing > Hedging”', 'Add “Minimizing > Hedging > Both-sides hedge”'];

async function codebookCommand(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByRole('menu', { name: 'Codebook' }).getByRole('menuitem', { name: item }).click();
}

async function download(page: Page, item: string): Promise<{ name: string; content: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), codebookCommand(page, item)]);
  return { name: file.suggestedFilename(), content: await readFile(await file.path(), 'utf8') };
}

/** Picks the file in Codebook → Import codebook…; returns the import dialog. */
async function importCodebook(page: Page, file: { name: string; content: string }): Promise<Locator> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), codebookCommand(page, 'Import codebook…')]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/xml', buffer: Buffer.from(file.content) });
  return page.getByRole('dialog', { name: `Import the codebook in ${file.name}` });
}

const statusLine = (page: Page): Locator => page.locator('.status-line');

/** path → row of the codebook CSV the app exports. */
function csvRows(content: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parse(content) as string[][];
  return new Map(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((h, i) => [h, row[i] ?? '']))]));
}

/** Opens a code's actions menu in the codebook panel and runs `item`. */
async function codeAction(page: Page, code: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${code}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function renameCode(page: Page, from: string, to: string): Promise<void> {
  await codeAction(page, from, 'Rename…');
  const dialog = page.getByRole('dialog', { name: `Rename “${from}”` });
  await dialog.getByLabel('New name').fill(to);
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
}

async function redefineCode(page: Page, code: string, definition: string): Promise<void> {
  await codeAction(page, code, 'Edit…');
  const dialog = page.getByRole('dialog', { name: `Edit “${code}”` });
  await dialog.getByLabel('Definition').fill(definition);
  await dialog.getByRole('button', { name: 'Save code' }).click();
  await expect(dialog).toBeHidden();
}

test('a nested codebook travels as .qdc to a fresh profile, and a re-import takes back only the change ticked', async ({ page, browser }) => {
  await startAs(page, 'Ada');

  // Ada adds a nested codebook with criteria (as a colleague's file), then exports it from the app.
  let dialog = await importCodebook(page, { name: 'nested.qdc', content: NESTED_QDC });
  // The file lacks the demo's 12 codes: their removal is offered, and left unless ticked.
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Added (4)', 'Removed (12)']);
  for (const name of ADDED) await expect(dialog.getByRole('checkbox', { name })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Remove “Whataboutism”' })).not.toBeChecked();
  await expect(dialog.getByRole('status')).toHaveText('Takes 4 of 16 changes: adds 4 codes. 12 changes are left as they are.');
  await dialog.getByRole('button', { name: 'Apply 4 changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusLine(page)).toContainText('Imported “nested.qdc”: 4 codes added');

  const qdc = await download(page, 'Export as REFI-QDA (.qdc)…');
  expect(qdc.name).toBe('demo-metoo-backlash-thread-codebook.qdc');
  expect(qdc.content.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Threadmark ${version}">`]);
  expect(qdc.content).toMatch(/name="Hedging"[^]*Include when:[^]*name="Both-sides hedge"/);

  // The same codebook as a document and as a spreadsheet.
  const markdown = await download(page, 'Export as Markdown…');
  expect(markdown.name).toBe('demo-metoo-backlash-thread-codebook.md');
  expect(markdown.content.split('\n')[0]).toBe('# Demo: \\#MeToo backlash thread — codebook');
  expect(markdown.content).toContain('**Inclusion criteria.** The reply calls the harm rare, minor or exaggerated.');
  const html = await download(page, 'Export as printable HTML…');
  expect(html.name).toBe('demo-metoo-backlash-thread-codebook.html');
  expect(html.content.split('\n')[0]).toBe('<!doctype html>');
  expect(html.content).toContain('<title>Demo: #MeToo backlash thread — codebook</title>');
  const csv = await download(page, 'Export as CSV…');
  expect(csv.name).toBe('demo-metoo-backlash-thread-codebook.csv');
  expect(csv.content.split('\r\n')[0]).toBe('path,name,parent_path,definition,inclusion,exclusion,examples,color,codable,retired,shortcut,guid');
  expect(csvRows(csv.content).get('Minimizing > Downplaying harm')).toMatchObject({ exclusion: 'Jokes about the harm: use Hostility.', parent_path: 'Minimizing' });

  // A hostile file is refused by name and line, and nothing changes.
  dialog = await importCodebook(page, { name: 'evil.qdc', content: `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CodeBook><Codes><Code guid="${guid(9)}" name="&xxe;"/></Codes></CodeBook>` });
  await expect(dialog.getByRole('alert')).toHaveText('evil.qdc was not imported, and nothing in your project was changed. The file has this problem:');
  await expect(dialog.getByRole('listitem')).toHaveText([/^evil\.qdc \(line 2\): .*DOCTYPE/]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Codebook', exact: true })).toBeFocused();
  expect((await download(page, 'Export as REFI-QDA (.qdc)…')).content).toBe(qdc.content);

  // A fresh profile: Ben starts with the demo codebook; the file adds Ada's codes, nothing else.
  const fresh = await browser.newContext();
  const ben = await fresh.newPage();
  await startAs(ben, 'Ben');
  dialog = await importCodebook(ben, qdc);
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Added (4)']);
  await expect(dialog.getByRole('checkbox')).toHaveCount(4);
  for (const name of ADDED) await expect(dialog.getByRole('checkbox', { name })).toBeChecked();
  await dialog.getByRole('button', { name: 'Take all' }).click();
  await dialog.getByRole('button', { name: 'Apply 4 changes' }).click();
  await expect(dialog).toBeHidden();
  // The same tree: Ben's codebook exports to the very file Ada sent.
  expect((await download(ben, 'Export as REFI-QDA (.qdc)…')).content).toBe(qdc.content);

  // Ben renames one code and redefines another, then imports Ada's file again.
  await renameCode(ben, 'Hedging', 'Softening');
  await redefineCode(ben, 'Downplaying harm', 'Calls the harm exaggerated.');
  dialog = await importCodebook(ben, qdc);
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Renamed (1)', 'Changed definition (1)']);
  const rename = dialog.getByRole('checkbox', { name: 'Rename “Softening” to “Hedging”' });
  const redefine = dialog.getByRole('checkbox', { name: 'Change the definition of “Minimizing > Downplaying harm”' });
  // Nothing the project has is overwritten unless ticked.
  await expect(rename).not.toBeChecked();
  await expect(redefine).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Apply 0 changes' })).toBeDisabled();
  const sides = dialog.locator('.diff-entry', { has: ben.getByRole('checkbox', { name: 'Change the definition of “Minimizing > Downplaying harm”' }) }).locator('.diff-sides');
  await expect(sides).toContainText('In this projectCalls the harm exaggerated.');
  await expect(sides).toContainText(`In ${qdc.name}Says the harm is small or rare.`);
  await rename.check();
  await expect(dialog.getByRole('status')).toHaveText('Takes 1 of 2 changes: renames 1 code. 1 change is left as it is.');
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusLine(ben)).toContainText(`Imported “${qdc.name}”: 1 code changed`);

  // Exactly the ticked change came back: the name, not the definition.
  const after = csvRows((await download(ben, 'Export as CSV…')).content);
  expect(after.get('Minimizing > Hedging')).toBeDefined();
  expect([...after.keys()].some((path) => path.includes('Softening'))).toBe(false);
  expect(after.get('Minimizing > Downplaying harm')?.definition).toBe('Calls the harm exaggerated.');

  // The change log says who did it.
  await codebookCommand(ben, 'Versions and changes…');
  const history = ben.getByRole('dialog', { name: 'Versions and changes' });
  await expect(history.getByRole('row').nth(1)).toContainText('BenRenamed “Softening” to “Hedging”');
  await fresh.close();
});

test('a named version compares with the current codebook, the change log filters by code, and an import undoes', async ({ page }) => {
  await startAs(page, 'Ada');
  await codebookCommand(page, 'Name this version…');
  const nameDialog = page.getByRole('dialog', { name: 'Name this version' });
  await expect(nameDialog.getByLabel('Version name')).toBeFocused();
  await nameDialog.getByLabel('Version name').fill('v1, sent to coders 12 March');
  await nameDialog.getByRole('button', { name: 'Name version' }).click();
  await expect(nameDialog).toBeHidden();
  await expect(statusLine(page)).toContainText('Named this version of the codebook “v1, sent to coders 12 March” (12 codes).');

  await redefineCode(page, 'Whataboutism', 'Answers a claim with another problem.');
  await codebookCommand(page, 'Versions and changes…');
  const history = page.getByRole('dialog', { name: 'Versions and changes' });
  await expect(history.getByRole('tab', { name: 'Change log' })).toBeFocused();
  await expect(history.getByRole('row').nth(1)).toContainText('AdaChanged the definition of “Whataboutism”');
  await history.getByLabel('Show the changes of').selectOption({ label: 'Derailing' });
  await expect(history.getByText('No changes recorded for this code.')).toBeVisible();

  // Arrow keys move between the tabs.
  await history.getByRole('tab', { name: 'Change log' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(history.getByRole('tab', { name: 'Named versions' })).toHaveAttribute('aria-selected', 'true');
  const version = history.getByRole('row', { name: /v1, sent to coders 12 March/ });
  await expect(version).toContainText('Ada12');
  await version.getByRole('button', { name: 'Compare “v1, sent to coders 12 March” with the current codebook' }).click();
  await expect(history.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(history.getByText('One difference from “v1, sent to coders 12 March” to the current codebook:')).toBeVisible();
  await expect(history.getByRole('heading', { level: 3 })).toHaveText(['Changed definition (1)']);
  await expect(history.locator('.diff-sides')).toContainText('In the current codebookAnswers a claim with another problem.');
  await expect(history.getByRole('checkbox')).toHaveCount(0);
  await history.getByRole('button', { name: 'Close' }).click();

  // A ticked move under a code whose addition is left out cannot be made: the dialog says so.
  const exported = await download(page, 'Export as REFI-QDA (.qdc)…');
  const deflection = exported.content.replace(
    /<Code guid="[^"]*" name="Whataboutism"[^]*?<\/Code>/,
    (code) => `<Code guid="${guid(77)}" name="Deflection" isCodable="false">\n${code}\n</Code>`,
  );
  let dialog = await importCodebook(page, { name: 'deflection.qdc', content: deflection });
  await dialog.getByRole('checkbox', { name: 'Add “Deflection”' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Move “Whataboutism” from the top level to “Deflection”' }).check();
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(dialog.getByText('Nothing was changed: one ticked change was not made as asked:')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Move “Whataboutism” from the top level to “Deflection”: not done, because its new parent “Deflection” was not taken, so “Whataboutism” stays where it is',
  ]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An import is one undoable step.
  dialog = await importCodebook(page, { name: 'nested.qdc', content: NESTED_QDC });
  await dialog.getByRole('button', { name: 'Apply 4 changes' }).click();
  const panel = page.locator('.codebook-panel');
  await expect(panel.getByText('Both-sides hedge', { exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(statusLine(page)).toContainText('Undid the codebook import from “nested.qdc”.');
  await expect(panel.getByText('Both-sides hedge', { exact: true })).toHaveCount(0);
  await expect(panel.getByText('Minimizing', { exact: true })).toHaveCount(0);
});

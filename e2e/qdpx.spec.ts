import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { TextReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';

import { codeOpeningPost, fileCommand, startAs, teamCommand } from './helpers';

const NORA = '7f3c1b9e-2d4a-4c6b-9e8f-0a1b2c3d4e5f';
const NORA_NOTE = '00000000-0000-4000-8000-000000000301';

/** Serious or critical axe findings inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries()) if (!entry.directory) files.set(entry.filename, await entry.getData(new TextWriter()));
  await reader.close();
  return files;
}

/**
 * What NVivo for Windows makes of the export once Nora has coded it: origin NVivo, sources in
 * `Sources/` with a BOM and CRLF, every position in UTF-16 units with CRLF counted as two, Nora as a
 * user, her selections each written twice, and no threadmark-layout.json (NVivo keeps no foreign entry).
 */
async function codedInNvivo(files: Map<string, string>): Promise<Uint8Array> {
  let qde = files.get('project.qde')!;
  const [sourceName, lf] = [...files].find(([name]) => name.startsWith('sources/'))!;
  const toNvivo = (cp: number): number => {
    const prefix = [...lf].slice(0, cp).join('');
    return prefix.length + (prefix.match(/\n/g)?.length ?? 0);
  };
  const selections = [...qde.matchAll(/<PlainTextSelection guid="[^"]+" startPosition="(\d+)" endPosition="(\d+)"[^>]*>\s*<Coding [^>]*>\s*<CodeRef targetGUID="([^"]+)"/g)].map((m) => ({
    start: Number(m[1]),
    end: Number(m[2]),
    code: m[3]!,
  }));
  const derailing = /<Code guid="([^"]+)" name="Derailing"/.exec(qde)![1]!;
  qde = qde.replace(/startPosition="(\d+)" endPosition="(\d+)"/g, (_m, s: string, e: string) => `startPosition="${toNvivo(Number(s))}" endPosition="${toNvivo(Number(e))}"`);
  // Nora agrees on the first range (with a note on it: her coding memo) and codes the second as Derailing.
  const nora = selections.flatMap((s, i) =>
    [0, 1].map(
      (copy) =>
        `<PlainTextSelection guid="00000000-0000-4000-8000-0000000001${i}${copy}" name="" startPosition="${toNvivo(s.start)}" endPosition="${toNvivo(s.end)}" creatingUser="${NORA}">` +
        `<Coding guid="00000000-0000-4000-8000-0000000002${i}${copy}" creatingUser="${NORA}"><CodeRef targetGUID="${i === 0 ? s.code : derailing}"/></Coding>${i === 0 ? `<NoteRef targetGUID="${NORA_NOTE}"/>` : ''}</PlainTextSelection>`,
    ),
  );
  // Her coding memo, and a memo on the project as NVivo keeps one (a note nothing refers to).
  const notes = [
    `<Note guid="${NORA_NOTE}" name="Memo" creatingUser="${NORA}"><PlainTextContent>Same move as Ada saw</PlainTextContent></Note>`,
    `<Note guid="00000000-0000-4000-8000-000000000302" name="Memo" creatingUser="${NORA}"><PlainTextContent>Nora’s memo on the project</PlainTextContent></Note>`,
  ];
  qde = qde.includes('<Notes>') ? qde.replace('<Notes>', `<Notes>\n${notes.join('\n')}`) : qde.replace('</Sources>', `</Sources>\n  <Notes>\n${notes.join('\n')}\n  </Notes>`);
  qde = qde
    .replace(/origin="[^"]*"/, 'origin="NVivo 14.23.0 (Windows)"')
    .replace(/<Project ([^>]*)>/, `<Project $1>\n  <Users><User guid="${NORA}" name="Nora (NVivo)"/></Users>`)
    .replace(/(<TextSource [^>]*>)/, `$1\n${nora.join('\n')}`);
  const writer = new ZipWriter(new Uint8ArrayWriter());
  await writer.add('project.qde', new TextReader(qde));
  await writer.add(`Sources/${sourceName.slice('sources/'.length)}`, new TextReader(`\ufeff${lf.replace(/\n/g, '\r\n')}`));
  return writer.close();
}

test('a project exported as .qdpx, coded in NVivo, comes back as a coder layer and is compared in Agreement', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [[0, 60, '1'], [100, 160, '2']]);

  await fileCommand(page, 'Export as a REFI-QDA project (.qdpx)…');
  expect(await dialogViolations(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'For ATLAS.ti, MAXQDA, QualCoder (the standard)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  const files = await unzip(new Uint8Array(await readFile(await download.path())));
  expect([...files.keys()].filter((n) => n.startsWith('sources/'))).toHaveLength(1);
  expect(files.get('project.qde')).toContain('<User guid=');
  const nvivo = await codedInNvivo(files);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  await chooser.setFiles({ name: 'nora-nvivo.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from(nvivo) });
  const dialog = page.getByRole('dialog', { name: 'Add coder files' });
  await expect(dialog).toContainText('Nora (NVivo): new coder, 2 codings, 1 memo.');
  await expect(dialog).toContainText('2 duplicate selections (same range, code and coder) kept once');
  expect(await dialogViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add the file' }).click();
  await expect(page.getByRole('status').last()).toContainText('2 codings and 1 memo from nora-nvivo.qdpx');

  // Nora's codings sit on exactly Ada's characters: the opening post now has four codings over two ranges.
  const marks = page.getByRole('article').first().locator('mark');
  await expect.poll(() => marks.evaluateAll((ms) => new Set(ms.flatMap((m) => (m as HTMLElement).dataset.codingIds?.split(' ') ?? [])).size)).toBe(4);

  await page.getByRole('button', { name: 'Agreement' }).click();
  await expect(page.getByLabel(/^Nora \(NVivo\)/)).toBeVisible();
  await page.getByLabel(/^Character/).check();
  await page.getByRole('button', { name: 'Compute agreement' }).click();
  const matrix = page.getByRole('table', { name: /^Agreement per code/ });
  const cell = (code: string, metric: string) => matrix.locator(`td[data-code="${code}"][data-metric="${metric}"] [data-value]`);
  // Same characters, same code: full agreement on the first code; the second range differs.
  await expect(cell('False equivalence', 'kappa')).toHaveText('1.000');
  await expect(matrix.locator('tbody tr[data-code="Derailing"]')).toHaveCount(1);
});

/** The demo's opening post text, as stored (paragraph breaks and all). */
async function openingText(): Promise<string> {
  const demo = JSON.parse(await readFile('resources/demo/demo-project.threadmark.json', 'utf8')) as { posts: Array<{ text: string }> };
  return demo.posts[0]!.text;
}

test('Add coder files… takes a .qdpx from NVivo and a doccano file in one selection, each reviewed with its notes', async ({ page }) => {
  await startAs(page, 'Ada');
  await codeOpeningPost(page, [[0, 60, '1'], [100, 160, '2']]);
  await fileCommand(page, 'Export as a REFI-QDA project (.qdpx)…');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'For ATLAS.ti, MAXQDA, QualCoder (the standard)' }).click()]);
  const nvivo = await codedInNvivo(await unzip(new Uint8Array(await readFile(await download.path()))));
  const text = await openingText();
  const end = Array.from(text.slice(0, text.indexOf(' ', 20))).length;
  const doccano = `${JSON.stringify({ id: 1, text, label: [[0, end, 'Universalizing reframe']] })}\n`;

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), teamCommand(page, 'Add coder files…')]);
  // The .qdpx under a name that does not say so: it is told by its zip signature.
  await chooser.setFiles([
    { name: 'nora-nvivo.zip', mimeType: 'application/zip', buffer: Buffer.from(nvivo) },
    { name: 'cleo.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(doccano, 'utf8') },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Add coder files' });
  const nora = dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'nora-nvivo.zip' }) });
  const cleo = dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'cleo.jsonl' }) });
  await expect(nora).toContainText('Nora (NVivo): new coder, 2 codings, 1 memo.');
  await expect(nora).toContainText('2 duplicate selections (same range, code and coder) kept once');
  await expect(cleo).toContainText('cleo: new coder, 1 coding.');
  await expect(cleo).toContainText('Read as doccano (JSONL): 1 span, 1 placed (cleo).');
  expect(await dialogViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add 2 files' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').last()).toContainText('Added 2 codings and 1 memo from nora-nvivo.zip; 1 coding from cleo.jsonl.');
  const marks = page.getByRole('article').first().locator('mark');
  await expect.poll(() => marks.evaluateAll((ms) => new Set(ms.flatMap((m) => (m as HTMLElement).dataset.codingIds?.split(' ') ?? [])).size)).toBe(5);
});

test('File → Import a REFI-QDA project: one post per paragraph, the codings on their words, a report of what was skipped', async ({ page }) => {
  await startAs(page, 'Ada');
  const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="ATLAS.ti 23.2.3">
  <Users><User guid="0A1B2C3D-0000-4000-8000-000000000001" name="Ines"/></Users>
  <CodeBook><Codes><Code guid="0A1B2C3D-0000-4000-8000-0000000000C1" name="Hope" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="0A1B2C3D-0000-4000-8000-000000000005" name="Interview 1" plainTextPath="internal://i1.txt">
      <PlainTextSelection guid="0A1B2C3D-0000-4000-8000-000000000011" startPosition="16" endPosition="28" creatingUser="0A1B2C3D-0000-4000-8000-000000000001">
        <Coding guid="0A1B2C3D-0000-4000-8000-000000000021" creatingUser="0A1B2C3D-0000-4000-8000-000000000001"><CodeRef targetGUID="0A1B2C3D-0000-4000-8000-0000000000C1"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="0A1B2C3D-0000-4000-8000-000000000006" name="Consent form" path="internal://c.pdf"/>
  </Sources>
</Project>`;
  const writer = new ZipWriter(new Uint8ArrayWriter());
  await writer.add('project.qde', new TextReader(qde));
  await writer.add('sources/i1.txt', new TextReader('We talked long.\r\nHope 🌱 stays.\r\n'));
  const file = await writer.close();

  await fileCommand(page, 'Import a REFI-QDA project (.qdpx)…');
  const dialog = page.getByRole('dialog', { name: 'Import a REFI-QDA project (.qdpx)' });
  expect(await dialogViolations(page)).toEqual([]);
  await dialog.getByLabel('one post per paragraph (each line with text)').check();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose the file…' }).click()]);
  await chooser.setFiles({ name: 'interviews.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await expect(dialog).toContainText('Imported 1 thread, 2 posts, 1 code, 1 coder and 1 coding.');
  await expect(dialog.getByRole('listitem')).toHaveText(['Consent form: PDFSource skipped: a PDF: Threadmark codes text posts only']);
  expect(await dialogViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.locator('.thread-list .thread-choose', { hasText: 'Interview 1' }).click();
  const thread = page.getByRole('region', { name: 'Thread: Interview 1' });
  await expect(thread.getByRole('article')).toHaveCount(2);
  await expect(thread.getByRole('article').nth(1).locator('mark')).toHaveText('Hope 🌱 stays');
});

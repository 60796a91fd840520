import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import type { Bundle } from '@shared/bundle/bundle';
import { buildZip } from '@shared/codebook/refi/zip.test-helpers';
import { withMemosAttributesRelations } from '@shared/refi/qdpx.test-helpers';

import { exportCommand } from './export';
import { importCommand } from './import';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';

const clock = { now: () => '2026-01-01T00:00:00.000Z' };
let n = 0;
const deps = () => ({ clock, ids: { newId: () => `id-${++n}` } });

describe('threadmark export --to qdpx and import of a .qdpx project', () => {
  it('round-trips a project: the same posts, codes, coders and codings', async () => {
    // --identified: a round trip compares the texts as written; pseudonymised exports are tested in shared/privacy.
    const m = memoryImportIo({ 'p.json': serializeBundle(exampleBundle()) });
    expect(await exportCommand(['p.json', '--to', 'qdpx', '--positions', 'utf16', '--identified', '-o', 'p.qdpx'], m.io, { clock })).toBe(0);
    expect(m.stdout()).toMatch(/wrote 2 threads and 5 codings \(positions in utf16\) to p\.qdpx/);
    expect(await importCommand(['p.qdpx', '-o', 'back.json'], m.io, deps())).toBe(0);
    expect(m.stdout()).toMatch(/p\.qdpx: REFI-QDA project, 2 threads, 3 posts, 3 codes, 2 coders, 5 codings added to back\.json/);
    const back = parseBundleText(m.text('back.json')!);
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    expect(back.value.posts.map((p) => p.text)).toEqual(exampleBundle().posts.map((p) => p.text));
    expect(back.value.codings.map((c) => c.quote).sort()).toEqual(exampleBundle().codings.map((c) => c.quote).sort());
  });

  it('round-trips memos, attributes and relations too, and says how many came in', async () => {
    const original = withMemosAttributesRelations(exampleBundle());
    const m = memoryImportIo({ 'p.json': serializeBundle(original) });
    expect(await exportCommand(['p.json', '--to', 'qdpx', '--identified', '-o', 'p.qdpx'], m.io, { clock })).toBe(0);
    expect(await importCommand(['p.qdpx', '-o', 'back.json'], m.io, deps())).toBe(0);
    expect(m.stdout()).toMatch(/5 codings, 6 memos, 5 attributes, 5 attribute values, 2 relations added to back\.json\n$/);
    const back = parseBundleText(m.text('back.json')!);
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    const texts = (b: Bundle) => [(b.memos ?? []).map((x) => x.text).sort(), (b.attributeValues ?? []).map((v) => v.value).sort(), (b.relations ?? []).map((r) => [r.from, r.to, r.memo])];
    expect(texts(back.value)).toEqual(texts(original));
  });

  it('prints what was skipped, and refuses --positions for another format', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="m"><Sources><PDFSource guid="00000000-0000-4000-8000-000000000001" name="paper.pdf" path="internal://a.pdf"/><TextSource guid="00000000-0000-4000-8000-000000000002" name="notes"><PlainTextContent>Some text</PlainTextContent></TextSource></Sources></Project>`;
    const m = memoryImportIo({ 'm.qdpx': buildZip([{ name: 'project.qde', data: qde }]), 'p.json': serializeBundle(exampleBundle()) });
    expect(await importCommand(['m.qdpx', '--split', 'paragraph', '-o', 'm.json'], m.io, deps())).toBe(0);
    expect(m.stdout()).toContain('paper.pdf: PDFSource skipped: a PDF');
    expect(await exportCommand(['p.json', '--to', 'csv', '--positions', 'utf16', '-o', 'x.csv'], m.io, { clock })).toBe(2);
  });

  it('writes nothing when the archive is refused', async () => {
    const m = memoryImportIo({ 'bad.qdpx': 'not a zip' });
    expect(await importCommand(['bad.qdpx', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/not a zip archive[\s\S]*nothing written/);
    await expect(m.io.readFile('o.json')).rejects.toThrow();
  });
});

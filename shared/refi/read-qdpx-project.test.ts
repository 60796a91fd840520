import { describe, expect, it } from 'vitest';

import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { refiSampleAvailable, readRefiSample, REFI_SAMPLES_SKIP_REASON, XMLLINT_AVAILABLE, XMLLINT_SKIP_REASON } from '../codebook/refi/refi.test-helpers';
import { buildZip } from '../codebook/refi/zip.test-helpers';
import { sliceCodePoints } from '../text/offsets';
import { asNvivo } from './nvivo-fixture.test-helpers';
import { prepareQdpxImport } from './prepare-qdpx-import';
import { generatedBundle, withMemosAttributesRelations } from './qdpx.test-helpers';
import { readQdpxProject } from './read-qdpx-project';
import { demoBundle, unzipText, validateAgainstProjectXsd } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

const AT = '2026-01-01T00:00:00.000Z';
const OPTIONS = { split: 'source' as const, at: AT, app: { name: 'Threadmark', version: 'test' } };

async function exported(bundle = exampleBundle(), positions: 'code-points' | 'utf16' = 'code-points'): Promise<Uint8Array> {
  const written = await writeQdpx(bundle, { origin: 'Threadmark test', positions });
  if (!written.ok) throw new Error(written.error.join('\n'));
  return written.value;
}

describe('writeQdpx', () => {
  it.skipIf(!XMLLINT_AVAILABLE)(`writes a project.qde valid against Project.xsd, in both units (skipped without xmllint: ${XMLLINT_SKIP_REASON})`, async () => {
    for (const bundle of [exampleBundle(), demoBundle(), generatedBundle(), withMemosAttributesRelations(exampleBundle()), withMemosAttributesRelations(demoBundle())]) {
      for (const positions of ['code-points', 'utf16'] as const) {
        const files = await unzipText(await exported(bundle, positions));
        const verdict = validateAgainstProjectXsd(files.get('project.qde')!);
        expect(verdict.output).toContain('validates');
        expect(verdict.valid).toBe(true);
      }
    }
  });

  it('writes each thread as UTF-8 text without BOM, LF only, each post after its header line', async () => {
    const files = await unzipText(await exported());
    const sources = [...files.entries()].filter(([name]) => name.startsWith('sources/'));
    expect(sources).toHaveLength(2);
    for (const [, text] of sources) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
    }
    const vaccines = sources.find(([, t]) => t.includes('Vaccines work'))![1];
    expect(vaccines).toBe(`[user-p-1]\nVaccines work, the data is clear 😀\n\n[user-p-2 · 2024-05-01T12:00:00.000Z]\n${exampleBundle().posts[1]!.text}\n`);
  });

  it('writes positions in code points, or in UTF-16 units with the NVivo option, on the same characters', async () => {
    const cp = (await unzipText(await exported())).get('project.qde')!;
    const u16 = (await unzipText(await exported(exampleBundle(), 'utf16'))).get('project.qde')!;
    // c-emoji codes the 😀 at code point 33 of the first post, after the 11-character header line.
    expect(cp).toContain('startPosition="44" endPosition="45"');
    expect(u16).toContain('startPosition="44" endPosition="46"');
    expect(u16).toContain('NVivo-compatible: UTF-16 positions');
  });

  it('writes thread attributes as variable values of its source and author attributes as cases, valid against Project.xsd', async () => {
    const bundle = exampleBundle();
    bundle.attributes = [
      { id: 'a-stance', scope: 'thread', name: 'Stance', type: 'text', createdAt: AT },
      { id: 'a-age', scope: 'author', name: 'Account age', type: 'number', createdAt: AT },
      { id: 'a-joined', scope: 'author', name: 'Joined', type: 'date', createdAt: AT },
    ];
    bundle.attributeValues = [
      { id: 'v1', attributeId: 'a-stance', subject: 't-1', value: 'pro <vax>' },
      { id: 'v2', attributeId: 'a-age', subject: 'user-p-2', value: 3.5 },
      { id: 'v3', attributeId: 'a-joined', subject: 'user-p-2', value: '2020-02-29' },
      { id: 'v4', attributeId: 'a-age', subject: 'user-p-1', value: 1e21 },
    ];
    const qde = (await unzipText(await exported(bundle))).get('project.qde')!;
    expect(qde).toMatch(/<Variable guid="[^"]+" name="Thread: Stance" typeOfVariable="Text"\/>/);
    expect(qde).toContain('<TextValue>pro &lt;vax&gt;</TextValue>');
    expect(qde).toMatch(/<Case guid="[^"]+" name="user-p-2">[\s\S]*<FloatValue>3.5<\/FloatValue>[\s\S]*<DateValue>2020-02-29<\/DateValue>[\s\S]*<SourceRef /);
    // 1e21 has no xsd:decimal form without writing it out: left out, not written wrong.
    expect(qde).not.toContain('1e+21');
    if (XMLLINT_AVAILABLE) expect(validateAgainstProjectXsd(qde).valid).toBe(true);
  });

  it('refuses a file over the size limit, naming it, and writes nothing', async () => {
    const result = await writeQdpx(exampleBundle(), { origin: 'x', positions: 'code-points', maxFileBytes: 60 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.some((m) => /thread “Vaccines” is \d+ bytes, over the REFI-QDA limit of 60 bytes/.test(m))).toBe(true);
  });
});

describe('readQdpxProject', () => {
  it('refuses a hostile archive as the codebook import does', async () => {
    const evil = buildZip([{ name: '../project.qde', data: '<Project name="x"/>' }]);
    const read = await readQdpxProject(evil, 'evil.qdpx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error[0]!.message).toMatch(/unsafe entry name/);
    const dtd = buildZip([{ name: 'project.qde', data: '<!DOCTYPE x [<!ENTITY a "b">]><Project name="x"/>' }]);
    const refused = await readQdpxProject(dtd, 'dtd.qdpx');
    expect(!refused.ok && refused.error[0]!.message).toMatch(/DOCTYPE/);
  });

  it('lists PDF, picture, audio and video sources as skipped, with the reason', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="m"><Sources>
      <PDFSource guid="00000000-0000-4000-8000-000000000001" name="paper.pdf" path="internal://a.pdf"/>
      <PictureSource guid="00000000-0000-4000-8000-000000000002" name="photo" path="internal://b.png"/>
      <AudioSource guid="00000000-0000-4000-8000-000000000003" name="talk" path="internal://c.m4a"/>
      <VideoSource guid="00000000-0000-4000-8000-000000000004" name="clip" path="internal://d.mp4"/>
      <TextSource guid="00000000-0000-4000-8000-000000000005" name="far" plainTextPath="absolute:///C:/x.txt"/>
    </Sources></Project>`;
    const prepared = await prepareQdpxImport(buildZip([{ name: 'project.qde', data: qde }]), 'm.qdpx', OPTIONS);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    expect(prepared.value.report.skippedSources.map((s) => [s.name, s.kind])).toEqual([
      ['paper.pdf', 'PDFSource'],
      ['photo', 'PictureSource'],
      ['talk', 'AudioSource'],
      ['clip', 'VideoSource'],
      ['far', 'TextSource'],
    ]);
    expect(prepared.value.report.skippedSources[0]!.reason).toMatch(/PDF/);
    expect(prepared.value.report.skippedSources[4]!.reason).toMatch(/outside the archive/);
  });

  it('restores its own posts only while a source is still their layout: white space may follow, other text may not', async () => {
    const bundle = exampleBundle();
    const files = await unzipText(await exported(bundle));
    const layout = JSON.parse(files.get('threadmark-layout.json')!) as { sources: Array<{ guid: string; posts: Array<{ id: string }> }> };
    const laid = layout.sources.find((s) => s.posts.length > 1)!;
    const path = `sources/${laid.guid}.txt`;
    const postIdsWith = async (text: string): Promise<Set<string>> => {
      const changed = new Map(files).set(path, text);
      const read = await prepareQdpxImport(buildZip([...changed].map(([name, data]) => ({ name, data }))), 'x.qdpx', OPTIONS);
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      return new Set(read.value.bundle.posts.map((p) => p.id));
    };
    const own = laid.posts.map((p) => p.id);
    const text = files.get(path)!;
    for (const kept of [text, `${text} \n\n`, text.trimEnd()]) {
      const ids = await postIdsWith(kept);
      expect(own.filter((id) => !ids.has(id))).toEqual([]);
    }
    for (const changed of [`${text}one more line\n`, text.replace(/\n\n\[/, '\n\n [')]) {
      const ids = await postIdsWith(changed);
      expect(own.filter((id) => ids.has(id))).toEqual([]);
    }
  });

  it('maps an NVivo-style file exactly: UTF-16 positions, BOM, CRLF, duplicate selections collapsed', async () => {
    const bundle = exampleBundle();
    const files = await unzipText(await exported(bundle));
    const sourceGuid = [...files.keys()].find((n) => n.startsWith('sources/') && files.get(n)!.includes('Vaccines work'))!.slice(8, -4);
    const lf = files.get(`sources/${sourceGuid}.txt`)!;
    // The other user codes "👩‍👩‍👧 families" (after the ZWJ family's emoji, CRLFs before it).
    const start = [...lf].join('').indexOf('👩‍👩‍👧');
    const startCp = [...lf.slice(0, start)].length;
    const endCp = startCp + [...'👩‍👩‍👧 families'].length;
    const codeGuid = /<Code guid="([^"]+)" name="Derailing"/.exec(files.get('project.qde')!)![1]!;
    const nvivo = asNvivo(files, new Map([[sourceGuid, [{ start: startCp, end: endCp, codeGuid }]]]));
    const prepared = await prepareQdpxImport(nvivo, 'nvivo.qdpx', OPTIONS);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    const { bundle: back, report } = prepared.value;
    expect(report.conventions.every((c) => c.convention === 'utf16' && c.overruled === null)).toBe(true);
    expect(report.unplaced).toEqual([]);
    expect(report.collapsed).toBe(1);
    const textOf = new Map(back.posts.map((p) => [p.id, p.text]));
    for (const p of back.posts) expect(p.text).not.toContain('\r');
    // Threadmark's codings keep their characters; the added one covers exactly the family and the word.
    for (const original of bundle.codings) {
      const found = back.codings.find((c) => c.quote === original.quote && c.memo === original.memo);
      expect(found, original.id).toBeDefined();
    }
    const added = back.codings.filter((c) => back.coders.find((k) => k.id === c.coderId)?.name === 'Nora (NVivo)');
    expect(added.map((c) => c.quote)).toEqual(['👩‍👩‍👧 families']);
    for (const c of back.codings) expect(sliceCodePoints(textOf.get(c.postId)!, c.start, c.end)).toBe(c.quote);
  });

  it('lists a coding it cannot place by source and GUID, and moves nothing', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Users><User guid="00000000-0000-4000-8000-0000000000aa" name="U"/></Users>
      <CodeBook><Codes><Code guid="00000000-0000-4000-8000-0000000000c1" name="C" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="00000000-0000-4000-8000-000000000005" name="doc" plainTextPath="internal://a.txt">
        <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" startPosition="0" endPosition="5"><Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c1"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="00000000-0000-4000-8000-000000000012" startPosition="3" endPosition="999"><Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c1"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="00000000-0000-4000-8000-000000000013" startPosition="0" endPosition="2"><Coding guid="00000000-0000-4000-8000-000000000023"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000ff"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>`;
    const zip = buildZip([{ name: 'project.qde', data: qde }, { name: 'sources/a.txt', data: 'Hello world' }]);
    const prepared = await prepareQdpxImport(zip, 'p.qdpx', OPTIONS);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    expect(prepared.value.bundle.codings.map((c) => c.quote)).toEqual(['Hello']);
    expect(prepared.value.report.unplaced).toEqual([
      { source: 'doc', sourceGuid: '00000000-0000-4000-8000-000000000005', guid: '00000000-0000-4000-8000-000000000012', reason: expect.stringMatching(/outside the text/) },
      { source: 'doc', sourceGuid: '00000000-0000-4000-8000-000000000005', guid: '00000000-0000-4000-8000-000000000023', reason: expect.stringMatching(/not in the codebook/) },
    ]);
  });

  it('cuts a source into one post per paragraph when asked, splitting a coding across two and saying so', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="00000000-0000-4000-8000-0000000000c1" name="C" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="00000000-0000-4000-8000-000000000005" name="doc" plainTextPath="internal://a.txt">
        <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" startPosition="6" endPosition="16"><Coding guid="00000000-0000-4000-8000-000000000021"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c1"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>`;
    const zip = buildZip([{ name: 'project.qde', data: qde }, { name: 'Sources/A.TXT', data: 'First para\n\nSecond one\n' }]);
    const prepared = await prepareQdpxImport(zip, 'p.qdpx', { ...OPTIONS, split: 'paragraph' });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    expect(prepared.value.bundle.posts.map((p) => p.text)).toEqual(['First para', 'Second one']);
    expect(prepared.value.bundle.codings.map((c) => c.quote)).toEqual(['para', 'Seco']);
    expect(prepared.value.report.split).toEqual([{ source: 'doc', guid: '00000000-0000-4000-8000-000000000021', pieces: 2 }]);
  });
});

const SAMPLES = ['atlasti23-blank.qdpx', 'atlasti23-codegroup.qdpx', 'nvivo15-mac-codebook.qdpx', 'qc132-demo.qdpx'];

describe.skipIf(!SAMPLES.every(refiSampleAvailable))(`the real .qdpx samples (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`, () => {
  for (const name of SAMPLES) {
    it(`imports ${name}, each coding on the text its positions name`, async () => {
      const bytes = readRefiSample(name);
      const read = await readQdpxProject(bytes, name);
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const prepared = await prepareQdpxImport(bytes, name, OPTIONS);
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
      const { bundle, report } = prepared.value;
      expect(bundle.codes.length).toBe(read.value.codes.length);
      // Independently of the import: the source text (LF) sliced by code points, as the standard says.
      const expected: string[] = [];
      for (const source of read.value.sources) {
        const chars = [...source.text.replace(/\r\n?/g, '\n')];
        for (const s of source.selections) for (const _ of s.codings) expected.push(chars.slice(s.start, s.end).join(''));
      }
      const placed = bundle.codings.length + report.unplaced.length + report.collapsed;
      expect(placed).toBe(expected.length);
      expect(report.unplaced).toEqual([]);
      // Each coding on exactly its own selection's characters (by its Coding GUID, kept as its id).
      const bySelection = new Map<string, string>();
      for (const source of read.value.sources) {
        const chars = [...source.text.replace(/\r\n?/g, '\n')];
        for (const sel of source.selections) for (const ref of sel.codings) bySelection.set(ref.guid, chars.slice(sel.start, sel.end).join(''));
      }
      for (const c of bundle.codings) expect([c.id, c.quote]).toEqual([c.id, bySelection.get(c.id)]);
      const textOf = new Map(bundle.posts.map((p) => [p.id, p.text]));
      for (const c of bundle.codings) expect(sliceCodePoints(textOf.get(c.postId)!, c.start, c.end)).toBe(c.quote);
    });
  }

  it('qc132-demo: 158 selections land with all their codings', async () => {
    const prepared = await prepareQdpxImport(readRefiSample('qc132-demo.qdpx'), 'qc132-demo.qdpx', OPTIONS);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
    expect(prepared.value.report.unplaced).toEqual([]);
    expect(prepared.value.bundle.threads).toHaveLength(2);
    expect(prepared.value.bundle.codings.length).toBeGreaterThan(158);
  });
});

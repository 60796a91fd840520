import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { writeAnnotations } from '@shared/exchange/annotation-files';
import { ANNOTATION_FORMATS } from '@shared/exchange/exchange-annotation';
import { codedDemo, codingFacts, T1, uncoded, unicodeBundle, UNICODE_TEXTS, at } from '@shared/exchange/exchange-fixtures.test-helpers';
import { describe, expect, it } from 'vitest';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';
import { importAnnotationsCommand } from './annotations-import';

const deps = () => {
  let n = 0;
  return { clock: { now: () => T1 }, ids: { newId: () => `cli-${++n}` } };
};
const bundleOf = (text: string | undefined) => {
  const parsed = validateBundle(JSON.parse(text ?? 'null'));
  if (!parsed.ok) throw new Error(parsed.error[0]!.message);
  return parsed.value;
};

describe('threadmark export --to web-annotation|doccano|label-studio', () => {
  it.each(ANNOTATION_FORMATS)('writes %s as the shared writer does', async (format) => {
    const m = memoryIo({ 'p.json': serializeBundle(codedDemo()) });
    expect(await run(['export', 'p.json', '--identified', '--to', format, '-o', 'out'], m.io)).toBe(0);
    expect(m.files.get('out')).toBe(writeAnnotations(codedDemo(), format));
    expect(m.stdout()).toBe('wrote 5 codings to out\n');
  });

  it('writes one coder’s codings with --coder', async () => {
    const m = memoryIo({ 'p.json': serializeBundle(codedDemo()) });
    expect(await run(['export', 'p.json', '--identified', '--to', 'doccano', '--coder', 'ben', '-o', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(writeAnnotations({ ...codedDemo(), codings: codedDemo().codings.filter((c) => c.coderId === 'coder-ben') }, 'doccano'));
  });
});

describe('threadmark import-annotations', () => {
  it('adds each coder of an exported file as a layer, one journal entry', async () => {
    const source = unicodeBundle();
    const m = memoryIo({ 'p.json': serializeBundle(uncoded(source)), 'a.jsonld': writeAnnotations(source, 'web-annotation') });
    expect(await importAnnotationsCommand(['p.json', 'a.jsonld', '-o', 'out.json'], m.io, deps())).toBe(0);
    const out = bundleOf(m.files.get('out.json'));
    expect(codingFacts(out)).toEqual(codingFacts(source));
    expect(out.journal?.map((e) => e.operation)).toEqual(['coders.add-layer']);
    expect(m.stdout()).toBe(`a.jsonld: W3C Web Annotation (JSON-LD), 7 spans read, 7 placed\nwrote out.json: 7 codings of Zoë 👩‍💻, נועה: journal entry #1\n`);
  });

  it('asks who coded a file that names nobody, then prints every move', async () => {
    const text = UNICODE_TEXTS.emoji;
    const second = at(text, 'again 😀') + 12; // the second "again"
    const line = JSON.stringify({ id: 'p-emoji', text: `${text}!`, label: [[second, second + 5, 'Whataboutism']] });
    const files = { 'p.json': serializeBundle(uncoded(unicodeBundle())), 'l.jsonl': line };
    const m = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'l.jsonl', '-o', 'out.json'], m.io, deps())).toBe(2);
    expect(m.stderr()).toContain('l.jsonl does not say who coded it: name the coder with --coder NAME');
    expect(m.files.has('out.json')).toBe(false);

    // The file's text ends in "!", so the post is found by id; its spans still hold there.
    const ok = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'l.jsonl', '--coder', 'Cleo', '-o', 'out.json'], ok.io, deps())).toBe(0);
    expect(bundleOf(ok.files.get('out.json')).codings.map((c) => [c.start, c.quote])).toEqual([[second, 'again']]);

    // Positions one off: the quote decides, and the move is printed.
    const off = memoryIo({ ...files, 'l.jsonl': JSON.stringify({ id: 'p-emoji', text: `¡${text}`, label: [[second + 1, second + 6, 'Whataboutism']] }) });
    expect(await importAnnotationsCommand(['p.json', 'l.jsonl', '--coder', 'Cleo', '-o', 'out.json'], off.io, deps())).toBe(0);
    expect(off.stdout()).toContain(`  moved: line 1, label 1: ${second + 1}–${second + 6} → ${second}–${second + 5} in post p-emoji, where its quote “again” is\n`);
  });

  it('refuses unknown codes naming them and writes nothing, unless told to create them', async () => {
    const files = { 'p.json': serializeBundle(uncoded(unicodeBundle())), 'l.jsonl': JSON.stringify({ text: UNICODE_TEXTS.rtl, label: [[0, 3, 'Brand new']] }) };
    const m = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'l.jsonl', '--coder', 'Cleo', '-o', 'out.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toContain('l.jsonl (record code “Brand new”): is not in the codebook');
    expect(m.files.has('out.json')).toBe(false);
    const created = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'l.jsonl', '--coder', 'Cleo', '--unknown-codes', 'create', '-o', 'out.json'], created.io, deps())).toBe(0);
    expect(bundleOf(created.files.get('out.json')).codes.map((c) => c.name)).toContain('Brand new');
    expect(created.stdout()).toContain('  codes added to the codebook: “Brand new”\n');
  });

  it('keeps a coder already present unless --replace', async () => {
    const source = codedDemo();
    const files = { 'p.json': serializeBundle(source), 'a.json': writeAnnotations({ ...source, codings: source.codings.slice(0, 1) }, 'label-studio') };
    const kept = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'a.json', '-o', 'out.json'], kept.io, deps())).toBe(0);
    expect(kept.stdout()).toContain('  kept: Ada is already in the project; nothing of theirs changed (--replace replaces their codings)\n');
    expect(bundleOf(kept.files.get('out.json')).codings).toHaveLength(source.codings.length);
    const replaced = memoryIo(files);
    expect(await importAnnotationsCommand(['p.json', 'a.json', '--replace', '-o', 'out.json'], replaced.io, deps())).toBe(0);
    // Ada's three codings become the one in the file; Ben's two stay.
    expect(bundleOf(replaced.files.get('out.json')).codings).toHaveLength(3);
  });

  it('refuses a bundle, an unknown file and bad options', async () => {
    const m = memoryIo({ 'p.json': serializeBundle(codedDemo()), 'x.txt': 'hello' });
    expect(await importAnnotationsCommand(['p.json', 'p.json', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(await importAnnotationsCommand(['p.json', 'x.txt', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(await importAnnotationsCommand(['p.json', 'x.txt', '--format', 'brat', '-o', 'o.json'], m.io, deps())).toBe(2);
    expect(await importAnnotationsCommand(['p.json', 'x.txt', '--unknown-codes', 'maybe', '-o', 'o.json'], m.io, deps())).toBe(2);
    expect(m.stderr()).toContain('p.json: a Threadmark project bundle, not an annotation file');
    expect(m.stderr()).toContain('x.txt: not an annotation file Threadmark knows');
    expect(m.files.has('o.json')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { codedDemo } from '@shared/privacy/demo-fixture.test-helpers';
import { prepareExport } from '@shared/privacy/export-privacy';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const SECRET = 'ab'.repeat(32);
const demo = codedDemo();
const withSecret = { ...demo, project: { ...demo.project, pseudonymSecret: SECRET } };
const FILE = serializeBundle(withSecret);
const AUTHORS = [...new Set(demo.posts.map((p) => p.author))].filter((a) => a !== '[deleted]');

describe('threadmark export: pseudonymised by default', () => {
  it('writes the pseudonymised segments CSV (no author, handle or name of the project), the report on stderr', async () => {
    const m = memoryIo({ 'demo.json': FILE });
    expect(await run(['export', 'demo.json', '--to', 'csv', '-o', 'out.csv'], m.io)).toBe(0);
    const csv = m.files.get('out.csv')!;
    expect(csv).toBe(codedSegmentsCsv(prepareExport(withSecret, true, () => 'unused').bundle));
    for (const name of AUTHORS) expect(csv.toLowerCase(), name).not.toContain(name.toLowerCase());
    expect(m.stderr()).toContain('pseudonymised: Authors: 21 authors (');
    expect(m.stdout()).toBe(`wrote ${demo.codings.length} codings to out.csv\n`);
    // --pseudonymize says the same explicitly; --identified writes the names.
    expect(await run(['export', 'demo.json', '--to', 'csv', '--pseudonymize', '-o', 'explicit.csv'], m.io)).toBe(0);
    expect(m.files.get('explicit.csv')).toBe(csv);
    expect(await run(['export', 'demo.json', '--to', 'csv', '--identified', '-o', 'named.csv'], m.io)).toBe(0);
    expect(m.files.get('named.csv')).toContain('quietlantern');
  });

  it('pseudonymises the annotation standards and memos too, and a bundle without a secret gets a note', async () => {
    const m = memoryIo({ 'demo.json': FILE, 'old.json': serializeBundle(demo) });
    expect(await run(['export', 'demo.json', '--to', 'web-annotation', '-o', 'w.jsonld'], m.io)).toBe(0);
    for (const name of AUTHORS) expect(m.files.get('w.jsonld')!.toLowerCase()).not.toContain(name.toLowerCase());
    expect(await run(['export', 'old.json', '--to', 'doccano', '-o', 'd.jsonl'], m.io)).toBe(0);
    expect(m.stderr()).toContain('note: the bundle has no pseudonym secret');
    for (const name of AUTHORS) expect(m.files.get('d.jsonl')!.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it('seals the alias key with --key-out; reidentify opens it with the passphrase, refuses a wrong one, and puts names back', async () => {
    const m = memoryIo({ 'demo.json': FILE, 'pass.txt': 'a long passphrase\n', 'wrong.txt': 'another passphrase\n' });
    expect(await run(['export', 'demo.json', '--to', 'csv', '--key-out', 'key.enc', '--passphrase-file', 'pass.txt', '-o', 'out.csv'], m.io)).toBe(0);
    const sealed = m.files.get('key.enc')!;
    for (const name of AUTHORS) expect(sealed).not.toContain(name);

    expect(await run(['reidentify', 'key.enc', '--passphrase-file', 'pass.txt'], m.io)).toBe(0);
    const listed = m.stdout();
    expect(listed).toContain('alias,identity,names');
    expect(listed).toMatch(/Author \d{4},other:quietlantern,@quietlantern \| quietlantern/);

    const wrong = memoryIo({ 'key.enc': sealed, 'wrong.txt': 'another passphrase\n' });
    expect(await run(['reidentify', 'key.enc', '--passphrase-file', 'wrong.txt'], wrong.io)).toBe(1);
    expect(wrong.stderr()).toBe('key.enc: the passphrase does not open this key (or the file was changed)\n');
    expect(wrong.stdout()).toBe('');

    expect(await run(['reidentify', 'key.enc', '--passphrase-file', 'pass.txt', '--in', 'out.csv', '-o', 'named.csv'], m.io)).toBe(0);
    const named = m.files.get('named.csv')!;
    expect(named).toContain('quietlantern');
    expect(named).not.toMatch(/Author \d{4}/);
  }, 30_000);

  it('--to shareable-bundle writes a valid pseudonymised bundle without the secret or the history', async () => {
    const m = memoryIo({ 'demo.json': FILE });
    expect(await run(['export', 'demo.json', '--to', 'shareable-bundle', '-o', 'share.json'], m.io)).toBe(0);
    const shared = m.files.get('share.json')!;
    expect(validateBundle(JSON.parse(shared)).ok).toBe(true);
    expect(shared).not.toContain(SECRET);
    for (const name of AUTHORS) expect(shared.toLowerCase()).not.toContain(name.toLowerCase());
    expect(JSON.parse(shared).journal).toEqual([]);
    expect(await run(['export', 'demo.json', '--to', 'shareable-bundle', '--identified', '-o', 'x.json'], m.io)).toBe(2);
  });

  it('refuses contradictory or incomplete privacy options, writing nothing', async () => {
    const m = memoryIo({ 'demo.json': FILE });
    expect(await run(['export', 'demo.json', '--to', 'csv', '--pseudonymize', '--identified', '-o', 'x.csv'], m.io)).toBe(2);
    expect(m.stderr()).toContain('threadmark: --pseudonymize and --identified contradict each other');
    expect(await run(['export', 'demo.json', '--to', 'csv', '--no-pseudonymize', '--key-out', 'k.enc', '-o', 'x.csv'], m.io)).toBe(2);
    expect(await run(['export', 'demo.json', '--to', 'qdc', '--key-out', 'k.enc', '-o', 'x.qdc'], m.io)).toBe(2);
    expect(await run(['export', 'demo.json', '--to', 'csv', '--key-out', 'k.enc', '-o', 'x.csv'], m.io)).toBe(1);
    expect([...m.files.keys()].sort()).toEqual(['demo.json']);
  });
});

import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { codebookCsv } from '@shared/codebook/codebook-csv';
import { readQdc } from '@shared/codebook/refi/read-qdc';
import { guid, makeCode, readRefiSample, refiSampleAvailable, REFI_SAMPLES_SKIP_REASON, unwrap } from '@shared/codebook/refi/refi.test-helpers';
import { buildZip } from '@shared/codebook/refi/zip.test-helpers';
import { applyCodebookDiff } from '@shared/codebook/apply-codebook-diff';
import { codesInTreeOrder } from '@shared/codebook/code-tree';
import { countingIds } from '@shared/codebook/codebook-fixtures.test-helpers';
import { diffCodebooks } from '@shared/codebook/codebook-diff';
import type { Code } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { applyCodebookImport } from '@shared/project/operations/codebook-import';
import { runOperation } from '@shared/project/run-operation';
import { TEAM_QDC } from '@shared/project/testing/parity-script.test-helpers';

import { exportCommand } from '../commands/export';
import { importCommand } from '../commands/import';
import { VERSION } from '../help';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { run } from '../run';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { bundleOf, codebookV1, codebookV2, deps, qdc, T } from './codebook-cli.test-helpers';

/** Codes as the import stores them: stamped with the operation's time. */
const stamped = (codes: readonly Code[]): Code[] => codes.map((c) => ({ ...c, updatedAt: T }));

/** A bundle made by importing codebook v1 (no coders, no codings). */
async function v1Bundle(): Promise<string> {
  const m = memoryImportIo({ 'v1.qdc': qdc(codebookV1()) });
  expect(await importCommand(['v1.qdc', '-o', 'b.json'], m.io, deps())).toBe(0);
  return m.text('b.json') as string;
}

describe('threadmark import <codebook> into a new bundle', () => {
  it('.qdc → bundle → .qdc gives back the same codes, GUIDs and bytes', async () => {
    const original = qdc(codebookV1(), `Threadmark ${VERSION}`);
    const m = memoryImportIo({ 'team codebook.qdc': original });
    expect(await importCommand(['team codebook.qdc', '-o', 'b.threadmark.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toBe(
      `team codebook.qdc: qdc from "Threadmark ${VERSION}", 5 codes, 0 warnings\nwrote b.threadmark.json: new project "team codebook" with 5 codes, no threads\n`,
    );
    const b = bundleOf(m.text('b.threadmark.json'));
    expect(b.project).toEqual({ id: 'id-1', name: 'team codebook', createdAt: T });
    expect([b.threads, b.posts, b.coders, b.codings, b.codebookVersions]).toEqual([[], [], [], [], []]);
    expect(b.codes).toEqual(stamped(codebookV1()));
    expect(b.journal).toEqual([
      {
        id: 'id-2',
        seq: 1,
        at: T,
        actorId: 'threadmark-cli',
        actorName: 'threadmark-cli',
        operation: 'codebook.import',
        summary: 'Imported “team codebook.qdc”: 5 codes added',
        reverts: null,
        addedPosts: [],
        changes: b.codes.map((code) => ({ table: 'codes', id: code.id, before: null, after: code })),
      },
    ]);

    expect(await exportCommand(['b.threadmark.json', '--to', 'qdc', '-o', 'back.qdc'], m.io)).toBe(0);
    const back = m.text('back.qdc') as string;
    expect(unwrap(readQdc(back, 'back.qdc')).codes.map((c) => c.id)).toEqual(codebookV1().map((c) => c.id));
    expect(back).toBe(original);
  });

  it('imports the codebook of a .qdpx project, and a codebook CSV named by --format', async () => {
    const project = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="Tool 2">\n${qdc(codebookV1()).replace(/^<\?xml[^>]*>\n/, '').replace(/ xmlns="[^"]*" origin="[^"]*"/, '')}<Sources/>\n</Project>`;
    const m = memoryImportIo({ 'p.QDPX': buildZip([{ name: 'project.qde', data: project }]), 'cb.csv': codebookCsv(codebookV1(), { mode: 'raw' }) });
    expect(await importCommand(['p.QDPX', '--codebook-only', '-o', 'p.json'], m.io, deps())).toBe(0);
    expect(bundleOf(m.text('p.json')).codes).toEqual(stamped(codebookV1()));
    expect(m.stdout()).toMatch(/^p\.QDPX: qdpx from "Tool 2", 5 codes, 0 warnings\n/);

    expect(await importCommand(['cb.csv', '--format', 'codebook-csv', '-o', 'c.json'], m.io, deps())).toBe(0);
    const codes = bundleOf(m.text('c.json')).codes;
    expect(codes.map((c) => [c.id, c.name, c.parentId, c.definition, c.examples])).toEqual(codebookV1().map((c) => [c.id, c.name, c.parentId, c.definition, c.examples]));
  });

  it('refuses a hostile .qdc (DOCTYPE) naming the file, and writes nothing', async () => {
    const evil = `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${guid(1)}" name="&xxe;" isCodable="true"/></Codes></CodeBook>`;
    const base = await v1Bundle();
    const m = memoryImportIo({ 'evil.qdc': evil, 'b.json': base });
    expect(await importCommand(['evil.qdc', '-o', 'new.json'], m.io, deps())).toBe(1);
    expect(await importCommand(['evil.qdc', '--into', 'b.json', '-o', 'b.json', '--take', 'all'], m.io, deps())).toBe(1);
    const lines = m.stderr().split('\n');
    expect(lines[0]).toMatch(/^evil\.qdc \(line 2\): .*DOCTYPE.*refused/);
    expect(lines[1]).toBe('threadmark: nothing written (evil.qdc has problems above)');
    expect(m.files.has('new.json')).toBe(false);
    expect(m.text('b.json')).toBe(base);
    expect(m.stdout()).toBe('');
  });

  it('names a missing or empty codebook file', async () => {
    const m = memoryImportIo({ 'empty.qdc': '' });
    expect(await importCommand(['nope.qdpx', '--codebook-only', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(await importCommand(['empty.qdc', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^nope\.qdpx: cannot read the file: no such file or directory\n.*\nempty\.qdc: the file is empty\n/);
    expect(m.files.has('o.json')).toBe(false);
  });
});

describe('threadmark import <codebook> --into <bundle>', () => {
  it('by default takes only added codes; every other difference is a "left" line and changes nothing', async () => {
    const base = bundleOf(await v1Bundle());
    const m = memoryImportIo({ 'v2.qdc': qdc(codebookV2()), 'b.json': serializeBundle(base) });
    expect(await importCommand(['v2.qdc', '--into', 'b.json', '-o', 'out.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe(
      [
        'left: Derailing: renamed to “Derailment” in v2.qdc: not taken (--take all takes it)',
        'left: Derailing: its definition differs in v2.qdc: not taken (--take all takes it)',
        'left: Fallacy > Whataboutism: moved to the top level in v2.qdc: not taken (--take all takes it)',
        'left: Tone: not in v2.qdc: not taken (--take all,removed takes it)',
        '',
      ].join('\n'),
    );
    expect(m.stdout()).toBe(
      'v2.qdc: qdc from "Test", 5 codes, 0 warnings\n' +
        'wrote out.json (from b.json): added 1, changed 0, removed 0, left 4 (3 not taken: --take all takes them; 1 removal not taken: --take all,removed takes it; each is a "left:" line on stderr)\n' +
        'journal entry 2 (codebook.import, by threadmark-cli): Imported “v2.qdc”: 1 code added\n',
    );
    const out = bundleOf(m.text('out.json'));
    const sarcasm = out.codes.find((c) => c.id === guid(6));
    expect(out.codes.filter((c) => c !== sarcasm)).toEqual(base.codes);
    expect(sarcasm).toMatchObject({ name: 'Sarcasm', parentId: guid(1), order: 2 });
    // The journal names the CLI as the actor; no coder is added to the project for it.
    expect(out.coders).toEqual([]);
    expect(out.journal).toEqual([
      ...(base.journal ?? []),
      {
        id: 'id-1',
        seq: 2,
        at: T,
        actorId: 'threadmark-cli',
        actorName: 'threadmark-cli',
        operation: 'codebook.import',
        summary: 'Imported “v2.qdc”: 1 code added',
        reverts: null,
        addedPosts: [],
        changes: [{ table: 'codes', id: guid(6), before: null, after: sarcasm }],
      },
    ]);
  });

  it('a file that only changes codes leaves the codebook, coders and change log as they were', async () => {
    const base = bundleOf(await v1Bundle());
    const changedOnly = codebookV2().filter((c) => c.name !== 'Sarcasm');
    const m = memoryImportIo({ 'v2.qdc': qdc(changedOnly), 'b.json': serializeBundle(base) });
    expect(await importCommand(['v2.qdc', '--into', 'b.json', '-o', 'b.json'], m.io, deps())).toBe(0);
    const out = bundleOf(m.text('b.json'));
    expect({ ...out, exportedAt: base.exportedAt }).toEqual(base);
    expect(m.stderr().match(/^left: /gm)).toHaveLength(4);
    expect(m.stdout()).toContain('wrote b.json: added 0, changed 0, removed 0, left 4');
    expect(m.stdout()).not.toContain('journal');
  });

  it('--take all takes renames, moves and definitions, logs them as one import, and leaves removals', async () => {
    const base = bundleOf(await v1Bundle());
    const m = memoryImportIo({ 'v2.qdc': qdc(codebookV2()), 'b.json': serializeBundle(base) });
    expect(await importCommand(['v2.qdc', '--into', 'b.json', '-o', 'b.json', '--take', 'all'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('left: Tone: not in v2.qdc: not taken (--take all,removed takes it)\n');
    expect(m.stdout()).toContain('added 1, changed 2, removed 0, left 1 (1 removal not taken: --take all,removed takes it;');
    const out = bundleOf(m.text('b.json'));
    const byName = new Map(out.codes.map((c) => [c.name, c]));
    expect(byName.get('Derailment')).toMatchObject({ id: guid(4), definition: 'Pulls the thread off its subject.' });
    expect(byName.get('Whataboutism')).toMatchObject({ id: guid(2), parentId: null });
    expect(byName.has('Tone')).toBe(true);
    // One entry for the whole import, with every changed code before and after.
    expect(out.journal).toHaveLength(2);
    const entry = out.journal![1]!;
    expect([entry.operation, entry.summary]).toEqual(['codebook.import', 'Imported “v2.qdc”: 1 code added, 2 codes changed']);
    // False equivalence is renumbered among its siblings (Whataboutism left them): journaled too, not reported.
    expect(entry.changes.map((c) => [c.id, c.before === null ? 'added' : 'changed'])).toEqual([
      [guid(2), 'changed'],
      [guid(3), 'changed'],
      [guid(4), 'changed'],
      [guid(6), 'added'],
    ]);
    const derailing = entry.changes.find((c) => c.id === guid(4))!;
    expect(derailing.before).toEqual(base.codes.find((c) => c.id === guid(4)));
    expect(derailing.after).toEqual(byName.get('Derailment'));
    expect(m.stdout()).toContain('journal entry 2 (codebook.import, by threadmark-cli): Imported “v2.qdc”: 1 code added, 2 codes changed\n');
  });

  it('--take all,removed removes a code without codings', async () => {
    const m = memoryImportIo({ 'v2.qdc': qdc(codebookV2()), 'b.json': await v1Bundle() });
    expect(await importCommand(['v2.qdc', '--into', 'b.json', '-o', 'b.json', '--take', 'all,removed'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toContain('added 1, changed 2, removed 1, left 0\n');
    const out = bundleOf(m.text('b.json'));
    expect(out.codes.map((c) => c.name)).not.toContain('Tone');
    const entry = out.journal?.at(-1);
    expect(entry?.summary).toBe('Imported “v2.qdc”: 1 code added, 2 codes changed, 1 code removed');
    expect(entry?.changes.find((c) => c.id === guid(5))).toMatchObject({ table: 'codes', before: { name: 'Tone' }, after: null });
  });

  it('refuses a removal of a code that has codings, naming it, and writes nothing', async () => {
    // exampleBundle: Fallacy > False equivalence, Derailing (coded once); the file lacks Derailing.
    const incoming = [makeCode({ id: guid(1), name: 'Fallacy' }), makeCode({ id: guid(2), name: 'False equivalence', parentId: guid(1) })];
    const base = serializeBundle(exampleBundle());
    const m = memoryImportIo({ 'f.qdc': qdc(incoming), 'b.json': base });
    expect(await importCommand(['f.qdc', '--into', 'b.json', '-o', 'b.json', '--take', 'all,removed'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe(
      'b.json: cannot remove “Derailing” (not in f.qdc): it has 1 coding\n' +
        'threadmark: nothing written (a removal is taken only for codes without codings; leave removals out with --take all)\n',
    );
    expect(m.text('b.json')).toBe(base);
    expect(m.stdout()).toBe('');
  });

  it('logs as the bundle\'s first coder, keeps threads, codings and history, and matches codes by path', async () => {
    const incoming = [
      makeCode({ id: guid(1), name: 'Fallacy', color: '#cc3366', definition: 'Fallacy.', shortcut: 'f' }),
      makeCode({ id: guid(7), name: 'Sarcasm', parentId: guid(1), color: '#cc3366' }),
    ];
    const base = exampleV3Bundle();
    const m = memoryImportIo({ 's.qdc': qdc(incoming), 'b.json': serializeBundle(base) });
    expect(await importCommand(['s.qdc', '--into', 'b.json', '-o', 'out.json'], m.io, deps())).toBe(0);
    const out = bundleOf(m.text('out.json'));
    expect(out.coders).toEqual(base.coders);
    // Written in the canonical order (codings by post, then place), the records themselves unchanged.
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect([out.threads, out.posts, byId(out.codings), out.codebookVersions]).toEqual([base.threads, base.posts, byId(base.codings), base.codebookVersions]);
    expect(base.journal).toHaveLength(1);
    expect(out.journal?.slice(0, 1)).toEqual(base.journal);
    expect(out.journal?.slice(1).map((e) => [e.actorId, e.actorName, e.operation, e.summary, e.changes.map((c) => c.id)])).toEqual([
      ['u-ana', 'Ana', 'codebook.import', 'Imported “s.qdc”: 1 code added', [guid(7)]],
    ]);
    expect(out.codes.find((c) => c.id === guid(7))?.parentId).toBe('k-fallacy');
    expect(m.stderr()).toBe(
      'left: Fallacy > False equivalence: not in s.qdc: not taken (--take all,removed takes it)\n' +
        'left: Derailing: not in s.qdc: not taken (--take all,removed takes it)\n',
    );
  });

  it('leaves making a coded code a category, with the reason, even under --take all', async () => {
    const incoming: Code[] = [makeCode({ id: guid(1), name: 'Derailing', codable: false, color: '#cc3366', definition: 'Derailing.', shortcut: '2' })];
    const m = memoryImportIo({ 'c.qdc': qdc(incoming), 'b.json': serializeBundle(exampleBundle()) });
    expect(await importCommand(['c.qdc', '--into', 'b.json', '-o', 'out.json', '--take', 'all'], m.io, deps())).toBe(0);
    expect(m.stderr()).toContain('left: Derailing: made a category (not codable) in c.qdc: not taken: it has 1 coding, and nothing can be coded with a category\n');
    expect(bundleOf(m.text('out.json')).codes.find((c) => c.id === 'k-derail')?.codable).toBe(true);
  });
});

describe('threadmark import <codebook>: names stored as the app stores them', () => {
  const TRIMMED = ['False equivalence', 'Whataboutism', 'Deflection'];

  it('stores the names of a .qdc with surrounding spaces trimmed, as the app does', async () => {
    const m = memoryImportIo({ 'team.qdc': TEAM_QDC });
    expect(await importCommand(['team.qdc', '-o', 'new.json'], m.io, deps())).toBe(0);
    const cli = bundleOf(m.text('new.json')).codes;
    expect(cli.map((c) => c.name)).toEqual(TRIMMED);

    // The app's path (parity-script.ts): the file diffed as read, every difference taken, applied by the core.
    const ids = countingIds();
    const store = new MemoryProjectStore({ project: { id: 'p', name: 'team', createdAt: T } });
    const read = unwrap(readQdc(TEAM_QDC, 'team.qdc'));
    const diff = diffCodebooks([], read.codes, read.unknownFields);
    const taken = applyCodebookDiff([], read.codes, diff, new Set(diff.entries.map((e) => e.key)), ids);
    const input = { source: 'team.qdc', base: [], codes: taken.codes, applied: taken.applied, codingsToDelete: new Map<string, number>() };
    expect((await runOperation(store, applyCodebookImport, input, { clock: { now: () => T }, ids, actor: { id: 'coder-ada', name: 'Ada' } })).ok).toBe(true);
    const app = codesInTreeOrder(await store.read((r) => r.codes()));
    expect(cli).toEqual(app);
  });

  it('threadmark import team.qdc --into stores trimmed names, and the same file again is no change', async () => {
    const m = memoryImportIo({ 'team.qdc': TEAM_QDC, 'v1.qdc': qdc(codebookV1()) });
    expect(await importCommand(['v1.qdc', '-o', 'b.json'], m.io, deps())).toBe(0);
    expect(await importCommand(['team.qdc', '--into', 'b.json', '-o', 'b.json', '--take', 'all'], m.io, deps())).toBe(0);
    const out = bundleOf(m.text('b.json'));
    const added = out.codes.filter((c) => c.id.startsWith('0f5c8a2e-'));
    expect(added.map((c) => c.name)).toEqual(TRIMMED);
    expect(out.journal?.at(-1)?.summary).toBe('Imported “team.qdc”: 3 codes added');

    const again = memoryImportIo({ 'team.qdc': TEAM_QDC, 'b.json': m.text('b.json') as string });
    expect(await importCommand(['team.qdc', '--into', 'b.json', '-o', 'c.json', '--take', 'all'], again.io, deps())).toBe(0);
    expect(again.stderr()).not.toMatch(/renamed/);
    expect(again.stdout()).toContain('added 0, changed 0, removed 0, left 5');
    expect(bundleOf(again.text('c.json')).journal).toEqual(out.journal);
  });
});

describe('threadmark import <codebook>: the command line', () => {
  it.each([
    [['a.json', 'c.qdc', '-o', 'o.json'], 'a codebook import cannot be mixed with thread files (c.qdc: codebook; a.json: not): import them in two calls'],
    [['c.qdc', 'd.qdpx', '-o', 'o.json'], 'a codebook import takes one codebook file, not 2 (c.qdc, d.qdpx)'],
    [['a.json', 'b.csv', '--format', 'codebook-csv', '-o', 'o.json'], 'a codebook import takes one codebook file, not 2 (a.json, b.csv)'],
    [['c.qdc', '-o', 'o.json', '--take', 'all'], '--take needs --into: a new bundle takes the whole codebook'],
    [['c.qdc', '--into', 'b.json', '-o', 'o.json', '--take', 'everything'], /^--take: unknown kind "everything" \(one of: all, added, renamed, moved, changed, removed/],
    [['c.qdc', '-o', 'o.json', '--map', 'text=body'], '--map is for thread imports, not a codebook import'],
    [['a.json', '-o', 'o.json', '--take', 'all'], '--take is for a codebook import with --into (a .qdc, .qdpx or --format codebook-csv file)'],
  ])('%j is a usage error', async (argv, reason) => {
    const m = memoryImportIo({ 'a.json': '{}', 'c.qdc': qdc(codebookV1()) });
    expect(await run(['import', ...argv], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    if (typeof reason === 'string') expect(first).toBe(`threadmark: ${reason}`);
    else expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark import <files\.\.\.> -o/);
    expect([...m.files.keys()].sort()).toEqual(['a.json', 'c.qdc']);
  });
});

describe.skipIf(!refiSampleAvailable('nvivo15-mac-codebook.qdpx') || !refiSampleAvailable('taguette141-codebook.qdc'))(
  `real REFI-QDA samples (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`,
  () => {
    it('Taguette .qdc and NVivo .qdpx (262 codes) each become a valid new bundle that exports back to the same codes', async () => {
      const m = memoryImportIo({ 'taguette.qdc': readRefiSample('taguette141-codebook.qdc'), 'nvivo.qdpx': readRefiSample('nvivo15-mac-codebook.qdpx') });
      expect(await importCommand(['taguette.qdc', '-o', 't.json'], m.io, deps())).toBe(0);
      expect(await importCommand(['nvivo.qdpx', '--codebook-only', '-o', 'n.json'], m.io, deps())).toBe(0);
      expect(bundleOf(m.text('t.json')).codes.map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
      const nvivo = bundleOf(m.text('n.json'));
      expect(nvivo.codes).toHaveLength(262);
      expect(m.stdout()).toContain('nvivo.qdpx: qdpx from ');
      expect(m.stdout()).toContain('wrote n.json: new project "nvivo" with 262 codes, no threads\n');

      expect(await exportCommand(['n.json', '--to', 'qdc', '-o', 'n.qdc'], m.io)).toBe(0);
      expect(stamped(unwrap(readQdc(m.text('n.qdc') as string, 'n.qdc')).codes)).toEqual(nvivo.codes);

      // The same file again changes nothing: every code matches by GUID.
      expect(await importCommand(['nvivo.qdpx', '--codebook-only', '--into', 'n.json', '-o', 'n2.json', '--take', 'all,removed'], m.io, deps())).toBe(0);
      expect(bundleOf(m.text('n2.json')).codes).toEqual(nvivo.codes);
      expect(m.stdout()).toContain('added 0, changed 0, removed 0, left 0\n');
    });
  },
);

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { storeFromBundle } from '@shared/project/bundle-store';
import { addedThroughCore, NORA, NORA_EXPECTED, NORA_FILE, noraCodedExport } from '@shared/refi/nvivo-coded-export.test-helpers';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { cliActor, cliBundleHead } from '../project/bundle-file';
import { mergeCommand } from './merge';

const T = '2026-03-14T10:00:00.000Z';
const deps = () => {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `cli-${++n}` } };
};

describe('threadmark merge with a .qdpx coded in NVivo', () => {
  it('adds its users as coder layers, byte for byte as the shared path the app runs, and prints what could not be placed exactly', async () => {
    const { project, qdpx } = await noraCodedExport();
    const m = memoryImportIo({ 'project.json': serializeBundle(project), [NORA_FILE]: qdpx });
    expect(await mergeCommand(['project.json', NORA_FILE, '-o', 'out.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    const out = m.text('out.json')!;

    // The same file through the core on the bundle store the CLI opens (the app's Dexie path equals it: qdpx-coder-file.parity.test.ts).
    const opened = parseBundleText(serializeBundle(project));
    if (!opened.ok) throw new Error('fixture');
    const d = deps();
    const viaCore = await addedThroughCore(storeFromBundle(opened.value), qdpx, { ...d, actor: cliActor(opened.value) }, cliBundleHead(d.clock));
    expect(out).toBe(viaCore.bytes);

    const after = parseBundleText(out);
    if (!after.ok) throw new Error('out.json');
    const nora = after.value.coders.find((c) => c.name === NORA)!;
    expect(after.value.codings.filter((c) => c.coderId === nora.id).map((c) => [c.postId, c.quote]).sort()).toEqual([...NORA_EXPECTED].sort());
    // Counts, then the review's lines (the split, the span in a header), then the journal entry.
    const lines = m.stdout().split('\n');
    expect(lines[0]).toBe(`${NORA_FILE}: REFI-QDA project coded by ${NORA}: 3 codings, 0 memos, 0 relations added`);
    const notes = viaCore.layer.notes;
    expect(lines.slice(1, 1 + notes.length)).toEqual(notes.map((l) => `  ${l}`));
    expect(notes.filter((l) => /split into 2 codings|not placed: it covers only header lines/.test(l))).toHaveLength(2);
    // Ana and Ben, whose codings the export carried, are the project's already: kept as they are.
    expect(lines.slice(1 + notes.length, -2)).toEqual([
      '  kept: Ana is already in the project; nothing of theirs changed (--replace "Ana" replaces them)',
      '  kept: Ben, "B" 👩‍👩‍👧 is already in the project; nothing of theirs changed (--replace "Ben, "B" 👩‍👩‍👧" replaces them)',
    ]);
    expect(lines.at(-2)).toMatch(/^wrote out\.json: journal entry #\d+$/);
  });

  it('replaces a coder already in the project when named with --replace (a name with a comma, or an id), byte for byte as the shared path', async () => {
    const { project, qdpx } = await noraCodedExport();
    const BEN = project.coders.find((c) => c.id === 'u-ben')!;
    const benBefore = project.codings.filter((c) => c.coderId === BEN.id);
    for (const named of [BEN.name, BEN.id]) {
      const m = memoryImportIo({ 'project.json': serializeBundle(project), [NORA_FILE]: qdpx });
      expect(await mergeCommand(['project.json', NORA_FILE, '--replace', named, '-o', 'out.json'], m.io, deps())).toBe(0);
      expect(m.stderr()).toBe('');
      const opened = parseBundleText(serializeBundle(project));
      if (!opened.ok) throw new Error('fixture');
      const d = deps();
      const viaCore = await addedThroughCore(storeFromBundle(opened.value), qdpx, { ...d, actor: cliActor(opened.value) }, cliBundleHead(d.clock), new Set([BEN.id]));
      expect(m.text('out.json')).toBe(viaCore.bytes);
      const after = parseBundleText(m.text('out.json')!);
      if (!after.ok) throw new Error('out.json');
      // Ben's codings are the file's now (new ids), Ana's untouched.
      const benAfter = after.value.codings.filter((c) => c.coderId === BEN.id);
      expect(benAfter.map((c) => c.id).some((id) => benBefore.some((b) => b.id === id))).toBe(false);
      const ana = (codings: typeof project.codings) => codings.filter((c) => c.coderId === 'u-ana').sort((x, y) => x.id.localeCompare(y.id));
      expect(ana(after.value.codings)).toEqual(ana(project.codings));
      expect(m.stdout()).toContain(`  replaced: ${BEN.name}’s ${benBefore.length} coding${benBefore.length === 1 ? '' : 's'} in the project with the ${benAfter.length} in the file\n`);
      expect(m.stdout()).toContain('  kept: Ana is already in the project');
      expect(m.stdout()).not.toContain(`kept: ${BEN.name}`);
    }
    // The bytes differ from a merge that keeps Ben: the option is not ignored.
    const kept = memoryImportIo({ 'project.json': serializeBundle(project), [NORA_FILE]: qdpx });
    expect(await mergeCommand(['project.json', NORA_FILE, '-o', 'out.json'], kept.io, deps())).toBe(0);
    const replaced = memoryImportIo({ 'project.json': serializeBundle(project), [NORA_FILE]: qdpx });
    expect(await mergeCommand(['project.json', NORA_FILE, '--replace', BEN.name, '-o', 'out.json'], replaced.io, deps())).toBe(0);
    expect(replaced.text('out.json')).not.toBe(kept.text('out.json'));
  });

  it('refuses a --replace that names no coder both in the project and in the file, and writes nothing', async () => {
    const { project, qdpx } = await noraCodedExport();
    const m = memoryImportIo({ 'project.json': serializeBundle(project), [NORA_FILE]: qdpx });
    expect(await mergeCommand(['project.json', NORA_FILE, '--replace', 'Bne', '--replace', NORA, '-o', 'out.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe(
      [
        `--replace Bne: not a coder both in the project and in a .qdpx file given; coders of the project in the .qdpx files given: Ana, Ben, "B" 👩‍👩‍👧`,
        `--replace ${NORA}: not a coder both in the project and in a .qdpx file given; coders of the project in the .qdpx files given: Ana, Ben, "B" 👩‍👩‍👧`,
        'threadmark: nothing written',
        '',
      ].join('\n'),
    );
    expect(m.text('out.json')).toBeUndefined();
  });

  it('refuses a file that is no .qdpx, naming it, and writes nothing', async () => {
    const { project } = await noraCodedExport();
    const m = memoryImportIo({ 'project.json': serializeBundle(project), 'bad.qdpx': new Uint8Array([1, 2, 3, 4]) });
    expect(await mergeCommand(['project.json', 'bad.qdpx', '-o', 'out.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^bad\.qdpx: /);
    expect(m.stderr()).toContain('threadmark: nothing written');
    expect(m.text('out.json')).toBeUndefined();
  });
});

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
    expect(lines.slice(1 + notes.length, -2)).toEqual(['  kept: Ana is already in the project; nothing of theirs changed', '  kept: Ben, "B" 👩‍👩‍👧 is already in the project; nothing of theirs changed']);
    expect(lines.at(-2)).toMatch(/^wrote out\.json: journal entry #\d+$/);
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

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { run } from '../run';
import { journalProject } from './journal-fixture.test-helpers';
import { undoCommand } from './undo';

const FILE = 'journal.threadmark.json';
const T = '2026-03-14T10:00:00.000Z';
const deps = () => {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `undo-${++n}` } };
};

describe('threadmark undo', () => {
  it('undoes the latest change still in effect (the undo of #6 undid #6, so #5), journaled as a revert', async () => {
    const { m, journal, coding } = await journalProject();
    expect(await undoCommand([FILE, '-o', 'out.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toBe('Undid: Coded “What about the men” as “Whataboutism” (entry #5)\nwrote out.json: journal entry #8\n');
    const out = bundleOf(m.text('out.json'));
    expect(out.codings).toEqual([]);
    expect(out.journal?.slice(0, 7)).toEqual(journal);
    // The bundle's first coder acts (coders are written by name: Ada first).
    expect(out.journal?.[7]).toMatchObject({ seq: 8, at: T, actorId: 'coder-ada', operation: 'revert', reverts: journal[4]!.id, changes: [{ table: 'codings', id: coding.id, after: null }] });
    expect(m.text(FILE)).not.toBe(m.text('out.json'));
  });

  it('--entry reverts the entry named by id or number; -o may be the bundle', async () => {
    const { m, journal } = await journalProject();
    const d = deps();
    expect(await undoCommand([FILE, '--entry', '#3', '-o', FILE], m.io, d)).toBe(1);
    // Ben's coding still needs him.
    expect(m.stderr()).toMatch(/^journal\.threadmark\.json: coder “Ben” \(id coder-ben\) id: cannot remove the coder: 1 coding of theirs remain/);
    const stderr = m.stderr();
    expect(await undoCommand([FILE, '--entry', journal[4]!.id, '-o', FILE], m.io, d)).toBe(0);
    expect(await undoCommand([FILE, '--entry', '3', '-o', FILE], m.io, d)).toBe(0);
    expect(m.stderr()).toBe(stderr);
    const out = bundleOf(m.text(FILE));
    expect(out.coders.map((c) => c.name)).toEqual(['Ada']);
    expect(out.journal?.slice(7).map((e) => [e.seq, e.summary, e.reverts])).toEqual([
      [8, 'Reverted: Coded “What about the men” as “Whataboutism”', journal[4]!.id],
      [9, 'Reverted: Added coder “Ben”', journal[2]!.id],
    ]);
  });

  it('refuses an entry a later change depends on, and writes nothing', async () => {
    const { m } = await journalProject();
    const before = m.text(FILE);
    expect(await undoCommand([FILE, '--entry', '4', '-o', FILE], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe('journal.threadmark.json: code “Whataboutism” (id id-8) id: cannot delete it: 1 coding still uses it\nthreadmark: nothing written\n');
    expect(m.text(FILE)).toBe(before);
  });

  it('names an unknown entry, and says when there is nothing to undo', async () => {
    const { m } = await journalProject();
    expect(await undoCommand([FILE, '--entry', 'nope', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe('threadmark: journal.threadmark.json has no journal entry nope (threadmark history journal.threadmark.json lists them)\n');
    const empty = memoryImportIo({ 'b.json': serializeBundle({ ...exampleV3Bundle(), journal: [] }) });
    expect(await undoCommand(['b.json', '-o', 'o.json'], empty.io, deps())).toBe(1);
    expect(empty.stderr()).toBe('threadmark: nothing to undo in b.json\n');
    expect(empty.files.has('o.json')).toBe(false);
  });

  it.each([
    [[FILE], /^missing -o <bundle\.threadmark\.json>/],
    [['-o', 'o.json'], /^missing <bundle>$/],
    [[FILE, '-o', 'o.json', '--all'], /^unknown option --all$/],
  ])('%j is a usage error', async (args, reason) => {
    const m = memoryImportIo({});
    expect(await run(['undo', ...args], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark undo <bundle>/);
  });
});

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { run } from '../run';
import { historyCommand } from './history';
import { journalProject } from './journal-fixture.test-helpers';

const FILE = 'journal.threadmark.json';

/** The entry numbers a history listing shows. */
const seqs = (stdout: string): number[] => [...stdout.matchAll(/^#(\d+) {2}/gm)].map((m) => Number(m[1]));

describe('threadmark history', () => {
  it('lists every entry: number, time, actor, operation, summary, counts and id', async () => {
    const { m, journal, code } = await journalProject();
    expect(await historyCommand([FILE], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    const lines = m.stdout().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(`#1  2026-03-12T08:00:00.000Z  threadmark-cli  threads.import  Imported day1.csv: 1 thread, 2 posts  (2 records changed, 2 posts added; entry ${journal[0]!.id})`);
    expect(lines[3]).toBe(`#4  2026-03-12T11:00:00.000Z  Ada  code.add  Added “Whataboutism” at the top level  (1 record changed; entry ${journal[3]!.id})`);
    expect(lines[6]).toMatch(new RegExp(`^#7  2026-03-13T09:30:00.000Z  Ada  revert  Undid: .*  \\(1 record changed; reverts #6; entry ${journal[6]!.id}\\)$`));
    expect(lines[7]).toBe('');
    expect(code.name).toBe('Whataboutism');
  });

  it.each([
    [['--coder', 'ben'], [3, 5]],
    [['--coder', 'coder-ada', '--operation', 'code'], [4, 6]],
    [['--operation', 'coders.add'], [2, 3]],
    [['--since', '2026-03-13'], [6, 7]],
    [['--until', '2026-03-12T10:00:00Z'], [1, 2, 3]],
    [['--since', '2026-03-12T10:00+00:00', '--until', '2026-03-12'], [3, 4, 5]],
  ])('filters with %j', async (args, expected) => {
    const { m } = await journalProject();
    expect(await run(['history', FILE, ...args], m.io)).toBe(0);
    expect(seqs(m.stdout())).toEqual(expected);
    expect(m.stdout()).toMatch(new RegExp(`\\n${expected.length} entr(y|ies) of 7 match\\n$`));
  });

  it('--record finds the entries that changed a record or added a post', async () => {
    const { m, code, post } = await journalProject();
    expect(await historyCommand([FILE, '--record', code.id], m.io)).toBe(0);
    expect(await historyCommand([FILE, '--record', post.id], m.io)).toBe(0);
    const [byCode, byPost] = m.stdout().split(/match\n/);
    expect(seqs(byCode!)).toEqual([4, 6, 7]);
    expect(seqs(byPost!)).toEqual([1]);
  });

  it('--json prints the entries as stored, each with its counts', async () => {
    const { m, journal } = await journalProject();
    expect(await historyCommand([FILE, '--json', '--operation', 'coding'], m.io)).toBe(0);
    const printed = JSON.parse(m.stdout()) as Array<Record<string, unknown>>;
    expect(printed).toHaveLength(1);
    const { counts, ...entry } = printed[0]!;
    expect(entry).toEqual(journal[4]);
    expect(counts).toEqual({ records: 1, addedPosts: 0, tables: { codings: { added: 1, changed: 0, removed: 0 } } });

    const all = memoryImportIo({ [FILE]: m.text(FILE) as string });
    expect(await historyCommand([FILE, '--json'], all.io)).toBe(0);
    const entries = JSON.parse(all.stdout()) as Array<{ seq: number; counts: { records: number; addedPosts: number } }>;
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(entries[0]!.counts).toMatchObject({ records: 2, addedPosts: 2 });
  });

  it('prints an empty array or says when nothing matches', async () => {
    const { m } = await journalProject();
    const json = memoryImportIo({ [FILE]: m.text(FILE) as string });
    expect(await historyCommand([FILE, '--coder', 'Nobody'], m.io)).toBe(0);
    expect(m.stdout()).toBe('0 entries of 7 match\n');
    expect(await historyCommand([FILE, '--coder', 'Nobody', '--json'], json.io)).toBe(0);
    expect(json.stdout()).toBe('[]\n');
  });

  it('reads a format 2 bundle, whose change log became journal entries', async () => {
    const m = memoryImportIo({ 'b.json': serializeBundle(exampleV3Bundle()) });
    expect(await historyCommand(['b.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('#1  2024-05-01T12:00:00.000Z  Ana  code.edit  Renamed “Derail” to “Derailing”  (1 record changed; entry op-1)\n');
  });

  it('says so when the journal is empty', async () => {
    const m = memoryImportIo({ 'b.json': serializeBundle({ ...exampleV3Bundle(), journal: [] }) });
    expect(await historyCommand(['b.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('no journal entries: nothing has been recorded in this project yet\n');
  });

  it.each([
    [['--since', 'yesterday'], /^--since "yesterday" is neither a date/],
    [['--until', '2026-03-12T10:00'], /^--until "2026-03-12T10:00" is neither a date \(2026-03-12\) nor a time with its zone/],
    [['--coders', 'Ada'], /^unknown option --coders$/],
    [[], /^missing <bundle>$/],
  ])('%j is a usage error', async (args, reason) => {
    const m = memoryImportIo({});
    expect(await run(['history', ...(args.length === 0 ? [] : [FILE]), ...args], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark history <bundle>/);
  });

  it('names a bundle it cannot read', async () => {
    const m = memoryImportIo({});
    expect(await historyCommand(['nope.json'], m.io)).toBe(1);
    expect(m.stderr()).toBe('threadmark: cannot read nope.json: no such file or directory\n');
  });
});

import { describe, expect, it } from 'vitest';

import { exampleBundleJson } from './fixtures.test-helpers';
import { formatProblem, validateBundle } from './validate';

function problemsOf(input: unknown): string[] {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected problems, got a valid bundle');
  return result.error.map(formatProblem);
}

describe('codebook and journal rules of bundle v3', () => {
  it('accepts the structured codebook, change log and version of the example', () => {
    const result = validateBundle(exampleBundleJson());
    expect(result.ok && result.value.journal).toHaveLength(1);
    expect(result.ok && result.value.codebookVersions?.[0]?.codes).toHaveLength(2);
  });

  it('checks structured code fields by shape', () => {
    const b = exampleBundleJson();
    Object.assign(b.codes[0]!, { shortcut: 'F', examples: ['ok', 3], codable: 'yes' });
    delete (b.codes[1] as Partial<(typeof b.codes)[number]>).inclusion;
    expect(problemsOf(b)).toEqual([
      'codes[0] (id "k-fallacy") examples.1: expected a string, got 3',
      'codes[0] (id "k-fallacy") shortcut: expected one character a–z or 0–9',
      'codes[0] (id "k-fallacy") codable: expected true or false, got "yes"',
      'codes[1] (id "k-equiv") inclusion: missing (expected a string)',
    ]);
  });

  it('requires exemplars to be codings of their own code, each listed once', () => {
    const b = exampleBundleJson();
    b.codes[0]!.exemplarCodingIds = ['c-emoji', 'c-emoji', 'c-nope', 'c-whole'];
    expect(problemsOf(b)).toEqual([
      'codes[0] (id "k-fallacy") exemplarCodingIds.1: coding "c-emoji" is listed twice',
      'codes[0] (id "k-fallacy") exemplarCodingIds.2: unknown coding "c-nope"',
      'codes[0] (id "k-fallacy") exemplarCodingIds.3: coding "c-whole" is coded with "k-derail", not with this code',
    ]);
  });

  it('refuses a shortcut key used twice, naming the first code that has it', () => {
    const b = exampleBundleJson();
    b.codes[2]!.shortcut = 'f';
    expect(problemsOf(b)).toEqual(['codes[2] (id "k-derail") shortcut: key "f" is already the shortcut of codes[0] (id "k-fallacy")']);
  });

  it('refuses codings of a category-only code', () => {
    const b = exampleBundleJson();
    b.codes[2]!.codable = false;
    expect(problemsOf(b)).toEqual([
      'codings[0] (id "c-whole") codeId: code "k-derail" is category-only (codable false): nothing can be coded with it',
    ]);
  });

  it('checks journal entries: ids, order, records that fit their table and id, reverts of earlier entries', () => {
    const b = exampleBundleJson();
    const entry = b.journal![0]!;
    const change = entry.changes[0]!;
    b.journal!.push({ ...entry, seq: 1, changes: [{ ...change, after: { ...(change.after as object), id: 'k-other' } as never }] });
    b.journal!.push({ ...entry, id: 'op-3', seq: 3, changes: [{ ...change, table: 'codes', after: { ...(change.after as object), color: 'red' } as never }] });
    b.journal!.push({ ...entry, id: 'op-4', seq: 4, at: 'yesterday' });
    expect(problemsOf(b)).toEqual([
      'journal[1] (id "op-1") changes.0.after.id: is not the change\'s id "k-derail"',
      'journal[1] (id "op-1") id: duplicate id (also used by journal[0] (id "op-1"))',
      'journal[2] (id "op-3") changes.0.after.color: expected a colour written "#rrggbb"',
      'journal[3] (id "op-4") at: expected an ISO 8601 UTC time such as "2024-05-01T12:00:00Z"',
    ]);
  });

  it('reports entries out of order and a revert of an entry that does not come before it', () => {
    const b = exampleBundleJson();
    const entry = b.journal![0]!;
    b.journal!.push({ ...entry, id: 'op-2', seq: 1, reverts: 'op-7' });
    expect(problemsOf(b)).toEqual([
      'journal[1] (id "op-2") seq: is 1, not after the entry before it (1): entries are listed in the order they were applied',
      'journal[1] (id "op-2") reverts: names "op-7", which is not an earlier entry',
    ]);
  });

  it('reads a version 2 change log as journal entries, one per operation', () => {
    const b = exampleBundleJson() as Record<string, unknown>;
    delete b.journal;
    b.formatVersion = 2;
    b.codebookChanges = [
      { id: 'ch-1', operationId: 'op-a', at: '2024-05-01T12:00:00.000Z', coderId: 'u-ana', kind: 'merge', codeId: 'k-derail', summary: 'Merged', before: null, after: (b.codes as object[])[2] },
      { id: 'ch-2', operationId: 'op-a', at: '2024-05-01T12:00:00.000Z', coderId: 'u-ana', kind: 'merge', codeId: 'k-equiv', summary: 'Merged', before: (b.codes as object[])[1], after: null },
    ];
    const result = validateBundle(b);
    expect(result.ok, result.ok ? '' : result.error.map(formatProblem).join('\n')).toBe(true);
    if (!result.ok) return;
    expect(result.value.formatVersion).toBe(3);
    expect(result.value.journal!.map((e) => [e.id, e.seq, e.operation, e.actorId, e.changes.map((c) => [c.table, c.id])])).toEqual([
      ['op-a', 1, 'code.merge', 'u-ana', [['codes', 'k-derail'], ['codes', 'k-equiv']]],
    ]);
    b.codebookChanges = [{ id: 'ch-1' }];
    expect(problemsOf(b)[0]).toMatch(/^codebookChanges\[0\] \(id "ch-1"\) /);
  });

  it('checks versions: name, coder, codes unique and parents inside the version', () => {
    const b = exampleBundleJson();
    const version = b.codebookVersions![0]!;
    version.name = '';
    version.coderId = 'u-x';
    version.codes.push({ ...version.codes[0]!, parentId: null }, { ...version.codes[1]!, id: 'k-child', parentId: 'k-equiv' });
    expect(problemsOf(b)).toEqual([
      'codebookVersions[0] (id "v-1") name: must not be empty',
    ]);
    version.name = 'v1';
    expect(problemsOf(b)).toEqual([
      'codebookVersions[0] (id "v-1") coderId: unknown coder "u-x"',
      'codebookVersions[0] (id "v-1") codes.2.id: duplicate id "k-fallacy" (also codes.0)',
      'codebookVersions[0] (id "v-1") codes.3.parentId: unknown code "k-equiv" (not in this version)',
    ]);
  });

  it('reads a missing journal or version list as empty, but refuses one that is not an array', () => {
    const b = exampleBundleJson() as Record<string, unknown>;
    delete b.journal;
    delete b.codebookVersions;
    const result = validateBundle(b);
    expect(result.ok && [result.value.journal, result.value.codebookVersions]).toEqual([[], []]);
    expect(problemsOf({ ...b, codebookVersions: {} })).toEqual(['bundle codebookVersions: expected an array, got an object']);
  });
});

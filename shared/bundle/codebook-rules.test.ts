import { describe, expect, it } from 'vitest';

import { exampleBundleJson } from './fixtures.test-helpers';
import { formatProblem, validateBundle } from './validate';

function problemsOf(input: unknown): string[] {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected problems, got a valid bundle');
  return result.error.map(formatProblem);
}

describe('codebook rules of bundle v2', () => {
  it('accepts the structured codebook, change log and version of the example', () => {
    const result = validateBundle(exampleBundleJson());
    expect(result.ok && result.value.codebookChanges).toHaveLength(1);
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

  it('checks change-log entries: ids, coder, snapshots that fit the entry', () => {
    const b = exampleBundleJson();
    const entry = b.codebookChanges![0]!;
    b.codebookChanges!.push({ ...entry, coderId: 'u-x', kind: 'add', after: { ...entry.after!, id: 'k-other' } });
    b.codebookChanges!.push({ ...entry, id: 'ch-3', kind: 'delete', before: null });
    b.codebookChanges!.push({ ...entry, id: 'ch-4', before: null, after: null, at: 'yesterday' });
    expect(problemsOf(b)).toEqual([
      'codebookChanges[1] (id "ch-1") id: duplicate id (also used by codebookChanges[0] (id "ch-1"))',
      'codebookChanges[1] (id "ch-1") coderId: unknown coder "u-x"',
      'codebookChanges[1] (id "ch-1") before: must be null for an added code',
      'codebookChanges[1] (id "ch-1") after.id: is "k-other", not the entry\'s codeId "k-derail"',
      'codebookChanges[2] (id "ch-3") after: must be null for a deleted code',
      'codebookChanges[3] (id "ch-4") at: expected an ISO 8601 UTC time such as "2024-05-01T12:00:00Z"',
    ]);
  });

  it('reports a change-log entry with neither before nor after', () => {
    const b = exampleBundleJson();
    Object.assign(b.codebookChanges![0]!, { before: null, after: null });
    expect(problemsOf(b)).toEqual(['codebookChanges[0] (id "ch-1") after: before and after are both null: a change records at least one of them']);
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

  it('reads a missing change log or version list as empty, but refuses one that is not an array', () => {
    const b = exampleBundleJson() as Record<string, unknown>;
    delete b.codebookChanges;
    delete b.codebookVersions;
    const result = validateBundle(b);
    expect(result.ok && [result.value.codebookChanges, result.value.codebookVersions]).toEqual([[], []]);
    expect(problemsOf({ ...b, codebookVersions: {} })).toEqual(['bundle codebookVersions: expected an array, got an object']);
  });
});

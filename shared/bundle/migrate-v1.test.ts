import { describe, expect, it } from 'vitest';

import { exampleBundle, exampleBundleJson } from './fixtures.test-helpers';
import { migrateBundleV1 } from './migrate-v1';
import { formatProblem, validateBundle } from './validate';

/** The example bundle as version 1 wrote it: one description per code, no codebook history. */
function exampleV1(): Record<string, unknown> {
  const b = exampleBundleJson() as Record<string, unknown>;
  delete (b as Record<string, unknown>).journal;
  delete b.codebookVersions;
  b.formatVersion = 1;
  b.codes = exampleBundle().codes.map(({ id, name, parentId, color, definition, order }) => ({ id, name, parentId, color, description: definition, order }));
  return b;
}

describe('migrateBundleV1', () => {
  it('renames description to definition and fills every other structured field with its default', () => {
    const v2 = migrateBundleV1(exampleV1());
    expect(v2.formatVersion).toBe(2);
    expect((v2.codes as unknown[])[1]).toEqual({
      id: 'k-equiv',
      name: 'False equivalence',
      parentId: 'k-fallacy',
      color: '#cc3366',
      order: 0,
      definition: 'False equivalence.',
      inclusion: '',
      exclusion: '',
      examples: [],
      exemplarCodingIds: [],
      shortcut: null,
      codable: true,
      retired: false,
    });
    expect(v2.codebookChanges).toEqual([]);
    expect(v2.codebookVersions).toEqual([]);
  });

  it('gives each code its own arrays and leaves the input untouched', () => {
    const v1 = exampleV1();
    const copy = structuredClone(v1);
    const codes = migrateBundleV1(v1).codes as Array<{ examples: string[] }>;
    codes[0]!.examples.push('x');
    expect(codes[1]!.examples).toEqual([]);
    expect(v1).toEqual(copy);
  });

  it('leaves what is not a v1 code for validation to report', () => {
    const v1 = exampleV1();
    v1.codes = ['not a code', { id: 'k-1', name: 'No description', parentId: null, color: '#000000', order: 0 }];
    v1.codings = [];
    const problems = validateBundle(v1);
    expect(problems.ok ? [] : problems.error.map(formatProblem)).toEqual([
      'codes[0]: expected an object, got "not a code"',
      'codes[1] (id "k-1") definition: missing (expected a string)',
    ]);
  });
});

describe('reading a version 1 bundle', () => {
  it('validates it as version 3 with an empty history', () => {
    const result = validateBundle(exampleV1());
    expect(result.ok, result.ok ? '' : result.error.map(formatProblem).join('\n')).toBe(true);
    if (!result.ok) return;
    expect(result.value.formatVersion).toBe(3);
    expect(result.value.codes.map((c) => [c.id, c.definition, c.shortcut, c.codable])).toEqual([
      ['k-fallacy', 'Fallacy.', null, true],
      ['k-equiv', 'False equivalence.', null, true],
      ['k-derail', 'Derailing.', null, true],
    ]);
    expect(result.value.journal).toEqual([]);
    expect(result.value.codebookVersions).toEqual([]);
    expect(result.value.codings).toEqual(exampleBundle().codings);
  });

  it('reports an unknown field of a v1 code, named as in version 2', () => {
    const v1 = exampleV1();
    Object.assign((v1.codes as object[])[0]!, { colour: 'red' });
    const result = validateBundle(v1);
    expect(result.ok ? [] : result.error.map(formatProblem)).toEqual(['codes[0] (id "k-fallacy") colour: unknown field (not part of bundle format version 3)']);
  });
});

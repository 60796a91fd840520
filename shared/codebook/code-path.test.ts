import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '../model/records';
import { codePath, sortCodesAsTree } from './code-path';

const code = (id: string, name: string, parentId: string | null, order = 0): Code => ({
  id,
  name,
  parentId,
  order,
  color: '#336699',
  ...EMPTY_CODE_FIELDS,
});

const codebook: Code[] = [
  code('fallacy', 'Fallacy', null, 1),
  code('equiv', 'False equivalence', 'fallacy', 1),
  code('whatabout', 'Whataboutism', 'equiv', 0),
  code('derail', 'Derailing', null, 0),
  code('ad-hom', 'Ad hominem', 'fallacy', 0),
];

describe('codePath', () => {
  it('joins ancestor names from the root down', () => {
    expect(codePath(codebook, 'whatabout')).toBe('Fallacy > False equivalence > Whataboutism');
    expect(codePath(codebook, 'derail')).toBe('Derailing');
  });

  it('accepts a map as well as an array', () => {
    const map = new Map(codebook.map((c) => [c.id, c]));
    expect(codePath(map, 'equiv')).toBe('Fallacy > False equivalence');
  });

  it('returns an empty string for an unknown id', () => {
    expect(codePath(codebook, 'nope')).toBe('');
  });

  it('stops at an unknown parent', () => {
    expect(codePath([code('orphan', 'Orphan', 'gone')], 'orphan')).toBe('Orphan');
  });

  it('terminates on a parent cycle', () => {
    const cyclic = [code('a', 'A', 'b'), code('b', 'B', 'a'), code('self', 'Self', 'self')];
    expect(codePath(cyclic, 'a')).toBe('B > A');
    expect(codePath(cyclic, 'self')).toBe('Self');
  });
});

describe('sortCodesAsTree', () => {
  it('walks depth first, siblings by order then name', () => {
    const rows = sortCodesAsTree(codebook).map((r) => `${r.depth}:${r.code.id}`);
    expect(rows).toEqual(['0:derail', '0:fallacy', '1:ad-hom', '1:equiv', '2:whatabout']);
  });

  it('breaks order ties by name, numbers compared numerically', () => {
    const rows = sortCodesAsTree([code('b', 'Code 10', null), code('a', 'code 9', null), code('c', 'Apple', null)]);
    expect(rows.map((r) => r.code.name)).toEqual(['Apple', 'code 9', 'Code 10']);
  });

  it('lists orphans as roots and cycle members once each', () => {
    const rows = sortCodesAsTree([code('a', 'A', 'b'), code('b', 'B', 'a'), code('o', 'Orphan', 'gone')]);
    expect(rows.map((r) => `${r.depth}:${r.code.id}`)).toEqual(['0:o', '0:a', '1:b']);
  });
});

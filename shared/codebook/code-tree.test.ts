import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { codesInTreeOrder, subtreeIds } from './code-tree';

const code = (id: string, parentId: string | null, order: number): Code => ({
  id,
  name: id,
  parentId,
  color: '#000000',
  ...EMPTY_CODE_FIELDS,
  order,
});

describe('code tree', () => {
  it('walks pre-order with siblings by order, then id', () => {
    const codes = [code('b', null, 1), code('a2', 'a', 0), code('a', null, 0), code('a1', 'a', 0), code('a1x', 'a1', 0)];
    expect(codesInTreeOrder(codes).map((c) => c.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b']);
  });

  it('never drops orphans or codes caught in a cycle', () => {
    const codes = [code('root', null, 0), code('orphan', 'gone', 0), code('x', 'y', 0), code('y', 'x', 0)];
    expect(codesInTreeOrder(codes).map((c) => c.id)).toEqual(['orphan', 'root', 'x', 'y']);
  });

  it('collects a subtree even through a cycle', () => {
    const codes = [code('a', null, 0), code('b', 'a', 0), code('c', 'b', 0), code('d', null, 1)];
    expect(subtreeIds(codes, 'a')).toEqual(['a', 'b', 'c']);
    expect(subtreeIds([code('x', 'y', 0), code('y', 'x', 0)], 'x')).toEqual(['x', 'y']);
  });
});

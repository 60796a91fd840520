import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { visibleRows } from './code-tree-rows';
import { dropDestination, dropIntoItself, dropZone } from './drop-target';

const code = (id: string, parentId: string | null, order: number): Code => ({
  ...EMPTY_CODE_FIELDS,
  id,
  name: id,
  parentId,
  order,
  color: '#000000',
  examples: [],
  exemplarCodingIds: [],
});

// a (a1, a2), b, c
const codes = [code('a', null, 0), code('a1', 'a', 0), code('a2', 'a', 1), code('b', null, 1), code('c', null, 2)];
const rows = visibleRows(codes, new Set(), '');
const row = (id: string) => rows.find((r) => r.code.id === id)!;

describe('dropZone', () => {
  it('splits a row into before (top quarter), inside and after (bottom quarter)', () => {
    expect(dropZone(2, 40)).toBe('before');
    expect(dropZone(20, 40)).toBe('inside');
    expect(dropZone(35, 40)).toBe('after');
  });
});

describe('dropDestination', () => {
  it('nests a code dropped on another as its last child', () => {
    expect(dropDestination(codes, 'c', row('a'), 'inside')).toEqual({ parentId: 'a', index: 2 });
    expect(dropDestination(codes, 'a2', row('a'), 'inside')).toEqual({ parentId: 'a', index: 1 });
  });

  it('reorders among siblings, counting positions without the dragged code', () => {
    expect(dropDestination(codes, 'c', row('b'), 'before')).toEqual({ parentId: null, index: 1 });
    expect(dropDestination(codes, 'a', row('c'), 'after')).toEqual({ parentId: null, index: 2 });
    expect(dropDestination(codes, 'b', row('a1'), 'after')).toEqual({ parentId: 'a', index: 1 });
  });

  it('just below an open parent makes the code its first child; below a closed one, its next sibling', () => {
    expect(dropDestination(codes, 'c', row('a'), 'after')).toEqual({ parentId: 'a', index: 0 });
    const closed = visibleRows(codes, new Set(['a']), '');
    expect(dropDestination(codes, 'c', closed[0]!, 'after')).toEqual({ parentId: null, index: 1 });
  });
});

describe('dropIntoItself', () => {
  it('tells a drop inside the dragged code or its sub-codes from an allowed one', () => {
    expect(dropIntoItself(codes, 'a', row('a1'), 'inside')).toBe(true);
    expect(dropIntoItself(codes, 'a', row('a'), 'inside')).toBe(true);
    expect(dropIntoItself(codes, 'a', row('a2'), 'before')).toBe(true);
    expect(dropIntoItself(codes, 'a', row('b'), 'inside')).toBe(false);
    expect(dropIntoItself(codes, 'a1', row('b'), 'after')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { type AgreementInput, codingLayers, intervalsIn, layerOf, postsRatedByAll } from './coding-layers';

const input: AgreementInput = {
  posts: [
    { id: 'p1', length: 10 },
    { id: 'p2', length: 5, ratedBy: ['ana'] },
  ],
  codes: [],
  coders: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
  ],
  codings: [
    { postId: 'p1', codeId: 'k', coderId: 'ana', start: 4, end: 8 },
    { postId: 'p1', codeId: 'k', coderId: 'ana', start: 0, end: 5 },
    { postId: 'p1', codeId: 'k', coderId: 'ana', start: 8, end: 9 },
    { postId: 'p2', codeId: 'k', coderId: 'ana', start: 3, end: 99 },
    { postId: 'gone', codeId: 'k', coderId: 'ana', start: 0, end: 3 },
    { postId: 'p1', codeId: 'k', coderId: 'ben', start: 6, end: 6 },
  ],
};

describe('codingLayers', () => {
  const layers = codingLayers(input);

  it('groups by code, coder and post, merging overlaps but not touching codings', () => {
    expect(intervalsIn(layerOf(layers, 'k', 'ana'), 'p1')).toEqual([
      { start: 0, end: 8 },
      { start: 8, end: 9 },
    ]);
  });

  it('clamps to the post and ignores unknown posts and empty codings', () => {
    expect(intervalsIn(layerOf(layers, 'k', 'ana'), 'p2')).toEqual([{ start: 3, end: 5 }]);
    expect([...layerOf(layers, 'k', 'ana').keys()]).toEqual(['p1', 'p2']);
    expect(layerOf(layers, 'k', 'ben').size).toBe(0);
    expect(layerOf(layers, 'nope', 'ana').size).toBe(0);
  });
});

describe('postsRatedByAll', () => {
  it('keeps posts every given coder rated, in input order', () => {
    expect(postsRatedByAll(input, ['ana', 'ben']).map((p) => p.id)).toEqual(['p1']);
    expect(postsRatedByAll(input, ['ana']).map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});

import { describe, expect, it } from 'vitest';

import type { AgreementInput } from './coding-layers';
import { postCodeUnitData, postUnitData } from './post-unit';

const input: AgreementInput = {
  posts: [
    { id: 'p1', length: 10 },
    { id: 'p2', length: 10 },
    { id: 'p3', length: 10, ratedBy: ['ana'] },
  ],
  codes: [],
  coders: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
  ],
  codings: [
    { postId: 'p1', codeId: 'x', coderId: 'ana', start: 0, end: 2 },
    { postId: 'p1', codeId: 'x', coderId: 'ben', start: 5, end: 9 },
    { postId: 'p2', codeId: 'x', coderId: 'ben', start: 0, end: 1 },
    { postId: 'p3', codeId: 'y', coderId: 'ana', start: 0, end: 1 },
  ],
};

describe('postUnitData', () => {
  it('makes each post a unit valued 1 when the coder applied the code anywhere in it', () => {
    expect(postUnitData(input, 'x', ['ana', 'ben'])).toEqual({
      units: ['p1', 'p2'],
      coders: ['Ana', 'Ben'],
      values: [
        [1, 1],
        [0, 1],
      ],
    });
  });

  it('leaves out a post fewer than two of the coders had: it is no unit of agreement', () => {
    const three = { ...input, coders: [...input.coders, { id: 'cy', name: 'Cy' }], posts: [...input.posts, { id: 'p4', length: 5, ratedBy: ['ana', 'cy'] }] };
    expect(postUnitData(three, 'x', ['ana', 'ben']).units).toEqual(['p1', 'p2']);
    expect(postUnitData(three, 'x', ['ana', 'ben', 'cy']).units).toEqual(['p1', 'p2', 'p4']);
    expect(postUnitData(three, 'x', ['ana', 'ben', 'cy']).values.at(-1)).toEqual([0, null, 0]);
  });
});

describe('postCodeUnitData', () => {
  it('makes every (post, code) pair a unit', () => {
    const data = postCodeUnitData(input, ['x', 'y'], ['ben', 'ana']);
    expect(data.units).toEqual(['p1|x', 'p1|y', 'p2|x', 'p2|y']);
    expect(data.coders).toEqual(['Ben', 'Ana']);
    expect(data.values).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
      [0, 0],
    ]);
  });
});

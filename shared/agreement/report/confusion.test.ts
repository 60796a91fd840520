import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS } from '../../model/records';
import type { AgreementInput } from '../units/coding-layers';
import { codebookOrder, codeConfusion, codesAt, postCodeIndex } from './confusion';

const code = (id: string, name: string, order: number) => ({ id, name, parentId: null, color: '#ff0000', ...EMPTY_CODE_FIELDS, order });

/**
 * A worked example. Codes X, Y, Z; Ada (a) and Ben (b).
 *   p1  a: X      b: X
 *   p2  a: X      b: Y
 *   p3  a: X, Z   b: Y, Z
 *   p4  a: X      b: —
 *   p5  a: X      (Ben never had p5: not compared)
 *   p6  a: —      b: X
 *   p7  a: Y      b: Y      (an empty coding of X by Ada does not count)
 */
const input: AgreementInput = {
  posts: [
    { id: 'p1', length: 50 },
    { id: 'p2', length: 50 },
    { id: 'p3', length: 50 },
    { id: 'p4', length: 50 },
    { id: 'p5', length: 50, ratedBy: ['a'] },
    { id: 'p6', length: 50 },
    { id: 'p7', length: 50 },
  ],
  codes: [code('z', 'Z', 2), code('x', 'X', 0), code('y', 'Y', 1)],
  coders: [
    { id: 'a', name: 'Ada' },
    { id: 'b', name: 'Ben' },
  ],
  codings: [
    ['p1', 'x', 'a'],
    ['p1', 'x', 'b'],
    ['p2', 'x', 'a'],
    ['p2', 'y', 'b'],
    ['p3', 'x', 'a'],
    ['p3', 'z', 'a'],
    ['p3', 'y', 'b'],
    ['p3', 'z', 'b'],
    ['p4', 'x', 'a'],
    ['p5', 'x', 'a'],
    ['p6', 'x', 'b'],
    ['p7', 'y', 'a'],
    ['p7', 'y', 'b'],
  ]
    .map(([postId, codeId, coderId]) => ({ postId: postId!, codeId: codeId!, coderId: coderId!, start: 0, end: 10 }))
    .concat([{ postId: 'p7', codeId: 'x', coderId: 'a', start: 60, end: 70 }]),
};

describe('code confusion', () => {
  it('counts what the other coder applied where one applied the code, over the posts both had', () => {
    const confusion = codeConfusion(input, 'x', 'a', 'b');
    expect(confusion.compared).toBe(6);
    const [adaUsedX, benUsedX] = confusion.directions;
    // Ada applied X in p1–p4 (p5 is not compared): Ben applied Y in two, X in one, Z in one, nothing in p4.
    expect(adaUsedX).toEqual({
      coderId: 'a',
      otherId: 'b',
      posts: 4,
      used: [
        { codeId: 'y', posts: 2 },
        { codeId: 'x', posts: 1 },
        { codeId: 'z', posts: 1 },
      ],
      nothing: 1,
    });
    // Ben applied X in p1 and p6: Ada applied X in p1 and nothing in p6.
    expect(benUsedX).toEqual({ coderId: 'b', otherId: 'a', posts: 2, used: [{ codeId: 'x', posts: 1 }], nothing: 1 });
  });

  it('says which codes a coder applied in a post, in codebook order', () => {
    const index = postCodeIndex(input);
    const order = codebookOrder(input);
    expect(order).toEqual(['x', 'y', 'z']);
    expect(codesAt(index, order, 'b', 'p3')).toEqual(['y', 'z']);
    expect(codesAt(index, order, 'a', 'p7')).toEqual(['y']);
    expect(codesAt(index, order, 'b', 'p4')).toEqual([]);
  });

  it('works either way round, and gives empty counts where nobody applied the code', () => {
    const confusion = codeConfusion(input, 'z', 'b', 'a');
    expect(confusion.directions[0]).toEqual({ coderId: 'b', otherId: 'a', posts: 1, used: [{ codeId: 'x', posts: 1 }, { codeId: 'z', posts: 1 }], nothing: 0 });
    expect(codeConfusion({ ...input, codings: [] }, 'x', 'a', 'b').directions[0]).toMatchObject({ posts: 0, used: [], nothing: 0 });
  });
});

import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import type { AgreementInput } from '../units/coding-layers';
import { domainValueCodes } from './domains';
import { unitizedForCode, unitizedForDomain } from './unitized-agreement';
import { unitizingAlphas } from './unitizing-alpha';

const code = (id: string, parentId: string | null, order = 0): Code => ({ id, name: id.toUpperCase(), parentId, color: '#336699', ...EMPTY_CODE_FIELDS, order });

const codes: Code[] = [code('move', null), code('attack', 'move', 1), code('concede', 'move', 0), code('tactic', 'move', 2), code('bait', 'tactic')];

const input: AgreementInput = {
  posts: [
    { id: 'p1', length: 10 },
    { id: 'p2', length: 8 },
    { id: 'p3', length: 6, ratedBy: ['a'] },
  ],
  codes,
  coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  codings: [
    { postId: 'p1', codeId: 'attack', coderId: 'a', start: 0, end: 4 },
    { postId: 'p1', codeId: 'attack', coderId: 'b', start: 2, end: 6 },
    { postId: 'p2', codeId: 'concede', coderId: 'a', start: 1, end: 5 },
    { postId: 'p2', codeId: 'attack', coderId: 'b', start: 0, end: 3 },
    { postId: 'p3', codeId: 'attack', coderId: 'a', start: 0, end: 6 },
  ],
};

describe('domainValueCodes', () => {
  it('takes the codable children in codebook order, leaving out categories', () => {
    expect(domainValueCodes(codes, 'move').map((c) => c.id)).toEqual(['concede', 'attack']);
    expect(domainValueCodes(codes, 'attack')).toEqual([]);
  });
});

describe('unitizedForCode', () => {
  it('lays the posts both coders rated end to end, shifting offsets by the lengths before', () => {
    // p3 was not rated by B, so the continuum is p1 + p2 = 18 characters.
    const expected = unitizingAlphas(
      {
        length: 18,
        units: [[{ start: 0, end: 4, value: 0 }], [{ start: 2, end: 6, value: 0 }, { start: 10, end: 13, value: 0 }]],
      },
      1,
    );
    const r = unitizedForCode(input, 'attack', ['a', 'b']);
    expect(r.u_alpha).toBe(expected.u_alpha);
    expect(r.u_alpha_binary).toBe(r.u_alpha);
  });

  it('does not depend on the order of the posts', () => {
    const reordered = { ...input, posts: [...input.posts].reverse() };
    expect(unitizedForCode(reordered, 'attack', ['a', 'b']).u_alpha).toBeCloseTo(unitizedForCode(input, 'attack', ['a', 'b']).u_alpha!, 12);
  });

  it('is 1 for identical layers', () => {
    const same = { ...input, codings: input.codings.filter((c) => c.coderId === 'a').flatMap((c) => [c, { ...c, coderId: 'b' }]) };
    const r = unitizedForCode(same, 'attack', ['a', 'b']);
    expect([r.u_alpha, r.u_alpha_binary]).toEqual([1, 1]);
  });
});

describe('unitizedForDomain', () => {
  it('takes the children as the values of one variable', () => {
    const r = unitizedForDomain(input, 'move', ['a', 'b']);
    expect(r.undefined).toEqual({});
    // In p2 A says "concede" where B says "attack": the coded units meet with different values.
    expect(r.cu_alpha!).toBeLessThan(1);
  });

  it('refuses overlapping values from one coder, naming them', () => {
    const overlapping = { ...input, codings: [...input.codings, { postId: 'p1', codeId: 'concede', coderId: 'b', start: 5, end: 8 }] };
    const r = unitizedForDomain(overlapping, 'move', ['a', 'b']);
    expect(r.u_alpha).toBeNull();
    expect(r.undefined.cu_alpha).toBe('B coded "MOVE > ATTACK" and "MOVE > CONCEDE" over the same characters in post p1: the values of a domain must not overlap');
  });

  it('is undefined for a code without codable children', () => {
    expect(unitizedForDomain(input, 'bait', ['a', 'b']).undefined.u_alpha).toMatch(/no codable child/);
  });
});

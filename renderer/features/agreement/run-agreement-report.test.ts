import { describe, expect, it } from 'vitest';

import type { AgreementInput } from '@shared/agreement/units/coding-layers';
import { EMPTY_CODE_FIELDS } from '@shared/model/records';

import { runAgreementReport } from './run-agreement-report';

const input: AgreementInput = {
  posts: Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, length: 30 })),
  codes: [{ id: 'k', name: 'Derailing', parentId: null, color: '#ff0000', ...EMPTY_CODE_FIELDS, order: 0 }],
  coders: [
    { id: 'a', name: 'Ada' },
    { id: 'b', name: 'Ben' },
  ],
  // Both code p0–p5; Ada also codes p6. Ben never codes p6–p11.
  codings: [
    ...[0, 1, 2, 3, 4, 5, 6].map((i) => ({ postId: `p${i}`, codeId: 'k', coderId: 'a', start: 0, end: 10 })),
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ postId: `p${i}`, codeId: 'k', coderId: 'b', start: 0, end: 10 })),
  ],
};

describe('runAgreementReport', () => {
  it('gives post-unit coefficients per code with a reproducible bootstrap interval for α', () => {
    const request = { input, unit: 'post' as const, codes: [], coders: ['Ada', 'Ben'], bootstrapSamples: 200, seed: 7 };
    const first = runAgreementReport(request);
    const again = runAgreementReport(request);
    if (!first.ok) throw new Error(first.error);
    const alpha = first.value.find((r) => r.code === 'Derailing' && r.metric === 'alpha_nominal');
    // 12 posts, one disagreement (p6): percent agreement 11/12.
    expect(first.value.find((r) => r.code === 'Derailing' && r.metric === 'percent_agreement')?.value).toBeCloseTo(11 / 12, 12);
    expect(alpha?.n).toBe(12);
    expect(alpha?.interval).not.toBeNull();
    expect(alpha?.interval?.low).toBeLessThanOrEqual(alpha?.value ?? NaN);
    expect(again).toEqual(first);
  });

  it('shows no interval where the bootstrap cannot give one, and says why', () => {
    const few: AgreementInput = { ...input, posts: input.posts.slice(4, 8) };
    const unused: AgreementInput = {
      ...input,
      codes: [...input.codes, { ...input.codes[0]!, id: 'q', name: 'Questions', order: 1 }],
    };
    const alphaOf = (data: AgreementInput, code: string) => {
      const result = runAgreementReport({ input: data, unit: 'post', codes: [], coders: ['Ada', 'Ben'], bootstrapSamples: 200, seed: 7 });
      if (!result.ok) throw new Error(result.error);
      return result.value.find((r) => r.code === code && r.metric === 'alpha_nominal');
    };
    // Four posts (p4–p7, one disagreement): too few to resample.
    expect(alphaOf(few, 'Derailing')).toMatchObject({ interval: null, intervalNote: expect.stringMatching(/4 pairable units are too few/) });
    // Nobody used the code: α is undefined, and so is its interval.
    expect(alphaOf(unused, 'Questions')).toMatchObject({
      value: null,
      reason: expect.stringMatching(/^no variation/),
      interval: null,
      intervalNote: 'No interval: α is not defined.',
    });
    // The row over all codes gets its interval too.
    expect(alphaOf(input, 'All selected codes')?.interval).not.toBeNull();
  });

  it('names an unknown coder instead of computing nonsense', () => {
    const result = runAgreementReport({ input, unit: 'char', codes: [], coders: ['Ada', 'Zoe'], bootstrapSamples: 0, seed: 1 });
    expect(result.ok).toBe(false);
  });
});

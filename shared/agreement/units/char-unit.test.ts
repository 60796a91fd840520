import { describe, expect, it } from 'vitest';

import { charAgreement, charComparison } from './char-unit';
import type { AgreementInput } from './coding-layers';
import nvivo from './fixtures/nvivo-1000chars.json';
import { sampleInput, type SpanSample } from './span-sample.test-helpers';

const sample = nvivo as unknown as SpanSample & { expected: Array<{ path: string; value: number; tol: number }> };
const expected = (path: string): { value: number; tol: number } => {
  const row = sample.expected.find((e) => e.path === path);
  if (!row) throw new Error(`no expected value ${path}`);
  return row;
};

describe("NVivo's coding comparison example (NVivo 12/14 help, 'Run a Coding Comparison query')", () => {
  // 1,000 characters: 50 coded by both, 150 by one only, 800 by neither → agreement 85 %.
  // Copied from ../shared/samples/agreement/nvivo_1000chars.json into fixtures/.
  const result = charComparison(sampleInput(sample), 'Node', 'A', 'B');

  it('gives the published 85 % agreement', () => {
    const { value, tol } = expected('char_kappa.Node.A|B.pooled.percent_agreement');
    expect(Math.abs(result.pooled.percent_agreement! - value)).toBeLessThanOrEqual(tol);
    expect(result.table).toEqual({ both: 50, onlyA: 100, onlyB: 50, neither: 800 });
    expect(result.pooled.n_chars).toBe(1000);
  });

  it("gives κ by NVivo's documented formula (TA − ΣEF)/(TU − ΣEF) = (850 − 780)/(1000 − 780)", () => {
    const { value, tol } = expected('char_kappa.Node.A|B.pooled.kappa');
    expect(Math.abs(result.pooled.kappa! - value)).toBeLessThanOrEqual(tol);
    expect(result.pooled.kappa).toBe(70 / 220);
  });
});

/** Deterministic generator so a failing case reproduces. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomInput(seed: number): AgreementInput {
  const rand = lcg(seed);
  const posts = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, length: 5 + Math.floor(rand() * 30) }));
  const codings = [];
  for (const coderId of ['a', 'b']) {
    for (let n = 0; n < 10; n++) {
      const post = posts[Math.floor(rand() * posts.length)]!;
      const start = Math.floor(rand() * post.length);
      codings.push({ postId: post.id, codeId: 'k', coderId, start, end: start + 1 + Math.floor(rand() * 8) });
    }
  }
  return { posts, codes: [], coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], codings };
}

/** The definition, one character at a time (only for tests: the code never builds such arrays). */
function bruteForceKappa(input: AgreementInput): { kappa: number; percent: number } {
  let n = 0;
  let agree = 0;
  let a1 = 0;
  let b1 = 0;
  for (const post of input.posts) {
    const mark = (coder: string): boolean[] => {
      const out = new Array<boolean>(post.length).fill(false);
      for (const c of input.codings) {
        if (c.postId !== post.id || c.coderId !== coder) continue;
        for (let x = c.start; x < Math.min(c.end, post.length); x++) out[x] = true;
      }
      return out;
    };
    const a = mark('a');
    const b = mark('b');
    for (let x = 0; x < post.length; x++) {
      n++;
      if (a[x] === b[x]) agree++;
      if (a[x]) a1++;
      if (b[x]) b1++;
    }
  }
  const po = agree / n;
  const pe = (a1 / n) * (b1 / n) + (1 - a1 / n) * (1 - b1 / n);
  return { kappa: (po - pe) / (1 - pe), percent: po };
}

describe('charComparison', () => {
  it('equals Cohen κ over characters counted one by one', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomInput(seed);
      const ours = charComparison(input, 'k', 'a', 'b').pooled;
      const brute = bruteForceKappa(input);
      expect(ours.kappa).toBeCloseTo(brute.kappa, 12);
      expect(ours.percent_agreement).toBeCloseTo(brute.percent, 12);
    }
  });

  it('is 1 for identical layers', () => {
    const input = randomInput(3);
    const mirrored = { ...input, codings: input.codings.filter((c) => c.coderId === 'a').flatMap((c) => [c, { ...c, coderId: 'b' }]) };
    const r = charComparison(mirrored, 'k', 'a', 'b').pooled;
    expect(r.kappa).toBe(1);
    expect(r.percent_agreement).toBe(1);
  });

  it('does not change when the posts are reordered', () => {
    const input = randomInput(11);
    const reversed = { ...input, posts: [...input.posts].reverse() };
    expect(charComparison(reversed, 'k', 'a', 'b').pooled).toEqual(charComparison(input, 'k', 'a', 'b').pooled);
  });

  it('reports each post when asked, and pools the tables rather than averaging them', () => {
    const input: AgreementInput = {
      posts: [
        { id: 'p1', length: 10 },
        { id: 'p2', length: 30 },
        { id: 'p3', length: 7, ratedBy: ['a'] },
      ],
      codes: [],
      coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      codings: [
        { postId: 'p1', codeId: 'k', coderId: 'a', start: 0, end: 5 },
        { postId: 'p1', codeId: 'k', coderId: 'b', start: 0, end: 5 },
        { postId: 'p2', codeId: 'k', coderId: 'a', start: 0, end: 10 },
        { postId: 'p3', codeId: 'k', coderId: 'a', start: 0, end: 7 },
      ],
    };
    const r = charComparison(input, 'k', 'a', 'b', { perPost: true });
    expect(r.posts.map((p) => p.postId)).toEqual(['p1', 'p2']);
    expect(r.posts[0]!.agreement.kappa).toBe(1);
    expect(r.posts[1]!.table).toEqual({ both: 0, onlyA: 10, onlyB: 0, neither: 20 });
    expect(r.posts[1]!.agreement.kappa).toBe(0);
    expect(r.table).toEqual({ both: 5, onlyA: 10, onlyB: 0, neither: 25 });
    expect(r.pooled.n_chars).toBe(40);
  });
});

describe('charAgreement', () => {
  it('leaves κ undefined, with the reason, when neither coder coded anything', () => {
    const r = charAgreement({ both: 0, onlyA: 0, onlyB: 0, neither: 12 });
    expect(r).toEqual({ kappa: null, percent_agreement: 1, n_chars: 12, undefined: { kappa: 'neither coder applied the code to these characters' } });
  });

  it('leaves both undefined when there is nothing to compare', () => {
    const r = charAgreement({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });
    expect(r.kappa).toBeNull();
    expect(r.percent_agreement).toBeNull();
    expect(r.undefined.percent_agreement).toMatch(/no characters/);
  });
});

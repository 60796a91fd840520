import { describe, expect, it } from 'vitest';

import { sampleInput, type SpanSample } from '../units/span-sample.test-helpers';
import type { Continuum } from './continuum';
import fig1211 from './fixtures/krippendorff2019-fig12-11.json';
import { unitizedForDomain } from './unitized-agreement';
import { unitizingAlphas, unitizingSums } from './unitizing-alpha';

const book = fig1211 as unknown as SpanSample & { expected: Array<{ path: string; value: number; tol: number }> };
const published = (path: string): { value: number; tol: number } => {
  const row = book.expected.find((e) => e.path === path);
  if (!row) throw new Error(`no expected value ${path}`);
  return row;
};

describe('Krippendorff (2019), Content Analysis 4th ed., Fig. 12.11 (p. 340): three observers unitize a continuum of 60', () => {
  // Segment table as transcribed by the CRAN package quallmer (tests/testthat/test-alpha_u.R);
  // copied from ../shared/samples/agreement/krippendorff2019_fig12_11.json into fixtures/.
  const input = sampleInput(book);
  const coders = book.coders;
  const result = unitizedForDomain(input, 'all', coders);

  it('gives the published uα = .510', () => {
    const { value, tol } = published('ualpha.domains.all.u_alpha');
    expect(Math.abs(result.u_alpha! - value)).toBeLessThanOrEqual(tol);
  });

  it('gives the published |uα = .413 (direct computation .41360; the book rounds intermediates)', () => {
    const { value, tol } = published('ualpha.domains.all.u_alpha_binary');
    expect(Math.abs(result.u_alpha_binary! - value)).toBeLessThanOrEqual(tol);
    expect(result.u_alpha_binary).toBeCloseTo(0.4136, 4);
  });

  it('gives the published cuα = .724', () => {
    const { value, tol } = published('ualpha.domains.all.cu_alpha');
    expect(Math.abs(result.cu_alpha! - value)).toBeLessThanOrEqual(tol);
    expect(result.undefined).toEqual({});
  });

  it('builds the coincidences counted by hand from the segment table', () => {
    // Values are indexed in domain order "1".."7"; lengths below are read off the table.
    const units = coders.map((coder) =>
      book.spans
        .filter((s) => s[1] === coder)
        .map(([, , code, start, end]) => ({ start, end, value: Number(code) - 1 })),
    );
    const s = unitizingSums({ length: 60, units }, 7);
    const l = (c: number, k: number): number => s.observed[(c - 1) * 7 + (k - 1)]!;
    // All three agree on "1" over 7 characters: 3·2 ordered pairs · 7 / (m − 1) = 21.
    expect(l(1, 1)).toBe(21);
    // "2", "3", "4" meet pairwise over 6 characters: 6 / 2 = 3 per ordered pair of values.
    expect([l(2, 3), l(3, 2), l(2, 4), l(4, 3), l(2, 2)]).toEqual([3, 3, 3, 3, 0]);
    // Paul and Suzan agree on "5" over 8 characters; the three agree on "6" over 12.
    expect(l(5, 5)).toBe(8);
    expect(l(6, 6)).toBe(36);
    expect(Array.from(s.valueMargins)).toEqual([21, 6, 6, 6, 18, 36, 16]);
    expect(s.gapMargin).toBe(180 - 109);
    expect(s.gapGap).toBe(45);
    // Touching units of "6" stay separate: Alex 5² + 7², Paul 12², Suzan 5² + 4² + 3².
    expect(s.squaredLengths[5]).toBe(25 + 49 + 144 + 25 + 16 + 9);
    // Pairable lengths of "5": Alex's meets nothing, Paul's and Suzan's meet each other's over 8,
    // so each counts 8 / (m − 1) = 4.
    expect(s.pairable[4]).toBe(8);
    expect(s.pairableSquared[4]).toBe(32);
  });
});

describe('unitizingAlphas, small cases worked by hand', () => {
  it('one value, two coders: uα = |uα = 31/120', () => {
    // L = 10, A codes [0,4), B codes [2,6). l_cc = 4, l_c· = 8, l_∅· = 12, l_∅∅ = 8, l_·· = 20;
    // S = 4² + 4² + 12 = 44; D_o = 8; D_e = 20 (400 − 64 − 144) / 356; uα = 1 − 8·356/3840.
    const continuum: Continuum = { length: 10, units: [[{ start: 0, end: 4, value: 0 }], [{ start: 2, end: 6, value: 0 }]] };
    const r = unitizingAlphas(continuum, 1);
    expect(r.u_alpha).toBeCloseTo(31 / 120, 12);
    expect(r.u_alpha_binary).toBeCloseTo(31 / 120, 12);
    expect(r.cu_alpha).toBeNull();
    expect(r.undefined.cu_alpha).toMatch(/one value/);
  });

  it('two values without gaps: uα = cuα = 167/240 and |uα undefined', () => {
    // A: x [0,5), y [5,10); B: x [0,3), y [3,10). l*: xx 6, xy 2, yx 2, yy 10; margins 8, 12;
    // P = (5² + 3²) + (5² + 7²) = 108; D_e = 20 (400 − 64 − 144) / 292; cuα = 1 − 4·292/3840.
    const continuum: Continuum = {
      length: 10,
      units: [
        [{ start: 0, end: 5, value: 0 }, { start: 5, end: 10, value: 1 }],
        [{ start: 0, end: 3, value: 0 }, { start: 3, end: 10, value: 1 }],
      ],
    };
    const r = unitizingAlphas(continuum, 2);
    expect(r.cu_alpha).toBeCloseTo(167 / 240, 12);
    expect(r.u_alpha).toBeCloseTo(167 / 240, 12);
    expect(r.u_alpha_binary).toBeNull();
    expect(r.undefined.u_alpha_binary).toMatch(/no gaps/);
  });

  it('is 1 for identical unitizations and null when nothing is coded', () => {
    const same = [{ start: 2, end: 5, value: 0 }, { start: 7, end: 9, value: 1 }];
    const r = unitizingAlphas({ length: 12, units: [same, same, same] }, 2);
    expect([r.u_alpha, r.u_alpha_binary, r.cu_alpha]).toEqual([1, 1, 1]);
    const empty = unitizingAlphas({ length: 12, units: [[], []] }, 1);
    expect(empty.u_alpha).toBeNull();
    expect(empty.undefined.u_alpha).toMatch(/no coder coded anything/);
  });

  it('keeps touching units apart: merging the two touching "6" units of Alex would give .511, not the published .510', () => {
    const merged = {
      ...book,
      spans: book.spans
        .filter((s) => !(s[1] === 'Alex' && s[2] === '6'))
        .concat([['d', 'Alex', '6', 32, 44]]) as SpanSample['spans'],
    };
    expect(unitizedForDomain(sampleInput(merged), 'all', book.coders).u_alpha).toBeCloseTo(0.5111, 4);
  });

  it('counts observed disagreement by characters: splitting a unit alone is no disagreement', () => {
    // The 2016 revision takes D_o from intersection lengths, so boundaries inside one value only
    // move the expected disagreement; with D_o = 0 uα is 1 either way.
    const whole = [{ start: 0, end: 10, value: 0 }];
    const split = [{ start: 0, end: 5, value: 0 }, { start: 5, end: 10, value: 0 }];
    expect(unitizingAlphas({ length: 20, units: [whole, split] }, 1).u_alpha).toBe(1);
  });

  it('does not depend on the order of the coders', () => {
    const units = [
      [{ start: 0, end: 4, value: 0 }, { start: 9, end: 15, value: 1 }],
      [{ start: 1, end: 6, value: 0 }, { start: 10, end: 12, value: 0 }],
      [{ start: 2, end: 3, value: 1 }, { start: 11, end: 18, value: 1 }],
    ];
    const a = unitizingAlphas({ length: 20, units }, 2);
    const b = unitizingAlphas({ length: 20, units: [units[2]!, units[0]!, units[1]!] }, 2);
    expect(b.u_alpha).toBeCloseTo(a.u_alpha!, 12);
    expect(b.u_alpha_binary).toBeCloseTo(a.u_alpha_binary!, 12);
    expect(b.cu_alpha).toBeCloseTo(a.cu_alpha!, 12);
  });

  it('needs two coders', () => {
    expect(unitizingAlphas({ length: 5, units: [[]] }, 1).undefined.u_alpha).toMatch(/two coders/);
  });
});

import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS } from '../../model/records';
import fig1211 from '../unitized/fixtures/krippendorff2019-fig12-11.json';
import { agreementReport } from './agreement-report';
import type { AgreementInput } from './coding-layers';
import nvivo from './fixtures/nvivo-1000chars.json';
import { sampleInput, type SpanSample } from './span-sample.test-helpers';

type Sample = SpanSample & { expected: Array<{ path: string; value: number; tol: number }> };
const book = fig1211 as unknown as Sample;
const nvivoSample = nvivo as unknown as Sample;
const published = (sample: Sample, path: string): number => sample.expected.find((e) => e.path === path)!.value;

const input: AgreementInput = {
  posts: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, length: 20 })),
  codes: [
    { id: 'f', name: 'Fallacy', parentId: null, color: '#336699', ...EMPTY_CODE_FIELDS, order: 0 },
    { id: 'h', name: 'Ad hominem', parentId: 'f', color: '#336699', ...EMPTY_CODE_FIELDS, order: 0 },
    { id: 's', name: 'Straw man', parentId: 'f', color: '#336699', ...EMPTY_CODE_FIELDS, order: 1 },
  ],
  coders: [{ id: 'u1', name: 'Ana' }, { id: 'u2', name: 'Ben' }],
  codings: [
    // Ad hominem: Ana codes p1 and p4, Ben p1, p2 and p4 → per post [1,1], [0,1], [0,0], [1,1].
    { postId: 'p1', codeId: 'h', coderId: 'u1', start: 0, end: 10 },
    { postId: 'p1', codeId: 'h', coderId: 'u2', start: 0, end: 10 },
    { postId: 'p2', codeId: 'h', coderId: 'u2', start: 3, end: 6 },
    { postId: 'p4', codeId: 'h', coderId: 'u1', start: 10, end: 20 },
    { postId: 'p4', codeId: 'h', coderId: 'u2', start: 12, end: 20 },
    { postId: 'p3', codeId: 's', coderId: 'u1', start: 0, end: 5 },
  ],
};

describe('agreementReport', () => {
  it('char: {"unit": "char", "codes": {CODE: {"A|B": {kappa, percent_agreement, n_chars}}}} on NVivo’s 85 % example', () => {
    const r = agreementReport(sampleInput(nvivoSample), { unit: 'char' });
    expect(r.ok && r.value).toEqual({
      unit: 'char',
      codes: { Node: { 'A|B': { kappa: published(nvivoSample, 'char_kappa.Node.A|B.pooled.kappa'), percent_agreement: 0.85, n_chars: 1000, undefined: {} } } },
    });
  });

  it('unitized: Krippendorff (2019) Fig. 12.11 values under domains, per-code uα under codes', () => {
    const r = agreementReport(sampleInput(book), { unit: 'unitized', coders: book.coders });
    if (!r.ok || r.value.unit !== 'unitized') throw new Error('expected a unitized report');
    const all = r.value.domains.all!;
    expect(all.u_alpha!).toBeCloseTo(published(book, 'ualpha.domains.all.u_alpha'), 3);
    expect(Math.abs(all.u_alpha_binary! - published(book, 'ualpha.domains.all.u_alpha_binary'))).toBeLessThan(0.001);
    expect(all.cu_alpha!).toBeCloseTo(published(book, 'ualpha.domains.all.cu_alpha'), 3);
    expect(Object.keys(r.value.codes)).toEqual(['all > 1', 'all > 2', 'all > 3', 'all > 4', 'all > 5', 'all > 6', 'all > 7']);
    expect(Object.keys(r.value.codes['all > 1']!)).toEqual(['u_alpha', 'u_alpha_binary', 'undefined']);
    expect(r.value.codes['all > 1']!.u_alpha).toBe(1);
  });

  it('span: per code and micro-averaged, the first coder listed being the reference', () => {
    const r = agreementReport(input, { unit: 'span', codes: ['Fallacy > Ad hominem'], coders: ['Ben', 'Ana'] });
    if (!r.ok || r.value.unit !== 'span') throw new Error('expected a span report');
    const pair = r.value.codes['Fallacy > Ad hominem']!['Ben|Ana']!;
    expect(pair.exact).toEqual({ precision: 1 / 2, recall: 1 / 3, f1: 0.4 });
    expect(pair.overlap_any).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8 });
    expect(pair.overlap_1to1).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8 });
    expect(r.value.micro['Ben|Ana']).toEqual(pair);
  });

  it('post: every coefficient per code, and over all codes with (post, code) units', () => {
    const r = agreementReport(input, { unit: 'post', codes: ['Ad hominem', 'Straw man'] });
    if (!r.ok || r.value.unit !== 'post') throw new Error('expected a post report');
    const hom = r.value.codes['Fallacy > Ad hominem']!;
    expect(hom.n_units).toBe(4);
    expect(hom.percent_agreement).toBe(0.75);
    // p_o = .75, p_e = .5·.75 + .5·.25 = .5 → κ = .5.
    expect(hom.cohen_kappa).toBeCloseTo(0.5, 12);
    expect(r.value.all_codes.n_units).toBe(8);
    expect(r.value.all_codes.percent_agreement).toBe(6 / 8);
  });

  it('lists every leaf code and every domain when no code is named', () => {
    const r = agreementReport(input, { unit: 'unitized' });
    if (!r.ok || r.value.unit !== 'unitized') throw new Error('expected a unitized report');
    expect(Object.keys(r.value.codes)).toEqual(['Fallacy > Ad hominem', 'Fallacy > Straw man']);
    expect(Object.keys(r.value.domains)).toEqual(['Fallacy']);
  });

  it('serialises to the JSON the CLI prints', () => {
    const r = agreementReport(input, { unit: 'char', codes: ['Fallacy > Straw man'] });
    expect(JSON.parse(JSON.stringify(r.ok && r.value))).toEqual({
      unit: 'char',
      codes: { 'Fallacy > Straw man': { 'Ana|Ben': { kappa: 0, percent_agreement: 75 / 80, n_chars: 80, undefined: {} } } },
    });
  });

  it('explains what it cannot resolve', () => {
    expect(agreementReport(input, { unit: 'char', codes: ['Nope'] })).toEqual({ ok: false, error: 'Unknown code "Nope".' });
    expect(agreementReport(input, { unit: 'char', coders: ['Ana'] })).toEqual({ ok: false, error: 'Agreement needs at least two coders.' });
    expect(agreementReport(input, { unit: 'char', coders: ['Ana', 'Zoe'] })).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown coder "Zoe"/) });
  });
});

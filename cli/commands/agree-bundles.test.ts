import { agreementReport } from '@shared/agreement/units/agreement-report';
import { matchPosts } from '@shared/agreement/units/match-posts';
import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { EMPTY_CODE_FIELDS, type Code, type Post } from '@shared/model/records';
import { sliceCodePoints } from '@shared/text/offsets';
import { describe, expect, it } from 'vitest';

import { COMMAND_USAGE } from '../help';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const T0 = '2024-05-01T12:00:00.000Z';

const post = (id: string, text: string, platformId: string | null = null): Post => ({
  id,
  threadId: 't',
  parentId: null,
  author: 'someone',
  createdAt: null,
  text,
  platform: platformId === null ? 'text' : 'reddit',
  platformId,
  url: null,
  meta: {},
});

const CODES: Code[] = [
  { id: 'k-claim', name: 'Claim', parentId: null, color: '#336699', ...EMPTY_CODE_FIELDS, order: 0 },
  { id: 'k-fal', name: 'Fallacy', parentId: null, color: '#993333', ...EMPTY_CODE_FIELDS, order: 1 },
  { id: 'k-hom', name: 'Ad hominem', parentId: 'k-fal', color: '#993333', ...EMPTY_CODE_FIELDS, order: 0 },
  { id: 'k-straw', name: 'Straw man', parentId: 'k-fal', color: '#993333', ...EMPTY_CODE_FIELDS, order: 1 },
];

/** One coder's bundle; codings are [postId, codeId, start, end] and get their quote from the text. */
function coderBundle(coder: string, posts: Post[], codings: Array<[string, string, number, number]>): string {
  const bundle: Bundle = {
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: T0,
    app: { name: 'Threadmark', version: '0.1.0' },
    project: { id: 'proj', name: 'Study', createdAt: T0 },
    threads: [{ id: 't', title: 'T', platform: 'reddit', rootPostId: posts[0]!.id, importedAt: T0, source: 'x' }],
    posts: posts.map((p, i) => (i === 0 ? p : { ...p, parentId: posts[0]!.id })),
    codes: CODES,
    coders: [{ id: `u-${coder}`, name: coder }],
    codings: codings.map(([postId, codeId, start, end], i) => ({
      id: `${coder}-${i}`,
      postId,
      codeId,
      coderId: `u-${coder}`,
      start,
      end,
      quote: sliceCodePoints(posts.find((p) => p.id === postId)!.text, start, end),
      memo: '',
      createdAt: T0,
      updatedAt: T0,
    })),
  };
  return serializeBundle(bundle);
}

// p1 "Taxes are too high!!" (20) and p2 "I disagree" (10) are compared; Ben's copy of p2 was
// re-imported under another id and is matched by (reddit, rd_2); p3 was edited and is skipped
// (if it counted, Ada's Claim on it would change every number below).
const ADA = coderBundle('Ada', [post('p1', 'Taxes are too high!!'), post('p2', 'I disagree', 'rd_2'), post('p3', 'Original text')], [
  ['p1', 'k-claim', 0, 10],
  ['p2', 'k-claim', 0, 10],
  ['p1', 'k-hom', 10, 20],
  ['p3', 'k-claim', 0, 8],
]);
const BEN = coderBundle('Ben', [post('p1', 'Taxes are too high!!'), post('q2', 'I disagree', 'rd_2'), post('p3', 'Edited text')], [
  ['p1', 'k-claim', 5, 15],
  ['q2', 'k-claim', 0, 10],
]);
const FILES = { 'a.json': ADA, 'b.json': BEN };
const WARNING = "threadmark: warning: post p3 differs between a.json and b.json: not compared for that file's coders\n";

async function agree(argv: string[], files: Record<string, string> = FILES) {
  const m = memoryIo(files);
  const code = await run(['agree', ...argv], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

async function agreeJson(argv: string[]) {
  const result = await agree([...argv, '--json']);
  expect(result.code).toBe(0);
  return { ...result, printed: JSON.parse(result.stdout) as Record<string, unknown> };
}

/** Every key path of a JSON value, in printed order: checks key order, not just the keys. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [`${prefix}${key}`, ...keyPaths(v, `${prefix}${key}.`)]);
}

describe('threadmark agree <bundle...> --unit char', () => {
  it('pools κ and percent agreement over the compared posts (hand-computed)', async () => {
    const { printed, stderr } = await agreeJson(['a.json', 'b.json', '--unit', 'char', '--code', 'Claim']);
    // n = 20 + 10 = 30 characters. Ada codes 20, Ben 20, both 5 (p1 [5,10)) + 10 (p2) = 15, so
    // neither = 30 − 20 − 20 + 15 = 5. p_o = (15 + 5)/30 = 2/3; n²·p_e = 20·20 + 10·10 = 500;
    // κ = (30·20 − 500)/(900 − 500) = 0.25.
    expect(printed).toEqual({
      unit: 'char',
      codes: { Claim: { 'Ada|Ben': { kappa: 0.25, percent_agreement: 2 / 3, n_chars: 30, undefined: {} } } },
    });
    expect(stderr).toBe(WARNING);
  });

  it('matches a post by (platform, platformId) when its id differs', async () => {
    // Without the match Ben's q2 would be a post Ada never saw and p2 one Ben never saw: only p1
    // (20 characters) would be compared.
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit', 'char', '--code', 'Claim']);
    expect((printed.codes as Record<string, Record<string, { n_chars: number }>>).Claim!['Ada|Ben']!.n_chars).toBe(30);
  });

  it('prints the JSON shape of the issue: every selected code, pairs in --coders order, numbers unrounded', async () => {
    const { printed, stdout } = await agreeJson(['a.json', 'b.json', '--unit', 'char', '--coders', 'Ben,Ada']);
    expect(keyPaths(printed)).toEqual([
      'unit',
      'codes',
      'codes.Claim',
      'codes.Claim.Ben|Ada',
      'codes.Claim.Ben|Ada.kappa',
      'codes.Claim.Ben|Ada.percent_agreement',
      'codes.Claim.Ben|Ada.n_chars',
      'codes.Claim.Ben|Ada.undefined',
      'codes.Fallacy > Ad hominem',
      'codes.Fallacy > Ad hominem.Ben|Ada',
      'codes.Fallacy > Ad hominem.Ben|Ada.kappa',
      'codes.Fallacy > Ad hominem.Ben|Ada.percent_agreement',
      'codes.Fallacy > Ad hominem.Ben|Ada.n_chars',
      'codes.Fallacy > Ad hominem.Ben|Ada.undefined',
      'codes.Fallacy > Straw man',
      'codes.Fallacy > Straw man.Ben|Ada',
      'codes.Fallacy > Straw man.Ben|Ada.kappa',
      'codes.Fallacy > Straw man.Ben|Ada.percent_agreement',
      'codes.Fallacy > Straw man.Ben|Ada.n_chars',
      'codes.Fallacy > Straw man.Ben|Ada.undefined',
      'codes.Fallacy > Straw man.Ben|Ada.undefined.kappa',
    ]);
    expect(stdout).toContain('"percent_agreement": 0.6666666666666666');
    // Ad hominem: Ada 10 of 30 characters, Ben none: p_o = 20/30 and κ = 0 (agreement at chance).
    expect(printed.codes).toMatchObject({
      'Fallacy > Ad hominem': { 'Ben|Ada': { kappa: 0, percent_agreement: 2 / 3 } },
      'Fallacy > Straw man': { 'Ben|Ada': { kappa: null, percent_agreement: 1, undefined: { kappa: 'neither coder applied the code to these characters' } } },
    });
  });

  it('prints a readable table by default, undefined values with their reason', async () => {
    const { code, stdout, stderr } = await agree(['a.json', 'b.json', '--unit', 'char']);
    expect(code).toBe(0);
    expect(stderr).toBe(WARNING);
    expect(stdout).toBe(
      [
        'Character agreement (every character a unit, pooled over posts): 2 posts compared (1 left out for some coders: text differs between bundles); coders Ada, Ben',
        '',
        'code                  pair             kappa  percent_agreement  n_chars',
        'Claim                 Ada|Ben          0.250              0.667       30',
        'Fallacy > Ad hominem  Ada|Ben          0.000              0.667       30',
        'Fallacy > Straw man   Ada|Ben  undefined [1]              1.000       30',
        '',
        '[1] neither coder applied the code to these characters',
        '',
      ].join('\n'),
    );
  });
});

describe('threadmark agree <bundle...> --unit span', () => {
  it('scores F1 with the first coder as reference, per code and micro-averaged (hand-computed)', async () => {
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit', 'span', '--code', 'Claim', '--code', 'Fallacy > Ad hominem']);
    const f = (precision: number | null, recall: number | null, f1: number | null) => ({ precision, recall, f1 });
    expect(printed).toEqual({
      unit: 'span',
      codes: {
        // Claim: Ada p1 [0,10), p2 [0,10); Ben p1 [5,15), p2 [0,10). One exact match (p2); both
        // of each coder's spans overlap one of the other's, one to one.
        Claim: { 'Ada|Ben': { exact: f(0.5, 0.5, 0.5), overlap_any: f(1, 1, 1), overlap_1to1: f(1, 1, 1) } },
        // Ad hominem: one span of Ada's, none of Ben's: recall 0, precision undefined, F1 0.
        'Fallacy > Ad hominem': { 'Ada|Ben': { exact: f(null, 0, 0), overlap_any: f(null, 0, 0), overlap_1to1: f(null, 0, 0) } },
      },
      // Counts added over codes: A = 3 spans, B = 2. Exact: R = 1/3, P = 1/2, F1 = 0.4;
      // overlaps: R = 2/3, P = 1, F1 = 0.8.
      micro: { 'Ada|Ben': { exact: f(0.5, 1 / 3, expect.closeTo(0.4, 12)), overlap_any: f(1, 2 / 3, 0.8), overlap_1to1: f(1, 2 / 3, 0.8) } },
    });
  });

  it('swaps precision and recall when --coders puts the other coder first', async () => {
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit', 'span', '--code', 'Ad hominem', '--coders', 'Ben,Ada']);
    expect(printed.micro).toEqual({ 'Ben|Ada': { exact: { precision: 0, recall: null, f1: 0 }, overlap_any: { precision: 0, recall: null, f1: 0 }, overlap_1to1: { precision: 0, recall: null, f1: 0 } } });
  });

  it('prints a table with the micro-average, undefined values as – with their rule', async () => {
    const { stdout } = await agree(['a.json', 'b.json', '--unit', 'span', '--code', 'Claim', '--code', 'Ad hominem']);
    expect(stdout.split('\n').slice(2)).toEqual([
      'code                  pair     exact P      R     F1  any overlap P      R     F1  1:1 overlap P      R     F1',
      'Claim                 Ada|Ben    0.500  0.500  0.500          1.000  1.000  1.000          1.000  1.000  1.000',
      'Fallacy > Ad hominem  Ada|Ben        –  0.000  0.000              –  0.000  0.000              –  0.000  0.000',
      '(micro-average)       Ada|Ben    0.500  0.333  0.400          1.000  0.667  0.800          1.000  0.667  0.800',
      '',
      '– undefined: precision when the second coder of the pair has no spans, recall when the first has none, F1 when neither has any',
      '',
    ]);
  });
});

describe('threadmark agree <bundle...> --unit unitized', () => {
  it('gives u-alpha per code and per domain, with cu-alpha only for domains', async () => {
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit', 'unitized']);
    expect(keyPaths(printed).filter((k) => k.split('.').length <= 3)).toEqual([
      'unit',
      'codes',
      'codes.Claim',
      'codes.Claim.u_alpha',
      'codes.Claim.u_alpha_binary',
      'codes.Claim.undefined',
      'codes.Fallacy > Ad hominem',
      'codes.Fallacy > Ad hominem.u_alpha',
      'codes.Fallacy > Ad hominem.u_alpha_binary',
      'codes.Fallacy > Ad hominem.undefined',
      'codes.Fallacy > Straw man',
      'codes.Fallacy > Straw man.u_alpha',
      'codes.Fallacy > Straw man.u_alpha_binary',
      'codes.Fallacy > Straw man.undefined',
      'domains',
      'domains.Fallacy',
      'domains.Fallacy.u_alpha',
      'domains.Fallacy.u_alpha_binary',
      'domains.Fallacy.cu_alpha',
      'domains.Fallacy.undefined',
    ]);
    const codes = printed.codes as Record<string, { u_alpha: number; u_alpha_binary: number }>;
    // Continuum L = 30, m = 2, Claim units Ada [0,10) [20,30), Ben [5,15) [20,30):
    // l_cc = 2·15 = 30, l_c· = 40, l_∅· = 20, l_∅∅ = 10, Σ|S|² = 400.
    // D_o = 60 − 40 = 20, D_e = 60(3600 − 2000)/(3600 − 420), uα = 1 − 20·3180/96000 = 0.3375.
    expect(codes.Claim!.u_alpha).toBeCloseTo(0.3375, 12);
    expect(codes.Claim!.u_alpha_binary).toBeCloseTo(0.3375, 12);
    const fallacy = (printed.domains as Record<string, { u_alpha: number; cu_alpha: null; undefined: Record<string, string> }>).Fallacy!;
    // Only Ada codes Ad hominem [10,20): D_o = 20, D_e = 60(3600 − 2600)/(3600 − 150), uα = −0.15.
    expect(fallacy.u_alpha).toBeCloseTo(-0.15, 12);
    expect(fallacy.cu_alpha).toBeNull();
    expect(fallacy.undefined).toEqual({ cu_alpha: 'no coded units of different coders intersect' });
  });

  it('prints the codes and the domains as tables, undefined values with their reason', async () => {
    const { stdout } = await agree(['a.json', 'b.json', '--unit', 'unitized', '--code', 'Claim', '--code', 'Straw man', '--code', 'Fallacy']);
    expect(stdout.split('\n').slice(2)).toEqual([
      'code                       u_alpha  u_alpha_binary',
      'Claim                        0.338           0.338',
      'Fallacy > Straw man  undefined [1]   undefined [1]',
      'Fallacy              undefined [1]   undefined [1]',
      '',
      'Domains (the codable children of a parent code as its values):',
      'domain   u_alpha  u_alpha_binary       cu_alpha',
      'Fallacy   -0.150          -0.150  undefined [2]',
      '',
      '[1] no coder coded anything in the compared posts',
      '[2] no coded units of different coders intersect',
      '',
    ]);
  });
});

describe('threadmark agree <bundle...> --unit post', () => {
  it('reports every coefficient per code and over all codes, as the library computes them', async () => {
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit', 'post']);
    expect(Object.keys(printed)).toEqual(['unit', 'codes', 'all_codes']);
    expect(Object.keys(printed.codes as object)).toEqual(['Claim', 'Fallacy > Ad hominem', 'Fallacy > Straw man']);
    expect(Object.keys(printed.all_codes as object)).toEqual([
      'n_units',
      'n_coders',
      'n_pairable_units',
      'percent_agreement',
      'pairwise_agreement',
      'cohen_kappa',
      'fleiss_kappa',
      'brennan_prediger',
      'gwet_ac1',
      'alpha_nominal',
      'alpha_ordinal',
      'alpha_interval',
      'alpha_ratio',
      'undefined',
    ]);
    // 2 posts × 3 codes; they disagree on one (p1, Ad hominem).
    expect(printed.all_codes).toMatchObject({ n_units: 6, n_coders: 2, percent_agreement: 5 / 6 });
    // The same files through the independent matcher give the same report.
    const a = JSON.parse(ADA) as Bundle;
    const b = JSON.parse(BEN) as Bundle;
    const { input } = matchPosts([
      { name: 'a.json', bundle: a },
      { name: 'b.json', bundle: b },
    ]);
    const expected = agreementReport(input, { unit: 'post' });
    if (!expected.ok) throw new Error(expected.error);
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected.value)));
  });

  it('prints one block per code', async () => {
    const { stdout } = await agree(['a.json', 'b.json', '--unit', 'post', '--code', 'Claim']);
    expect(stdout).toContain('\nClaim: 2 units, 2 coders, 2 pairable units\n  percent_agreement   1.000\n');
    expect(stdout).toMatch(/\n {2}alpha_nominal {7}undefined: .+\n/);
    expect(stdout).toContain('\nAll codes (every post × code a unit): 2 units, 2 coders, 2 pairable units\n');
  });
});

describe('threadmark agree <bundle...>: errors', () => {
  it('names every invalid bundle and exits 1 before comparing anything', async () => {
    const broken = BEN.replace('"coderId": "u-Ben"', '"coderId": "u-nobody"');
    const { code, stdout, stderr } = await agree(['a.json', 'b.json', 'missing.json', '--unit', 'char'], { 'a.json': ADA, 'b.json': broken });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'b.json: codings[0] (id "Ben-0") coderId: unknown coder "u-nobody"\n' + 'threadmark: cannot read missing.json: no such file or directory\n',
    );
  });

  it.each([
    [['--code', 'Nope'], 'Unknown code "Nope".'],
    [['--coders', 'Ada,Cy'], 'Unknown coder "Cy". Coders: Ada, Ben.'],
    [['--coders', 'Ada'], 'Agreement needs at least two coders.'],
  ])('%j is an error (exit 1)', async (extra, message) => {
    const { code, stdout, stderr } = await agree(['a.json', 'b.json', '--unit', 'char', ...extra]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${WARNING}threadmark: ${message}\n`);
  });

  it('needs two coders across the bundles', async () => {
    const { code, stderr } = await agree(['a.json', '--unit', 'span']);
    expect(code).toBe(1);
    expect(stderr).toBe('threadmark: Agreement needs at least two coders.\n');
  });

  it.each([
    [['a.json', 'b.json'], 'missing --unit (one of: post, char, span, unitized, relation)'],
    [['a.json', 'b.json', '--unit', 'word'], 'unknown unit "word" (one of: post, char, span, unitized, relation)'],
    [['--unit', 'char'], 'missing <bundle...> (or --units <file.csv>)'],
    [['a.json', '--unit', 'char', '--code'], 'option --code needs a value'],
    [['a.json', '--unit', 'char', '--code='], 'option --code needs a value'],
    [['a.json', '--unit', 'char', '--coders', 'Ada,,Ben'], '--coders needs comma-separated coder names (got "Ada,,Ben")'],
    [['a.json', '--unit', 'char', '--unit', 'span'], 'option --unit given twice'],
    [['a.json', '--unit', 'char', '--bootstrap', '10'], 'unknown option --bootstrap'],
  ])('%j is a usage error: %s', async (argv, reason) => {
    const { code, stdout, stderr } = await agree(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`threadmark: ${reason}\n${COMMAND_USAGE.agree}`);
  });

  it('accepts --code=NAME and --coders with spaces after the commas', async () => {
    const { printed } = await agreeJson(['a.json', 'b.json', '--unit=char', '--code=Claim', '--coders', 'Ada, Ben']);
    expect(Object.keys(printed.codes as object)).toEqual(['Claim']);
  });

  it('lists the bundle form in agree --help', async () => {
    const { stdout } = await agree(['--help']);
    expect(stdout).toContain('threadmark agree <bundle...> --unit post|char|span|unitized|relation [--code NAME]... [--coders A,B] [--json]\n');
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { randomProject } from './segments-fixture.test-helpers';
import { resolveCodePath } from './resolve-code-path';
import { retrieveSegments } from './retrieve-segments';
import type { SegmentRow } from './segment-row';
import { SEGMENTS_CSV_HEADER, segmentsCsv } from './segments-csv';
import { segmentsHtml } from './segments-html';
import { CODES } from './segments-fixture.test-helpers';

const row = (extra: Partial<SegmentRow> = {}): SegmentRow => ({
  codingId: 'k-1',
  postId: 'p-1',
  threadId: 't-1',
  threadTitle: 'Is it "fair"?',
  author: 'ana',
  platform: 'reddit',
  postCreatedAt: '2025-02-01T10:00:00.000Z',
  url: null,
  codeId: 'c-a',
  codePath: 'Fallacy > Ad hominem',
  matchedCodePaths: ['Derailing', 'Irony'],
  coderId: 'coder-ada',
  coderName: 'Ada',
  memo: '=HYPERLINK("x")',
  quote: 'you <b>never</b>',
  start: 4,
  end: 20,
  before: 'Why ',
  after: ',\nsaid & done',
  clippedBefore: false,
  clippedAfter: true,
  ...extra,
});

describe('segmentsCsv', () => {
  it('writes one row per segment, in order, that reads back cell for cell', async () => {
    const { store } = randomProject(5);
    const result = await store.read((r) => retrieveSegments(r, { codeId: 'c-fallacy', includeSubcodes: true }, { limit: 10_000 }));
    if (!result.ok) throw new Error(result.error.message);
    const records = parse(segmentsCsv(result.value.rows)) as string[][];
    expect(records[0]).toEqual([...SEGMENTS_CSV_HEADER]);
    expect(records).toHaveLength(result.value.total + 1);
    const rows = result.value.rows;
    expect(records.slice(1).map((r) => [r[0], r[8], r[11], r[12], r[14]])).toEqual(rows.map((r) => [r.codingId, r.codePath, String(r.start), String(r.end), r.quote]));
  });

  it('keeps formulas as text only when asked to be spreadsheet-safe', () => {
    const raw = parse(segmentsCsv([row()])) as string[][];
    const safe = parse(segmentsCsv([row()], { spreadsheetSafe: true })) as string[][];
    const memo = SEGMENTS_CSV_HEADER.indexOf('memo');
    expect(raw[1]![memo]).toBe('=HYPERLINK("x")');
    expect(safe[1]![memo]).toBe('\'=HYPERLINK("x")');
    expect(raw[1]![SEGMENTS_CSV_HEADER.indexOf('matched_codes')]).toBe('Derailing | Irony');
    expect(raw[1]![SEGMENTS_CSV_HEADER.indexOf('after')]).toBe(',\nsaid & done');
  });
});

describe('segmentsHtml', () => {
  it('escapes every piece of project text and highlights the quote in its context', () => {
    const html = segmentsHtml([row({ memo: 'see <script>alert(1)</script>' })], { projectName: 'P & Q', description: 'Fallacy > Ad hominem', generatedAt: '2026-01-02T03:04:05.000Z', filters: ['coder: <Ada>'] });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<mark>you &lt;b&gt;never&lt;/b&gt;</mark>');
    expect(html).toContain('Why <mark>');
    expect(html).toContain(',\nsaid &amp; done…</blockquote>');
    expect(html).toContain('<title>Segments: Fallacy &gt; Ad hominem</title>');
    expect(html).toContain('Memo:</span> see &lt;script&gt;');
    expect(html).toContain('coded by Ada');
    expect(html).toContain('Filtered by coder: &lt;Ada&gt;');
    expect(html).toContain('P &amp; Q · 1 segment ·');
    expect(html.match(/<li>/g)).toHaveLength(1);
  });

  it('says when nothing matched', () => {
    expect(segmentsHtml([], { projectName: 'P', description: 'X', generatedAt: '2026-01-02T03:04:05.000Z' })).toContain('No segment matches this query.');
  });
});

describe('resolveCodePath', () => {
  it('finds a code by its path from the root, typed with or without spaces, or by id', () => {
    expect(resolveCodePath(CODES, 'Fallacy > Ad hominem > Tu quoque')).toEqual({ ok: true, value: 'c-tuq' });
    expect(resolveCodePath(CODES, 'Fallacy>Strawman')).toEqual({ ok: true, value: 'c-straw' });
    expect(resolveCodePath(CODES, 'c-irony')).toEqual({ ok: true, value: 'c-irony' });
  });

  it('says a path that names no code does not exist', () => {
    expect(resolveCodePath(CODES, 'Strawman')).toEqual({ ok: false, error: { field: 'code', message: 'code path "Strawman" does not exist' } });
    expect(resolveCodePath(CODES, 'Fallacy > Nope', 'and')).toEqual({ ok: false, error: { field: 'and', message: 'code path "Fallacy > Nope" does not exist' } });
    expect(resolveCodePath(CODES, '  ')).toEqual({ ok: false, error: { field: 'code', message: 'no code path given' } });
  });
});

describe('isSegmentQuery', () => {
  it('accepts what a matrix cell sends and refuses what is not a query', async () => {
    const { isSegmentQuery } = await import('./segment-query-guard');
    expect(isSegmentQuery({ codeId: 'c-a', includeSubcodes: true, month: '2025-02', platforms: ['reddit'] })).toBe(true);
    expect(isSegmentQuery({ codeId: 'c-a', includeSubcodes: false, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false, within: 3 } })).toBe(true);
    expect(isSegmentQuery({ codeId: 'c-a', includeSubcodes: false, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false } })).toBe(false);
    expect(isSegmentQuery({ codeId: 'c-a', includeSubcodes: false, combine: { kind: 'xor', codeId: 'c-b', includeSubcodes: false } })).toBe(false);
    expect(isSegmentQuery({ codeId: 'c-a', includeSubcodes: false, authors: 'ana' })).toBe(false);
    expect(isSegmentQuery({ codeId: 3, includeSubcodes: false })).toBe(false);
    expect(isSegmentQuery(null)).toBe(false);
  });
});

describe('describeSegmentFilters', () => {
  it('names coders and threads, lists the other filters as given, and is empty without filters', async () => {
    const { describeSegmentFilters } = await import('./describe-segment-filters');
    const names = { coderNames: new Map([['coder-ada', 'Ada']]), threadTitles: new Map([['t-1', 'First']]) };
    expect(describeSegmentFilters({ codeId: 'c', includeSubcodes: false }, names)).toEqual([]);
    expect(describeSegmentFilters({ codeId: 'c', includeSubcodes: false, coderIds: ['coder-ada', 'x'], threadIds: ['t-1'], authors: ['bo'], platforms: ['reddit'], from: '2025-01-01', month: '2025-02' }, names)).toEqual([
      'coder: Ada, x',
      'thread: First',
      'author: bo',
      'platform: reddit',
      'from 2025-01-01',
      'month: 2025-02',
    ]);
  });
});

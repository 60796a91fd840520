import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { codingOn, exampleBundle, OTHER_TEXT, REPLY_TEXT } from '../bundle/fixtures.test-helpers';
import { CODED_SEGMENTS_HEADER, codedSegmentsCsv } from './coded-segments-csv';

/** The first thirteen columns, in place since the first release; later ones are appended after them. */
const HEADER = 'coding_id,thread_id,post_id,parent_id,author,created_at,code_id,code,coder,start,end,quote,memo';
const APPENDED = 'thread_title,platform,platform_id,url,coding_created_at,coding_updated_at,codebook_version,codebook_version_id,exemplar';

function parseCsv(csv: string): string[][] {
  // Strict: CRLF only, so a bare LF outside quotes would show up as a broken record.
  return parse(csv, { record_delimiter: '\r\n', relax_column_count: false, bom: false }) as string[][];
}

describe('codedSegmentsCsv', () => {
  const csv = codedSegmentsCsv(exampleBundle());
  const [header, ...rows] = parseCsv(csv);
  const byId = new Map(rows.map((r) => [r[0], r]));

  it('starts with the exact header, without BOM, and ends every record with CRLF', () => {
    expect(csv.startsWith(`${HEADER},${APPENDED}\r\n`)).toBe(true);
    expect(header).toEqual([...CODED_SEGMENTS_HEADER]);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(5);
  });

  it('orders rows by thread, post, start, end, then code path', () => {
    expect(rows.map((r) => r[0])).toEqual(['c-emoji', 'c-whole', 'c-family', 'c-mark', 'c-formula']);
  });

  it('appends thread title, platform, platform id, URL, coding times, codebook version and exemplar flag', () => {
    const b = exampleBundle();
    b.codes[1]!.exemplarCodingIds = ['c-family'];
    // An exemplar id listed under another code does not make the coding an exemplar of its own code.
    b.codes[2]!.exemplarCodingIds = ['c-formula'];
    b.codings = b.codings.map((c) => (c.id === 'c-family' ? { ...c, codebookVersionId: 'v-1', updatedAt: '2024-06-02T08:00:00.000Z' } : c));
    const parsed = new Map(parseCsv(codedSegmentsCsv(b)).slice(1).map((r) => [r[0], r.slice(13)]));
    expect(parsed.get('c-family')).toEqual([
      'Vaccines', 'reddit', 'rd_p-2', 'https://example.org/p-2', '2024-05-01T12:00:00.000Z', '2024-06-02T08:00:00.000Z', 'v1, sent to coders 12 March', 'v-1', 'true',
    ]);
    expect(parsed.get('c-formula')).toEqual(['Links', 'mastodon', 'rd_p-3', '', '2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z', '', '', 'false']);
  });

  it('breaks ties on the same span by code path', () => {
    const b = exampleBundle();
    b.codings = [
      codingOn(REPLY_TEXT, 'z-1', 'p-2', 'k-equiv', 'u-ana', 21, 26),
      codingOn(REPLY_TEXT, 'z-2', 'p-2', 'k-derail', 'u-ana', 21, 26),
      codingOn(REPLY_TEXT, 'z-3', 'p-2', 'k-fallacy', 'u-ana', 21, 26),
    ];
    const order = parseCsv(codedSegmentsCsv(b)).slice(1).map((r) => r[7]);
    expect(order).toEqual(['Derailing', 'Fallacy', 'Fallacy > False equivalence']);
  });

  it('writes exact fields: code path, coder name, code point offsets, empty for null', () => {
    expect(byId.get('c-emoji')?.slice(0, 13)).toEqual([
      'c-emoji', 't-1', 'p-1', '', 'user-p-1', '', 'k-fallacy', 'Fallacy', 'Ana', '33', '34', '😀', '',
    ]);
    expect(byId.get('c-family')?.slice(0, 13)).toEqual([
      'c-family', 't-1', 'p-2', 'p-1', 'user-p-2', '2024-05-01T12:00:00.000Z', 'k-equiv', 'Fallacy > False equivalence',
      'Ben, "B" 👩‍👩‍👧', '21', '26', '👩‍👩‍👧', 'memo, with "quotes"\nand a line',
    ]);
    expect(byId.get('c-whole')?.[11]).toBe(REPLY_TEXT); // commas, quotes, a newline, ZWJ, combining mark
    expect(byId.get('c-mark')?.[11]).toBe('q\u0301');
  });

  it('quotes fields with commas, quotes and line breaks per RFC 4180', () => {
    expect(csv).toContain('"Ben, ""B"" 👩‍👩‍👧"');
    expect(csv).toContain('"memo, with ""quotes""\nand a line"');
  });

  it('leaves formula-like cells untouched in raw mode', () => {
    expect(byId.get('c-formula')?.slice(4, 13)).toEqual([
      '-dash', '2024-05-01T12:00:00.000Z', 'k-equiv', 'Fallacy > False equivalence', 'Ana', '0', '22', '=HYPERLINK("http://x")', '+1 agreed',
    ]);
  });

  it('prefixes formula-like cells with a quote and quotes them in spreadsheet-safe mode', () => {
    const b = exampleBundle();
    b.coders[0]!.name = '@ana';
    b.codings.push(codingOn(OTHER_TEXT, 'c-tab', 'p-3', 'k-derail', 'u-ben', 1, 3, '\tindented'));
    b.codings.push(codingOn(OTHER_TEXT, 'c-cr', 'p-3', 'k-derail', 'u-ben', 2, 4, '\rodd'));
    const safeCsv = codedSegmentsCsv(b, { spreadsheetSafe: true });
    const safe = new Map(parseCsv(safeCsv).slice(1).map((r) => [r[0], r]));
    const formula = safe.get('c-formula')!;
    expect(formula[4]).toBe("'-dash");
    expect(formula[8]).toBe("'@ana");
    expect(formula[11]).toBe('\'=HYPERLINK("http://x")');
    expect(formula[12]).toBe("'+1 agreed");
    expect(safe.get('c-tab')?.[12]).toBe("'\tindented");
    expect(safe.get('c-cr')?.[12]).toBe("'\rodd");
    expect(safeCsv).toContain('"\'=HYPERLINK(""http://x"")"');
    // Harmless cells are unchanged.
    expect(safe.get('c-family')?.[11]).toBe('👩‍👩‍👧');
    expect(safe.get('c-whole')?.[11]).toBe(REPLY_TEXT);
  });

  it('writes only the header when there are no codings', () => {
    expect(codedSegmentsCsv({ ...exampleBundle(), codings: [] })).toBe(`${HEADER},${APPENDED}\r\n`);
  });
});

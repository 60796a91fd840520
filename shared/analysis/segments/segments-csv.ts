/**
 * A retrieval as CSV: one row per segment, in the result's order (docs/formats.md, "Segments CSV").
 * RFC 4180 with CRLF record ends. `spreadsheetSafe` prefixes ' to cells a spreadsheet would run as a
 * formula (OWASP CSV injection), as the coded segments CSV does; off, the text is exact for R and pandas.
 */
import { toCsv } from '../../util/csv';
import type { SegmentRow } from './segment-row';

export const SEGMENTS_CSV_HEADER = [
  'coding_id',
  'thread_id',
  'thread_title',
  'post_id',
  'author',
  'platform',
  'created_at',
  'code_id',
  'code',
  'matched_codes',
  'coder',
  'start',
  'end',
  'before',
  'quote',
  'after',
  'memo',
  'url',
] as const;

/** Several matched code paths share one cell, separated so: a path itself contains " > ". */
export const MATCHED_CODES_SEPARATOR = ' | ';

const FORMULA_START = /^[=+\-@\t\r]/;

export function segmentsCsv(rows: Iterable<SegmentRow>, options: { spreadsheetSafe?: boolean } = {}): string {
  const body: string[][] = [];
  for (const r of rows) {
    body.push([
      r.codingId,
      r.threadId,
      r.threadTitle,
      r.postId,
      r.author,
      r.platform,
      r.postCreatedAt ?? '',
      r.codeId,
      r.codePath,
      r.matchedCodePaths.join(MATCHED_CODES_SEPARATOR),
      r.coderName,
      String(r.start),
      String(r.end),
      r.before,
      r.quote,
      r.after,
      r.memo,
      r.url ?? '',
    ]);
  }
  const safe = options.spreadsheetSafe === true;
  const cells = safe ? body.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))) : body;
  return toCsv([[...SEGMENTS_CSV_HEADER], ...cells], safe ? { alsoQuote: /^'[=+\-@\t\r]/ } : {});
}

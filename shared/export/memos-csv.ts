/**
 * The memos CSV: every memo of the project, one row each (project, thread, post, code and coding
 * memos), in memoList's order (docs/formats.md). RFC 4180 with CRLF record ends.
 */
import type { MemoRow } from '../analysis/memos/memo-list';
import { toCsv } from '../util/csv';

export const MEMOS_CSV_HEADER = ['kind', 'target_id', 'target', 'thread_id', 'thread_title', 'post_id', 'code', 'coder', 'memo', 'updated_at'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function memosCsv(rows: readonly MemoRow[], options: { spreadsheetSafe?: boolean } = {}): string {
  const body = rows.map((r) => [r.kind, r.targetId, r.target, r.threadId ?? '', r.threadTitle ?? '', r.postId ?? '', r.code ?? '', r.coderName, r.text, r.updatedAt]);
  const safe = options.spreadsheetSafe === true;
  const cells = safe ? body.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))) : body;
  return toCsv([[...MEMOS_CSV_HEADER], ...cells], safe ? { alsoQuote: /^'[=+\-@\t\r]/ } : {});
}

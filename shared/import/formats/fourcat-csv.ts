/**
 * 4CAT CSV exports (docs/thread-formats.md, "4CAT CSV"): one row per item with `id`, `thread_id`,
 * `timestamp` (`YYYY-MM-DD HH:MM:SS`, UTC), `body`, `author` and usually `unix_timestamp` first;
 * other columns depend on the data source and become post variables.
 *
 * Decisions:
 * - Platform '4cat' for every row: the CSV names no platform, and its ids are the data source's
 *   ids, so keeping them apart from API imports of the same platform avoids false duplicates.
 * - Parent: `reply_to` (Telegram), `parent`, `parent_id` or `in_reply_to`, whichever the data
 *   source has. Without one (4CAT's and Zeeschuimer's X mapping has no parent-tweet id), a
 *   row whose id differs from its `thread_id` hangs directly under the thread's opening post and
 *   is marked `meta.parent_unknown`; the NDJSON export keeps the real reply edges.
 * - Time: `timestamp`, else `unix_timestamp`; `unix_timestamp` is not repeated as a variable.
 * - `subject` (forum and Reddit-like sources) titles the thread on its opening post; `link` or
 *   `url` is the post's address.
 * - Author columns may hold pseudonymised hashes or `REDACTED`; they are kept as written.
 */
import type { Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { csvRowsToPosts, looksLikeCsvHeader, type CsvMappingOverride, type CsvSetup } from './csv-parser';

export const FOURCAT_CSV_FORMAT = '4cat-csv';

/** Every 4CAT export and custom upload has these. */
const REQUIRED = ['id', 'thread_id', 'timestamp', 'body', 'author'];
const PARENT_COLUMNS = ['reply_to', 'parent', 'parent_id', 'in_reply_to'];

export function detectFourcatCsv(head: string): boolean {
  const header = looksLikeCsvHeader(head);
  return header !== null && REQUIRED.every((name) => header.names.includes(name));
}

/** The column mapping and row options for a 4CAT CSV with these header names, or why it is not one. */
export function fourcatCsvSetup(names: readonly string[], fileName: string): Result<CsvSetup, Problem[]> {
  if (!REQUIRED.every((name) => names.includes(name))) {
    return {
      ok: false,
      error: [{ file: fileName, line: 1, message: `not a 4CAT CSV export: the header needs the columns ${REQUIRED.join(', ')} (found ${names.join(', ') || 'none'})` }],
    };
  }
  const override: CsvMappingOverride = {
    id: 'id',
    thread_id: 'thread_id',
    text: 'body',
    author: 'author',
    created_at: 'timestamp',
    parent_id: PARENT_COLUMNS.find((c) => names.includes(c)) ?? null,
    url: ['link', 'url'].find((c) => names.includes(c)) ?? null,
  };
  return {
    ok: true,
    value: {
      override,
      options: {
        platform: '4cat',
        format: FOURCAT_CSV_FORMAT,
        threadFallback: 'self',
        timeFallback: 'unix_timestamp',
        titleColumn: 'subject',
        parentFromThread: override.parent_id === null,
        consumed: ['unix_timestamp'],
      },
    },
  };
}

export function parseFourcatCsv(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const header = looksLikeCsvHeader(text.slice(0, 64 * 1024));
  const setup = fourcatCsvSetup(header?.names ?? [], fileName);
  if (!setup.ok) return setup;
  return csvRowsToPosts(text, fileName, setup.value.override, setup.value.options);
}

export const fourcatCsvParser: FormatParser = {
  id: FOURCAT_CSV_FORMAT,
  label: '4CAT CSV export',
  detect: detectFourcatCsv,
  parse: parseFourcatCsv,
};

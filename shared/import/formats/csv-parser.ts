/**
 * Generic CSV/TSV of posts (docs/thread-formats.md, "Generic CSV and TSV"): one row per post,
 * recognized columns `id, parent_id, thread_id, author, created_at, text` (plus `url`) and their
 * common synonyms, in any letter case; every other column becomes a post variable in `meta`.
 *
 * Decisions:
 * - The text column is required. When none is recognized and no mapping is given, the file is
 *   refused with a problem (field `text`) that lists the columns, so the UI can ask and the CLI
 *   can be rerun with `--map text=<column>` (parseMapSpec reads that argument).
 * - No id column: the row number is the id, scoped by file name (`talk.csv#3`) because re-import
 *   skips (platform, platformId) pairs already present and bare row numbers of two different
 *   files would collide. A parent column then names row numbers of the same file.
 * - No thread column: the whole file is one thread, keyed and titled by the file name. An empty
 *   thread cell takes the parent's id for a reply and the post's own id otherwise (thread-keys.ts).
 * - Variables stay strings, except that a column whose every non-empty cell is a plain integer
 *   within ±2^53 (no leading zeros, no `+`, no decimals) becomes numbers. Decimals stay strings (a
 *   `;`-separated file often writes `1,5`), and so do ids, postcodes (`01234`) and numbers past
 *   2^53. Empty cells are left out of `meta`.
 * - `created_at` becomes ISO UTC (normalize-time.ts: epoch s/ms, ISO, v1.1, `YYYY-MM-DD HH:MM:SS`
 *   as UTC); when the cell was written differently, the original is kept in `meta` under the
 *   column's name ("Times"). An unreadable time is a problem naming the line and column.
 * - Text is plain: no HTML or entity decoding.
 */
import type { PostMeta } from '../../model/records';
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { MAX_PROBLEMS } from '../import-problem';
import { normalizeTime } from '../normalize-time';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { detectDelimiter, headerLine, readCsv, splitHeader, type CsvDelimiter, type CsvReader, type CsvRow } from './csv-table';

export const CSV_FORMAT = 'csv';

export const CSV_FIELDS = ['id', 'parent_id', 'thread_id', 'author', 'created_at', 'text', 'url'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Record<CsvField, string | null>;
/** What the UI or `--map` passes: a column name per field; null says "this file has none". */
export type CsvMappingOverride = Partial<Record<CsvField, string | null>>;

/** Names recognized per field, in order of preference; compared after `canonical`. */
const SYNONYMS: Record<CsvField, readonly string[]> = {
  id: ['id', 'post_id', 'postid', 'message_id', 'comment_id', 'tweet_id', 'status_id', 'item_id', 'record_id'],
  parent_id: ['parent_id', 'parentid', 'reply_to', 'in_reply_to', 'parent', 'in_reply_to_id', 'reply_to_id', 'in_reply_to_status_id', 'parent_post_id', 'parent_comment_id'],
  thread_id: ['thread_id', 'threadid', 'conversation_id', 'link_id', 'thread', 'root_id', 'discussion_id'],
  author: ['author', 'user', 'username', 'user_name', 'screen_name', 'from_user', 'author_name', 'author_handle', 'handle', 'from_user_name'],
  created_at: ['created_at', 'timestamp', 'date', 'time', 'published_at', 'datetime', 'date_time', 'created', 'created_utc', 'posted_at'],
  text: ['text', 'body', 'content', 'message', 'comment', 'full_text', 'post_text', 'comment_text', 'message_text', 'tweet_text', 'post', 'tweet'],
  url: ['url', 'link', 'permalink', 'post_url'],
};

/** `Created At`, `created-at` and `CREATED_AT` all read as `created_at`. */
const canonical = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Which column holds which field, by name (first match in SYNONYMS order; a column serves one
 * field), and the columns left over, which become variables.
 */
export function csvColumnMapping(header: readonly string[]): { mapping: CsvMapping; unmapped: string[] } {
  const byCanonical = new Map<string, string>();
  for (const name of header) if (!byCanonical.has(canonical(name))) byCanonical.set(canonical(name), name);
  const used = new Set<string>();
  const mapping = {} as CsvMapping;
  for (const field of CSV_FIELDS) {
    const found = SYNONYMS[field].map((s) => byCanonical.get(s)).find((name) => name !== undefined && !used.has(name));
    mapping[field] = found ?? null;
    if (found !== undefined) used.add(found);
  }
  return { mapping, unmapped: header.filter((name) => !used.has(name)) };
}

/**
 * `text=body,author=user_name,thread_id=` (the CLI's `--map`) → an override; an empty column
 * name says the file has no such column. Unknown fields are refused with the list of fields.
 */
export function parseMapSpec(spec: string): Result<CsvMappingOverride, string> {
  const override: CsvMappingOverride = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const field = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (eq === -1) return err(`--map expects field=column pairs, found "${part}"`);
    if (!(CSV_FIELDS as readonly string[]).includes(field)) return err(`--map: unknown field "${field}" (fields: ${CSV_FIELDS.join(', ')})`);
    const column = part.slice(eq + 1).trim();
    override[field as CsvField] = column === '' ? null : column;
  }
  return ok(override);
}

/** The mapping after an override; a named column that is not in the header is a problem. */
function applyOverride(header: readonly string[], override: CsvMappingOverride | undefined): Result<CsvMapping, string> {
  const auto = csvColumnMapping(header).mapping;
  if (!override) return ok(auto);
  const claimed = new Set(Object.values(override).filter((c): c is string => typeof c === 'string'));
  const mapping = {} as CsvMapping;
  for (const field of CSV_FIELDS) {
    if (field in override) {
      const column = override[field] ?? null;
      if (column !== null && !header.includes(column)) return err(`the mapping names a column "${column}" for ${field}, but the file has no such column (columns: ${header.join(', ')})`);
      mapping[field] = column;
    } else {
      const column = auto[field];
      mapping[field] = column !== null && claimed.has(column) ? null : column;
    }
  }
  return ok(mapping);
}

// ---------------------------------------------------------------------------------------------
// Rows → posts, shared with the 4CAT CSV importer.

export interface CsvPostOptions {
  platform: RawPost['platform'];
  format: string;
  /** Rows without a thread cell: 'file' puts the file in one thread; 'self' uses the parent or own id. */
  threadFallback: 'file' | 'self';
  /** Another time column to use when the mapped one is empty (4CAT's `unix_timestamp`). */
  timeFallback?: string;
  /** A column giving the thread's title on its opening post (4CAT's `subject`). */
  titleColumn?: string;
  /**
   * 4CAT's X data has no parent column ("4CAT CSV"): a row whose id is not its thread id hangs
   * directly under the thread's opening post, marked `meta.parent_unknown`.
   */
  parentFromThread?: boolean;
  /** Columns read but not kept as variables. */
  consumed?: readonly string[];
}

/** Integers that survive Number(): no leading zeros, within ±2^53. */
const PLAIN_INTEGER = /^-?(?:0|[1-9]\d{0,15})$/;

/**
 * The row → post step on its own, for a streaming Worker: feed csv-parse records through a
 * CsvRecordSink built on `reader` (csv-table.ts), then call `finish` with the sink's problems.
 * Posts are built as rows arrive; only the integer-column typing waits for the last row.
 */
export function createCsvPostReader(
  fileName: string,
  override: CsvMappingOverride | undefined,
  options: CsvPostOptions,
): { reader: CsvReader; finish(problems: readonly Problem[]): Result<ParsedFile, Problem[]> } {
  const posts: RawPost[] = [];
  let mapping: CsvMapping | null = null;
  let index = new Map<string, number>();
  let variables: Array<{ name: string; at: number }> = [];
  const integerColumn = new Map<string, boolean>();
  const at = (name: string | null | undefined): number => (name == null ? -1 : (index.get(name) ?? -1));

  const reader: CsvReader = {
    header(names, line) {
      const columns = uniqueNames(names);
      index = new Map(columns.map((name, i) => [name, i]));
      const mapped = applyOverride(columns, override);
      if (!mapped.ok) return { file: fileName, line, message: mapped.error };
      if (mapped.value.text === null) {
        return {
          file: fileName,
          line,
          field: 'text',
          message: `no text column recognized (looked for ${SYNONYMS.text.join(', ')}); choose which column holds the post text (--map text=<column>). Columns: ${columns.join(', ')}`,
        };
      }
      mapping = mapped.value;
      const used = new Set<string>([...Object.values(mapping).filter((c): c is string => c !== null), ...(options.consumed ?? [])]);
      if (options.titleColumn && index.has(options.titleColumn)) used.add(options.titleColumn);
      variables = columns.filter((name) => !used.has(name)).map((name) => ({ name, at: index.get(name)! }));
      for (const v of variables) integerColumn.set(v.name, true);
      return null;
    },
    row(row) {
      if (mapping === null) return { file: fileName, line: row.line, message: 'a row before the header' };
      const post = rowToPost(row, mapping, fileName, options, at, variables, integerColumn);
      if ('platform' in post) {
        posts.push(post);
        return null;
      }
      return post;
    },
  };

  const finish = (problems: readonly Problem[]): Result<ParsedFile, Problem[]> => {
    if (problems.length > 0) return err([...problems]);
    if (posts.length === 0) return err([{ file: fileName, message: 'the file has a header but no rows' }]);
    // Whole columns of plain integers become numbers (decided only once every row is seen).
    const numeric = [...integerColumn].filter(([, all]) => all).map(([name]) => name);
    if (numeric.length > 0) {
      for (const post of posts) for (const name of numeric) if (typeof post.meta[name] === 'string') post.meta[name] = Number(post.meta[name]);
    }
    return ok({ format: options.format, posts, warnings: [] });
  };
  return { reader, finish };
}

/** The whole-text path: delimiter from the header line, then every row. */
export function csvRowsToPosts(
  text: string,
  fileName: string,
  override: CsvMappingOverride | undefined,
  options: CsvPostOptions,
): Result<ParsedFile, Problem[]> {
  const delimiter: CsvDelimiter = detectDelimiter(headerLine(text)) ?? ',';
  const { reader, finish } = createCsvPostReader(fileName, override, options);
  return finish(readCsv(text, fileName, delimiter, reader, MAX_PROBLEMS));
}

/** Duplicate or empty header names get a suffix so each column stays its own variable. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

function rowToPost(
  row: CsvRow,
  mapping: CsvMapping,
  fileName: string,
  options: CsvPostOptions,
  at: (name: string | null | undefined) => number,
  variables: ReadonlyArray<{ name: string; at: number }>,
  integerColumn: Map<string, boolean>,
): RawPost | Problem {
  const where = { file: fileName, line: row.line };
  const cell = (name: string | null | undefined): string | null => {
    const i = at(name);
    if (i === -1) return null;
    const value = row.cells[i]!;
    return value.trim() === '' ? null : value;
  };
  const idOf = (value: string): string => (mapping.id === null ? `${fileName}#${value.trim()}` : value.trim());

  let id: string;
  if (mapping.id === null) id = idOf(String(row.row));
  else {
    const value = cell(mapping.id);
    if (value === null) return { ...where, field: mapping.id, message: 'the id is empty' };
    id = idOf(value);
  }

  const meta: PostMeta = {};
  let parentCell = cell(mapping.parent_id);
  const threadCell = cell(mapping.thread_id)?.trim() ?? null;
  if (parentCell === null && options.parentFromThread && threadCell !== null && threadCell !== id) {
    parentCell = threadCell;
    meta.parent_unknown = true;
  }
  const parent = parentCell === null ? null : idOf(parentCell);
  const parentId = parent === id ? null : parent;

  let threadKey: string;
  if (threadCell !== null) threadKey = threadCell;
  else if (mapping.thread_id === null && options.threadFallback === 'file') threadKey = fileName;
  else threadKey = parentId ?? id;

  let createdAt: string | null = null;
  const timeColumn = cell(mapping.created_at) !== null ? mapping.created_at : (options.timeFallback ?? null);
  const time = cell(timeColumn);
  if (time !== null && timeColumn !== null) {
    const normalized = normalizeTime(time);
    if (!normalized.ok) return { ...where, field: timeColumn, message: `${normalized.error}` };
    createdAt = normalized.value;
    if (time !== createdAt && timeColumn === mapping.created_at) meta[timeColumn] = time;
  }

  for (const v of variables) {
    const value = row.cells[v.at]!;
    if (value.trim() === '') continue;
    meta[v.name] = value;
    if (integerColumn.get(v.name) && !(PLAIN_INTEGER.test(value) && Number.isSafeInteger(Number(value)))) integerColumn.set(v.name, false);
  }

  const title = cell(options.titleColumn);
  const opens = parentId === null;
  const threadTitle = opens ? (title ?? (threadKey === fileName ? fileName : undefined)) : undefined;
  return {
    platform: options.platform,
    platformId: id,
    parentPlatformId: parentId,
    threadKey,
    ...(threadTitle === undefined ? {} : { threadTitle }),
    author: cell(mapping.author)?.trim() ?? '',
    createdAt,
    text: mapping.text === null ? '' : (row.cells[at(mapping.text)] ?? ''),
    url: cell(mapping.url)?.trim() ?? null,
    meta,
    location: { line: row.line },
  };
}

// ---------------------------------------------------------------------------------------------
// Detection and the registry entry.

/** Header names look like column names: short, no sentence punctuation at the end, not JSON. */
const COLUMN_NAME = /^[^\s.!?{}[\]][^{}[\]]{0,63}$/u;

/**
 * A header line with at least two column names and a second line split the same way, or with a
 * recognized text column. Plain prose with a comma in its first line fails both (its second line
 * is usually blank or has another number of commas, and it names no text column).
 */
export function looksLikeCsvHeader(head: string): { delimiter: CsvDelimiter; names: string[] } | null {
  const start = head.replace(/^\uFEFF/, '');
  if (/^\s*[[{<]/.test(start)) return null;
  const line = headerLine(start);
  const delimiter = detectDelimiter(line);
  if (delimiter === null) return null;
  const names = splitHeader(line, delimiter);
  if (names.length < 2 || !names.every((n) => COLUMN_NAME.test(n))) return null;
  const { mapping } = csvColumnMapping(names);
  if (mapping.text !== null) return { delimiter, names };
  const rest = start.slice(line.length).replace(/^\r?\n|^\r/, '');
  const second = headerLine(rest);
  if (second.trim() === '') return null;
  const count = (s: string) => splitHeader(s, delimiter).length;
  return count(second) === names.length ? { delimiter, names } : null;
}

/** What a table format needs to read its rows: which column is which field, and how rows become posts. */
export interface CsvSetup {
  override: CsvMappingOverride | undefined;
  options: CsvPostOptions;
}

/** A generic CSV/TSV: columns recognized by name unless `mapping` says otherwise. */
export function genericCsvSetup(mapping?: CsvMappingOverride): CsvSetup {
  return { override: mapping, options: { platform: 'csv', format: CSV_FORMAT, threadFallback: 'file' } };
}

export function parseGenericCsv(text: string, fileName: string, mapping?: CsvMappingOverride): Result<ParsedFile, Problem[]> {
  const { override, options } = genericCsvSetup(mapping);
  return csvRowsToPosts(text, fileName, override, options);
}

export const csvParser: FormatParser = {
  id: CSV_FORMAT,
  label: 'CSV or TSV table (one post per row)',
  detect: (head) => looksLikeCsvHeader(head) !== null,
  parse: (text, fileName) => parseGenericCsv(text, fileName),
};

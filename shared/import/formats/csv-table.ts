/**
 * Reading a CSV/TSV file row by row, strictly (docs/reliability.md, "CSV parsing"): csv-parse's
 * `browser/esm/sync` entry, which runs unchanged in a Web Worker, the renderer and Node (no
 * `Buffer`, no DOM; the agreement module uses the same entry). Options: `bom`, every line ending
 * (`\r\n`, `\n`, `\r`, mixed), `relax_column_count: false` (a ragged row is an error, not a silent
 * shift of values between columns), strict quotes, blank lines skipped. The delimiter is chosen
 * from the header line among `,`, `;` (Zeeschuimer's own CSV) and TAB (TCAT, YTDT):
 * docs/thread-formats.md, "Generic CSV and TSV".
 *
 * Rows are handed to the reader as they are parsed and dropped, so the file is not held twice; every
 * row comes with the 1-based line where it starts (a quoted field may span lines), and every error
 * names the file and that line.
 */
import { parse, type CsvError, type Info, type Options } from 'csv-parse/browser/esm/sync';

import type { Problem } from '../../problem/problem';
import { MAX_CSV_RECORD_CHARS } from '../input-limits';

export type CsvDelimiter = ',' | ';' | '\t';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** The file's first line (its header), without a BOM; quoted line breaks in a header are not supported. */
export function headerLine(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const cr = text.indexOf('\r', start);
  const lf = text.indexOf('\n', start);
  const ends = [cr, lf].filter((i) => i !== -1);
  return text.slice(start, ends.length === 0 ? text.length : Math.min(...ends));
}

/** Occurrences of each delimiter outside quotes in one line. */
function delimiterCounts(line: string): Map<CsvDelimiter, number> {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  return counts;
}

/** The delimiter used most in the header line (ties: `,` then `;` then TAB); null when none occurs. */
export function detectDelimiter(line: string): CsvDelimiter | null {
  let best: CsvDelimiter | null = null;
  let bestCount = 0;
  for (const [d, n] of delimiterCounts(line)) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** The header's column names, split naively (no quoted delimiters in names), unquoted and trimmed. */
export function splitHeader(line: string, delimiter: CsvDelimiter): string[] {
  return line.split(delimiter).map((name) => {
    const trimmed = name.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"').trim() : trimmed;
  });
}

export const delimiterName = (d: CsvDelimiter): string => (d === '\t' ? 'tab' : `"${d}"`);

export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
  /** 1-based number among data rows (the header is row 0). */
  row: number;
}

export interface CsvReader {
  /** Called once with the header; a problem stops the file. */
  header(names: string[], line: number): Problem | null;
  /** Called per data row; a returned problem is collected and reading goes on. */
  row(row: CsvRow): Problem | null;
}

/**
 * The strict options (docs/reliability.md, "CSV parsing"); the streaming path passes the same to
 * csv-parse's Parser.
 */
export const csvStrictOptions = (delimiter: CsvDelimiter): Options => ({
  bom: true,
  delimiter,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: false,
  relax_quotes: false,
  skip_empty_lines: true,
  // A record past this is refused on its line (CSV_MAX_RECORD_SIZE) before its buffer eats the heap.
  max_record_size: MAX_CSV_RECORD_CHARS,
});

/**
 * Turns csv-parse records into header and row calls with the line each row starts on, and
 * csv-parse errors into problems naming the file and that line. The sync path below and a
 * streaming Worker (csv-parse's `browser/esm` Parser with the same options and `onRecord` as
 * `on_record`) share it, so both report the same lines. Stream chunks must be strings from a fatal
 * TextDecoderStream: csv-parse re-encodes string chunks as UTF-8, so a chunk cut inside a surrogate
 * pair would silently become two U+FFFD (the decoder never cuts there), and bytes written directly
 * would be decoded without the fatal check.
 */
export class CsvRecordSink {
  readonly problems: Problem[] = [];
  private headerSeen = false;
  private headerFailed = false;
  private headerLength = 0;
  // Where the next record starts, counted here: csv-parse's `info.lines` counts a quoted CRLF twice.
  private nextLine = 1;
  private prevEmpty = 0;
  private rows = 0;

  constructor(
    private readonly fileName: string,
    private readonly delimiter: CsvDelimiter,
    private readonly reader: CsvReader,
    private readonly maxProblems: number,
  ) {}

  /** csv-parse's `on_record`: returns null so records are not kept. */
  readonly onRecord = (record: string[], info: Pick<Info, 'empty_lines'>): null => {
    const line = this.nextLine + (info.empty_lines - this.prevEmpty);
    this.nextLine = line + 1 + lineBreaks(record);
    this.prevEmpty = info.empty_lines;
    if (this.headerFailed || this.problems.length >= this.maxProblems) return null;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.headerLength = record.length;
      const problem = this.reader.header(record, line);
      if (problem) {
        this.headerFailed = true;
        this.problems.push(problem);
      }
      return null;
    }
    this.rows++;
    const problem = this.reader.row({ cells: record, line, row: this.rows });
    if (problem) this.problems.push(problem);
    return null;
  };

  /** A csv-parse error ends the file (later rows cannot be trusted once quoting is off). Rethrows anything else. */
  fail(e: unknown): Problem[] {
    if (this.headerFailed) return this.problems;
    const error = e as Partial<CsvError> & { record?: string[]; empty_lines?: number };
    if (typeof error.code !== 'string') throw e;
    const line = this.nextLine + Math.max(0, (error.empty_lines ?? this.prevEmpty) - this.prevEmpty);
    this.problems.push({ file: this.fileName, line, message: describeCsvError(error, this.headerLength, this.delimiter) });
    return this.problems;
  }

  /** After the last record: the problems, including an empty file's. */
  finish(): Problem[] {
    if (!this.headerSeen) this.problems.push({ file: this.fileName, message: 'the file is empty: expected a header line naming the columns' });
    return this.problems;
  }
}

/** Reads the whole of `text` with `reader`; row problems are collected up to `maxProblems`. */
export function readCsv(text: string, fileName: string, delimiter: CsvDelimiter, reader: CsvReader, maxProblems: number): Problem[] {
  const sink = new CsvRecordSink(fileName, delimiter, reader, maxProblems);
  try {
    parse(text, { ...csvStrictOptions(delimiter), on_record: sink.onRecord });
  } catch (e) {
    return sink.fail(e);
  }
  return sink.finish();
}

/** Line breaks inside a record's fields (CRLF, LF and CR each one). */
function lineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && cell.charCodeAt(i + 1) !== 0x0a)) n++;
    }
  }
  return n;
}

function describeCsvError(error: Partial<CsvError> & { record?: string[] }, expected: number, delimiter: CsvDelimiter): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const found = error.record?.length ?? Number.NaN;
      return `expected ${expected} fields like the header (separated by ${delimiterName(delimiter)}), found ${found}; a field containing the separator or a line break must be quoted`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting in this row is never closed (an unmatched " runs to the end of the file)';
    case 'INVALID_OPENING_QUOTE':
      return 'a " inside an unquoted field; quote the whole field and double the inner quote ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return `the record starting on this line is longer than ${MAX_CSV_RECORD_CHARS.toLocaleString('en')} characters, so the file was not read further; no post is that long (an unclosed quote can also cause this)`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after the closing quote of a field; a " inside a quoted field must be doubled ("")';
    default:
      return (error.message ?? String(error.code)).replace(/ (?:at|on) line \d+/, '');
  }
}

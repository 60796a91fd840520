/**
 * One file of an import → its parsed posts: detection from the head, then either a streaming
 * path (JSON Lines of a streamable format, CSV/TSV tables) or the whole text through the format's
 * parser. The CLI and the app's import Worker both read files through here, so they accept and
 * refuse the same files with the same messages. Every failure names the file (and line, record,
 * field when known).
 */
import { DETECT_HEAD_CHARS, detectFormat, type FormatParser } from '../detect-format';
import { decodeText, sniffBom } from '../decode-text';
import { MAX_WHOLE_TEXT_BYTES, megabytes } from '../input-limits';
import { parseJsonText } from '../json-problem';
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { CSV_FORMAT, genericCsvSetup, looksLikeCsvHeader, type CsvMappingOverride, type CsvSetup } from '../formats/csv-parser';
import { FOURCAT_CSV_FORMAT, fourcatCsvSetup } from '../formats/fourcat-csv';
import { NEVER_CANCELLED, type CancelSignal } from '../../util/cancelled';
import { err, ok, type Result } from '../../util/result';
import type { ByteSource, ReadProgress } from './byte-source';
import type { ColumnMapping } from './column-mapping';
import { lineFormatFor, type LineFormat } from './line-formats';
import { streamCsv } from './stream-csv';
import { streamJsonLines } from './stream-json-lines';

export interface ReadOptions {
  parsers: readonly FormatParser[];
  /** --format or the dialog's chooser: skips detection. */
  forced: FormatParser | null;
  mapping: ColumnMapping | null;
  /** Files at least this big are streamed when their format allows it (0: always). */
  streamThreshold: number;
  progress?: ReadProgress;
  signal?: CancelSignal;
  /** How to name a format for an unrecognized file: "name one with --format" (CLI) or the dialog's words. */
  formatHint?: string;
}

export interface ReadFile {
  parsed: ParsedFile;
  parser: FormatParser;
  streamed: boolean;
}

/** The head decoded leniently (it may end inside a character; the real decode is strict). */
export async function readHead(source: ByteSource): Promise<{ text: string; encoding: string; bomLength: number }> {
  const head = await source.head(DETECT_HEAD_CHARS * 4);
  const { encoding, bomLength } = sniffBom(head);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(head.subarray(bomLength), { stream: true });
  return { text, encoding, bomLength };
}

export async function readImportSource(source: ByteSource, options: ReadOptions): Promise<Result<ReadFile, Problem[]>> {
  const path = source.name;
  const progress = options.progress ?? (() => {});
  const signal = options.signal ?? NEVER_CANCELLED;
  if (source.size === 0) return err([{ file: path, message: 'the file is empty' }]);
  const head = await readHead(source);
  const parser = options.forced ?? detectFormat(head.text, options.parsers);
  if (parser === null) {
    return err([{ file: path, message: `not a format Threadmark recognizes (known: ${options.parsers.map((p) => p.id).join(', ')}); ${options.formatHint ?? 'name one with --format'}` }]);
  }
  const streamable = head.encoding === 'utf-8' && source.size >= options.streamThreshold;

  const lines = lineFormatFor(parser.id);
  if (lines !== null && streamable && firstLineIsRecord(head.text, lines)) {
    const streamed = await streamJsonLines(source, parser.id, lines, progress, signal);
    return streamed.ok ? ok({ parsed: streamed.value, parser, streamed: true }) : streamed;
  }

  const mapped = options.mapping?.byFormat.get(parser.id);
  const table = streamable ? csvSetupFor(parser.id, head.text, path, mapped?.mapping as CsvMappingOverride | undefined) : null;
  if (table !== null) {
    if (!table.ok) return table;
    const streamed = await streamCsv(source, table.value.setup, table.value.delimiter, head.bomLength, progress, signal);
    return streamed.ok ? ok({ parsed: streamed.value, parser, streamed: true }) : streamed;
  }

  // Refused by size before a byte is read: past this it cannot be one string, and decoding it
  // failed as "not valid UTF-8" (issue 14).
  if (source.size > MAX_WHOLE_TEXT_BYTES) return err([tooBigForWholeText(path, source.size, parser.id)]);
  const text = decodeText(await source.bytes(), path);
  progress(source.size);
  if (!text.ok) return err([text.error]);
  const parsed = mapped ? mapped.format.parse(text.value, path, mapped.mapping) : parser.parse(text.value, path);
  return parsed.ok ? ok({ parsed: parsed.value, parser, streamed: false }) : parsed;
}

/** The head's first non-blank line is complete and parses alone as a record. */
function firstLineIsRecord(head: string, format: LineFormat): boolean {
  const text = head.replace(/^\s+/, '');
  const newline = text.indexOf('\n');
  if (newline === -1) return false;
  const parsed = parseJsonText(text.slice(0, newline), '');
  return parsed.ok && format.streamable(parsed.value);
}

/** Table formats read row by row: their setup from the header, or null for other formats. */
function csvSetupFor(
  formatId: string,
  head: string,
  path: string,
  mapping: CsvMappingOverride | undefined,
): Result<{ setup: CsvSetup; delimiter: ',' | ';' | '\t' }, Problem[]> | null {
  if (formatId !== CSV_FORMAT && formatId !== FOURCAT_CSV_FORMAT) return null;
  const header = looksLikeCsvHeader(head);
  // A header the detector cannot read in the head (a forced format, a huge first line): whole-text path.
  if (header === null) return null;
  if (formatId === CSV_FORMAT) return ok({ setup: genericCsvSetup(mapping), delimiter: header.delimiter });
  const setup = fourcatCsvSetup(header.names, path);
  return setup.ok ? ok({ setup: setup.value, delimiter: header.delimiter }) : setup;
}

function tooBigForWholeText(file: string, size: number, formatId: string): Problem {
  return {
    file,
    message: `the file is ${megabytes(size)}; a ${formatId} file is read as one document, which can be at most ${megabytes(MAX_WHOLE_TEXT_BYTES)}. Split it, or export it as NDJSON or CSV with a header line, which are read line by line`,
  };
}

/**
 * One file of an import → its parsed posts: bytes, detection from the head, then the whole text
 * through the format's parser, or, for big JSON Lines files of a streamable format, line by line.
 * Every failure is a list of problems naming the file (and line, record, field when known).
 */
import { DETECT_HEAD_CHARS, detectFormat, type FormatParser } from '@shared/import/detect-format';
import { decodeText, sniffBom } from '@shared/import/decode-text';
import { ProblemList } from '@shared/import/import-problem';
import { parseJsonText } from '@shared/import/json-problem';
import type { ImportProblem, ParsedFile } from '@shared/import/raw-post';
import { Utf8LineSplitter } from '@shared/import/utf8-line-splitter';
import { err, ok, type Result } from '@shared/util/result';

import { describeFileError } from '../io';
import type { ColumnMapping } from './column-mapping';
import type { ImportIo } from './import-io';
import { lineFormatFor, type LineFormat } from './line-formats';

/** Files at least this big are streamed when their format allows it. */
export const DEFAULT_STREAM_THRESHOLD = 32 * 1024 * 1024;

export interface ReadOptions {
  parsers: readonly FormatParser[];
  /** --format: skips detection. */
  forced: FormatParser | null;
  mapping: ColumnMapping | null;
  streamThreshold: number;
}

export interface ReadFile {
  parsed: ParsedFile;
  parser: FormatParser;
  streamed: boolean;
}

export async function readImportFile(io: ImportIo, path: string, options: ReadOptions): Promise<Result<ReadFile, ImportProblem[]>> {
  const cannotRead = (e: unknown) => err([{ file: path, message: `cannot read the file: ${describeFileError(e)}` }]);
  let size: number;
  let head: Uint8Array;
  try {
    size = await io.fileSize(path);
    head = await io.readHead(path, DETECT_HEAD_CHARS * 4);
  } catch (e) {
    return cannotRead(e);
  }
  if (size === 0) return err([{ file: path, message: 'the file is empty' }]);

  const { encoding, bomLength } = sniffBom(head);
  // Lenient and streaming: the head may end inside a character; the real decode below is strict.
  const headText = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(head.subarray(bomLength), { stream: true });
  const parser = options.forced ?? detectFormat(headText, options.parsers);
  if (parser === null) {
    return err([{ file: path, message: `not a format Threadmark recognizes (known: ${options.parsers.map((p) => p.id).join(', ')}); name one with --format` }]);
  }

  const lines = lineFormatFor(parser.id);
  if (lines !== null && encoding === 'utf-8' && size >= options.streamThreshold && firstLineIsRecord(headText, lines)) {
    try {
      const streamed = await streamLines(io, path, parser.id, lines);
      return streamed.ok ? ok({ parsed: streamed.value, parser, streamed: true }) : streamed;
    } catch (e) {
      return cannotRead(e);
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (e) {
    return cannotRead(e);
  }
  const text = decodeText(bytes, path);
  if (!text.ok) return err([text.error]);
  const mapped = options.mapping?.byFormat.get(parser.id);
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

async function streamLines(io: ImportIo, path: string, formatId: string, format: LineFormat): Promise<Result<ParsedFile, ImportProblem[]>> {
  const splitter = new Utf8LineSplitter(path);
  const session = format.begin(path);
  const problems = new ProblemList(path);
  const take = (lines: Array<{ line: number; text: string }>): void => {
    for (const { line, text } of lines) {
      if (problems.full) return;
      if (text.trim() === '') continue;
      const value = parseJsonText(text, path, line);
      const problem = value.ok ? session.record(value.value, line) : value.error;
      if (problem !== null) problems.add(problem);
    }
  };
  for await (const chunk of io.readChunks(path)) {
    const lines = splitter.push(chunk);
    if (!lines.ok) return err([lines.error]);
    take(lines.value);
    // The first problems are enough to fix a file; a hostile file is not read to its end.
    if (problems.full) return err(problems.list());
  }
  const last = splitter.end();
  if (!last.ok) return err([last.error]);
  take(last.value);
  if (problems.count > 0) return err(problems.list());
  const parsed = session.finish();
  return parsed.ok ? ok({ ...parsed.value, format: formatId }) : parsed;
}

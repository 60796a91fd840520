/**
 * A CSV/TSV file read in chunks: strict UTF-8 decoding (Utf8ChunkDecoder) → csv-parse's
 * incremental parser with the same strict options and record sink as the whole-text path
 * (csv-table.ts), so both name the same lines. Rows become posts as they arrive; the file is
 * never one string.
 */
import { Parser } from 'csv-parse/browser/esm';

import { MAX_PROBLEMS } from '../import-problem';
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { createCsvPostReader, type CsvSetup } from '../formats/csv-parser';
import { CsvRecordSink, csvStrictOptions, type CsvDelimiter } from '../formats/csv-table';
import { cancelledProblem, type CancelSignal } from '../../util/cancelled';
import { err, type Result } from '../../util/result';
import type { ByteSource, ReadProgress } from './byte-source';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder';

export async function streamCsv(
  source: ByteSource,
  setup: CsvSetup,
  delimiter: CsvDelimiter,
  bomLength: number,
  progress: ReadProgress,
  signal: CancelSignal,
): Promise<Result<ParsedFile, Problem[]>> {
  const name = source.name;
  const { reader, finish } = createCsvPostReader(name, setup.override, setup.options);
  const sink = new CsvRecordSink(name, delimiter, reader, MAX_PROBLEMS);
  const parser = new Parser({ ...csvStrictOptions(delimiter), on_record: sink.onRecord });
  // csv-parse reports errors as stream events; the first one ends the file.
  let failure: unknown = null;
  const ended = new Promise<void>((resolve) => {
    parser.on('error', (e: unknown) => {
      failure ??= e;
      resolve();
    });
    parser.on('end', () => resolve());
    parser.resume();
  });
  const decoder = new Utf8ChunkDecoder(name, bomLength);
  let read = 0;
  let skip = bomLength;
  for await (const raw of source.chunks()) {
    if (signal.cancelled) return err([cancelledProblem('the import', { file: name })]);
    if (failure !== null || sink.problems.length >= MAX_PROBLEMS) break;
    read += raw.length;
    let chunk = raw;
    if (skip > 0) {
      const cut = Math.min(skip, chunk.length);
      chunk = chunk.subarray(cut);
      skip -= cut;
    }
    const text = decoder.push(chunk);
    if (!text.ok) return err([text.error]);
    if (text.value !== '') parser.write(text.value);
    progress(read);
  }
  if (failure === null && sink.problems.length < MAX_PROBLEMS) {
    const last = decoder.end();
    if (!last.ok) return err([last.error]);
  }
  parser.end();
  await ended;
  return finish(failure !== null ? sink.fail(failure) : sink.finish());
}

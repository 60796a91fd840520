/**
 * An NDJSON file of a streamable format, line by line: bytes → Utf8LineSplitter (fatal UTF-8,
 * problems by byte offset) → JSON.parse per line → the format's per-record function. Only the
 * posts are kept. The first problems are enough to fix a file, so a hostile file is not read to
 * its end.
 */
import { ProblemList } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { Utf8LineSplitter } from '../utf8-line-splitter';
import { cancelledProblem, type CancelSignal } from '../../util/cancelled';
import { err, ok, type Result } from '../../util/result';
import type { ByteSource, ReadProgress } from './byte-source';
import type { LineFormat } from './line-formats';

export async function streamJsonLines(
  source: ByteSource,
  formatId: string,
  format: LineFormat,
  progress: ReadProgress,
  signal: CancelSignal,
): Promise<Result<ParsedFile, Problem[]>> {
  const path = source.name;
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
  let read = 0;
  for await (const chunk of source.chunks()) {
    if (signal.cancelled) return err([cancelledProblem('the import', { file: path })]);
    const lines = splitter.push(chunk);
    if (!lines.ok) return err([lines.error]);
    take(lines.value);
    if (problems.full) return err(problems.list());
    read += chunk.length;
    progress(read);
  }
  const last = splitter.end();
  if (!last.ok) return err([last.error]);
  take(last.value);
  if (problems.count > 0) return err(problems.list());
  const parsed = session.finish();
  return parsed.ok ? ok({ ...parsed.value, format: formatId }) : parsed;
}

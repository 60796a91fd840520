/**
 * The records of an X/Twitter file that is either JSON (one page, one tweet, or an array of
 * either) or JSON Lines (twarc2 and most collectors write one page or tweet per line). JSON is
 * tried first; only when that fails and the first line is a JSON value by itself is the file read
 * as lines, so a truncated JSON file is reported as such and not as a bad line 1.
 */
import { duplicateKeyMessage, firstDuplicateKey } from '../../util/json-duplicate-keys';
import { ProblemList } from '../import-problem';
import { parseJsonText } from '../json-problem';
import { err, ok, type Result } from '../../util/result';
import type { Problem } from '../../problem/problem';
import type { RecordWhere } from './json-fields';

export interface JsonRecord {
  value: unknown;
  where: RecordWhere;
}

export function readJsonRecords(source: string, file: string): Result<JsonRecord[], Problem[]> {
  // decodeText already drops a BOM; text handed over some other way may still start with one.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === '') return err([{ file, message: 'the file is empty' }]);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    const lines = readLines(text, file);
    if (lines !== null) return lines;
    // Not JSON Lines either: report the whole file's JSON error with its line and column.
    const located = parseJsonText(text, file);
    return err([located.ok ? { file, message: 'not valid JSON' } : located.error]);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate) return err([{ file, line: duplicate.line, message: duplicateKeyMessage(duplicate) }]);
  if (Array.isArray(whole)) return ok(whole.map((value, i) => ({ value, where: { file, record: `[${i}]` } })));
  return ok([{ value: whole, where: { file } }]);
}

/** JSON Lines, or null when the first non-blank line is not JSON on its own (so not JSON Lines). */
function readLines(text: string, file: string): Result<JsonRecord[], Problem[]> | null {
  const records: JsonRecord[] = [];
  const problems = new ProblemList(file);
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (content.trim() === '') continue;
    const parsed = parseJsonText(content, file, line);
    if (parsed.ok) records.push({ value: parsed.value, where: { file, line } });
    else if (records.length === 0 && problems.count === 0) return null;
    else problems.add(parsed.error);
  }
  return problems.count > 0 ? err(problems.list()) : ok(records);
}

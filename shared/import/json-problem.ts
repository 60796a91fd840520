/** Text that should be JSON → a value, or a problem naming the file, line and column. */
import { locateJsonError } from '../bundle/json-error-location';
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';
import { err, ok, type Result } from '../util/result';
import type { Problem } from '../problem/problem';

export function parseJsonText(text: string, file: string, line?: number): Result<unknown, Problem> {
  try {
    const value = JSON.parse(text) as unknown;
    const duplicate = firstDuplicateKey(text);
    if (duplicate === null) return ok(value);
    return err({ file, line: (line ?? 1) + duplicate.line - 1, message: duplicateKeyMessage(duplicate, (line ?? 1) - 1) });
  } catch (e) {
    // JSON.parse messages differ per engine and often lack a position; locate it ourselves.
    const at = locateJsonError(text);
    if (at === null) return err({ file, ...(line === undefined ? {} : { line }), message: `not valid JSON: ${(e as Error).message}` });
    const fileLine = line === undefined ? at.line : line + at.line - 1;
    const where = line === undefined ? `line ${at.line}, column ${at.column}` : `line ${fileLine}, column ${at.column}`;
    const truncated = /end of input|unterminated/.test(at.message) ? ' (the file looks cut off)' : '';
    return err({ file, line: fileLine, message: `not valid JSON at ${where}: ${at.message}${truncated}` });
  }
}

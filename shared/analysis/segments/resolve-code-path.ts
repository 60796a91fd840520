/**
 * A code named the way a researcher types it ("Fallacy > Ad hominem", names escaped as in every
 * export: escaped-code-path.ts) → its id. The CLI's `--code PATH` and any typed code go through
 * here, so a path that names no code is a Problem, never an empty retrieval.
 */
import { splitEscapedPath } from '../../codebook/escaped-code-path';
import type { Code } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';

export function resolveCodePath(codes: readonly Code[], path: string, field = 'code'): Result<string, Problem> {
  const names = splitEscapedPath(path);
  if (names.length === 0) return err({ field, message: 'no code path given' });
  let parentId: string | null = null;
  let found: Code | undefined;
  for (const name of names) {
    const matches = codes.filter((c) => c.parentId === parentId && c.name.trim() === name);
    if (matches.length > 1) return err({ field, message: `code path "${path}" is ambiguous: ${matches.length} codes are named "${name}" there` });
    found = matches[0];
    if (!found) break;
    parentId = found.id;
  }
  if (found) return ok(found.id);
  // A code id works too: scripts may have one from a JSON result.
  if (codes.some((c) => c.id === path)) return ok(path);
  return err({ field, message: `code path "${path}" does not exist` });
}

import type { Code } from '../model/records';
import { formatProblem, type Problem } from '../problem/problem';

/** `code “Fallacy” (id c-1)`; an unknown code is named by its id alone. */
export function codeRecord(code: Code | string): string {
  return typeof code === 'string' ? `code ${code}` : `code “${code.name}” (id ${code.id})`;
}

/** Why a codebook change cannot be made: `record` names the code, `field` the field the problem is in. */
export function codeProblem(code: Code | string, field: string, message: string): Problem {
  return { record: codeRecord(code), field, message };
}

/** One line: `code “Fallacy” (id c-1) shortcut: key "f" is already the shortcut of “Fear”`. */
export function formatCodebookProblem(p: Problem): string {
  return formatProblem(p);
}

/** Names compare case-insensitively after Unicode normalization (“Café” equals “CAFÉ”). */
export const codeNameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** The sibling (same parent, other id) that already has this name, if any. */
export function siblingWithName(codes: readonly Code[], name: string, parentId: string | null, selfId?: string): Code | undefined {
  const key = codeNameKey(name.trim());
  return codes.find((c) => c.parentId === parentId && c.id !== selfId && codeNameKey(c.name) === key);
}

/** “Fallacy” in curly quotes, as summaries and messages name codes. */
export const quoted = (name: string): string => `“${name}”`;

/** "1 coding", "3 codings". */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

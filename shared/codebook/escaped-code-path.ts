/**
 * Code paths in one text cell ("Fallacy > Ad hominem"), reversibly. A name may itself contain
 * " > " ("Score > 5"), so inside a written path every `>` and `\` of a name is escaped with a
 * backslash ("Score \> 5"). Reading splits at every unescaped `>` and trims each level, so a
 * hand-written "Fallacy>Ad hominem" reads too; a lone backslash keeps the character after it.
 */
import type { Code } from '../model/records';
import { codePath } from './code-path';

export const escapePathName = (name: string): string => name.replace(/[\\>]/g, (c) => `\\${c}`);

/** Every code's path with each name escaped, by code id. */
export function escapedCodePaths(codes: readonly Code[]): Map<string, string> {
  const escaped = new Map(codes.map((code) => [code.id, { ...code, name: escapePathName(code.name) }]));
  return new Map(codes.map((code) => [code.id, codePath(escaped, code.id)]));
}

/** A written path → its names from the root down (an empty cell → no names). */
export function splitEscapedPath(path: string): string[] {
  if (path.trim() === '') return [];
  const names: string[] = [];
  let name = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\' && i + 1 < path.length) name += path[++i];
    else if (c === '>') {
      names.push(name.trim());
      name = '';
    } else name += c;
  }
  names.push(name.trim());
  return names;
}

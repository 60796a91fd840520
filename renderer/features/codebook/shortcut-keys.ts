/**
 * Code shortcut keys: which code a key applies while reading, and which keys a researcher may give
 * a code. j, k, w and c already act on the focused post in the thread, so a code cannot take them.
 */
import { quoted } from '@shared/codebook/codebook-problem';
import type { Code } from '@shared/model/records';

export const THREAD_KEYS: Readonly<Record<string, string>> = {
  j: 'moves to the next post',
  k: 'moves to the previous post',
  w: 'selects the whole post',
  c: 'opens the codings panel',
};

/** Key → code, for codes that can be applied (codable and not retired) and have a key. */
export function codesByShortcut(codes: readonly Code[]): Map<string, Code> {
  const map = new Map<string, Code>();
  for (const code of codes) if (code.shortcut && code.codable && !code.retired && !map.has(code.shortcut)) map.set(code.shortcut, code);
  return map;
}

/** The shortcut a key press stands for: one letter or digit, lower case, without Ctrl, Alt or Cmd. */
export function shortcutOfKey(event: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey || !/^[a-z0-9]$/i.test(event.key)) return null;
  return event.key.toLowerCase();
}

/** Why `key` cannot be the shortcut of the code `codeId` (null: a new code), or null when it can ("" is no key). */
export function shortcutProblem(key: string, codeId: string | null, codes: readonly Code[]): string | null {
  const k = key.trim().toLowerCase();
  if (k === '') return null;
  if (!/^[a-z0-9]$/.test(k)) return 'a shortcut is one key: a letter a–z or a digit 0–9';
  const thread = THREAD_KEYS[k];
  if (thread) return `“${k}” ${thread} in the thread: choose another key`;
  const other = codes.find((c) => c.id !== codeId && c.shortcut === k);
  return other ? `key “${k}” is already the shortcut of ${quoted(other.name)}` : null;
}

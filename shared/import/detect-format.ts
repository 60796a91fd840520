/**
 * The format registry's shape. Every importer is a FormatParser; formats/index.ts lists them in
 * the order detection tries them. Detection reads only the head of a file (its first bytes
 * decoded), so it is cheap for big files and the import preview can show the format before
 * parsing; the user or `--format` can override it.
 */
import type { Result } from '../util/result';
import type { ParsedFile } from './raw-post';
import type { Problem } from '../problem/problem';

/** How much of a file detection looks at: enough for the first record of every known format. */
export const DETECT_HEAD_CHARS = 64 * 1024;

export interface FormatParser {
  /** Stable id, used by `--format` and stored as ParsedFile.format. */
  id: string;
  /** Shown in the import dialog's format chooser. */
  label: string;
  /** True when the start of a file looks like this format. Must not throw, must be fast. */
  detect(head: string): boolean;
  parse(text: string, fileName: string): Result<ParsedFile, Problem[]>;
}

/**
 * The first parser whose signature matches, or null. Order matters: more specific formats come
 * first in the list.
 */
export function detectFormat(head: string, parsers: readonly FormatParser[]): FormatParser | null {
  const start = head.length > DETECT_HEAD_CHARS ? head.slice(0, DETECT_HEAD_CHARS) : head;
  return parsers.find((p) => p.detect(start)) ?? null;
}

/** `--format reddit-thread` → its parser; null for an unknown id. */
export function parserById(id: string, parsers: readonly FormatParser[]): FormatParser | null {
  return parsers.find((p) => p.id === id) ?? null;
}

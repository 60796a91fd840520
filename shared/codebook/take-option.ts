/**
 * `--take` of a codebook import with --into: which kinds of difference are taken. Non-interactive,
 * so the default is the one that cannot overwrite anything: only added codes. `all` is every kind
 * but removals; removals are taken only when named (`--take all,removed`).
 */
import { err, ok, type Result } from '../util/result';
import type { CodebookDiffEntry } from './codebook-diff';

export type DifferenceKind = CodebookDiffEntry['kind'];

export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['added', 'renamed', 'moved', 'changed', 'removed'];
const ALL: readonly DifferenceKind[] = ['added', 'renamed', 'moved', 'changed'];
export const DEFAULT_TAKE: ReadonlySet<DifferenceKind> = new Set(['added']);

/** "all", "all,removed", "added,renamed"…; undefined → the default. */
export function parseTake(value: string | undefined): Result<ReadonlySet<DifferenceKind>, string> {
  if (value === undefined) return ok(DEFAULT_TAKE);
  const taken = new Set<DifferenceKind>();
  for (const part of value.split(',').map((p) => p.trim())) {
    if (part === 'all') ALL.forEach((k) => taken.add(k));
    else if ((DIFFERENCE_KINDS as readonly string[]).includes(part)) taken.add(part as DifferenceKind);
    else return err(`--take: unknown kind "${part}" (one of: all, ${DIFFERENCE_KINDS.join(', ')}; e.g. --take all,removed)`);
  }
  return ok(taken);
}

/** The --take that would take a difference of this kind, for the "left" lines. */
export function takeHint(kind: DifferenceKind): string {
  return kind === 'removed' ? '--take all,removed' : '--take all';
}

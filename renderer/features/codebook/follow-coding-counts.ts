/**
 * The codebook's tallies, kept current from the journal instead of a live query. A live query of
 * the counts re-ran after every coding (three reads, a few tasks later) and re-rendered the
 * codebook in a frame of its own after the new mark's (issue 15, bench/scale-browser.mjs). Every
 * coding change is journaled with its record before and after, and the counts table is exactly
 * +1 per coding added and −1 per coding removed (renderer/db/coding-counts.ts), so the counts are
 * read once and then patched with each entry the project store tells, in the same task as the
 * thread's codings (one render, one frame). An entry out of sequence or a count that would go
 * below zero means: read again. The codes and coders named are the workspace's own live reads.
 */
import type { Coding } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectStore } from '@shared/project/project-store';

import { followJournalPatched } from '../../db/project-store';

/** Codings per code, then per coder (no entry for none), as the counts table keeps them. */
export type CodingCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** `counts` after `entry`: the same map when no coding changed, null when they must be read again. */
export function patchCodingCounts(source: CodingCounts, entry: JournalEntry): CodingCounts | null {
  const deltas = new Map<string, Map<string, number>>();
  const add = (coding: Coding, delta: number) => {
    const byCoder = deltas.get(coding.codeId) ?? new Map<string, number>();
    deltas.set(coding.codeId, byCoder.set(coding.coderId, (byCoder.get(coding.coderId) ?? 0) + delta));
  };
  for (const change of entry.changes) {
    if (change.table !== 'codings') continue;
    if (change.before !== null) add(change.before as Coding, -1);
    if (change.after !== null) add(change.after as Coding, +1);
  }
  if (deltas.size === 0) return source;
  const counts = new Map(source);
  for (const [codeId, byCoder] of deltas) {
    const next = new Map(source.get(codeId));
    for (const [coderId, delta] of byCoder) {
      const count = (next.get(coderId) ?? 0) + delta;
      // Below zero: the counts table clamps where this cannot; its word is the one shown.
      if (count < 0) return null;
      if (count === 0) next.delete(coderId);
      else next.set(coderId, count);
    }
    if (next.size === 0) counts.delete(codeId);
    else counts.set(codeId, next);
  }
  return counts;
}

/**
 * Follows the coding counts in `store`: `onChange` after the first read and after each entry
 * that changed them; `onError` if a read fails. Returns the way to stop.
 */
export function followCodingCounts(store: ProjectStore, onChange: (counts: CodingCounts) => void, onError: (error: unknown) => void): () => void {
  return followJournalPatched(store, (r) => r.codingCountsByCodeAndCoder(), patchCodingCounts, (counts) => onChange(counts), onError);
}

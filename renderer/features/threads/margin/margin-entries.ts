import { useMemo, useRef } from 'react';

import { codePath } from '@shared/codebook/code-path';
import type { Code, Coder, Coding } from '@shared/model/records';

import { changesOf, withPosts } from '../../../app/codings-by-post';

/** What the margin says about one coding: its code's name and colour, who coded it, what it covers. */
export interface MarginEntry {
  codingId: string;
  codeId: string;
  /** The code's name; `path` adds its parents ("Questions > Rhetorical question"). */
  name: string;
  path: string;
  color: string;
  coderName: string;
  quote: string;
  /** Code points into the post text: the order brackets of one height are laid out in. */
  start: number;
}

/** A post's margin entries, by where the codings start. */
export function marginEntries(
  codings: readonly Coding[],
  codes: ReadonlyMap<string, Code>,
  coders: ReadonlyMap<string, Coder>,
): MarginEntry[] {
  return [...codings]
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
    .map((coding) => {
      const code = codes.get(coding.codeId);
      return {
        codingId: coding.id,
        codeId: coding.codeId,
        name: code?.name ?? 'deleted code',
        path: codePath(codes, coding.codeId) || 'deleted code',
        color: code?.color ?? '#999999',
        coderName: coders.get(coding.coderId)?.name ?? 'unknown coder',
        quote: coding.quote,
        start: coding.start,
      };
    });
}

const sameEntries = (a: readonly MarginEntry[], b: readonly MarginEntry[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i] as MarginEntry;
    return x.codingId === y.codingId && x.path === y.path && x.color === y.color && x.coderName === y.coderName && x.start === y.start && x.quote === y.quote;
  });

const sameCodings = (a: readonly Coding[], b: readonly Coding[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i] as Coding;
    return x.id === y.id && x.start === y.start && x.end === y.end && x.codeId === y.codeId && x.coderId === y.coderId && x.quote === y.quote;
  });

export interface MarginKept {
  codes: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
  byPost: Map<string, { codings: readonly Coding[]; entries: readonly MarginEntry[] }>;
  /** The map these entries were derived from, and what they gave. */
  input: ReadonlyMap<string, readonly Coding[]> | null;
  out: ReadonlyMap<string, readonly MarginEntry[]>;
}

export const NOTHING_KEPT: MarginKept = { codes: new Map(), coders: new Map(), byPost: new Map(), input: null, out: new Map() };

/**
 * Margin entries per post, from what was derived `previous`ly. A post whose codings did not change
 * keeps its entries without recomputing them, and a post whose entries did not change keeps the
 * same array, so a coding re-renders the coded post's row only (the rows are memoized). After a
 * coding (a map from `regroupPosts`) only the coded post is looked at.
 */
export function deriveMarginEntries(
  previous: MarginKept,
  codingsByPost: ReadonlyMap<string, readonly Coding[]>,
  codes: ReadonlyMap<string, Code>,
  coders: ReadonlyMap<string, Coder>,
): MarginKept {
  // New names or colours (a code renamed, a coder added) may change any post's entries.
  const namesKept = previous.codes === codes && previous.coders === coders;
  const entriesOf = (postId: string, codings: readonly Coding[]): readonly MarginEntry[] => {
    const old = previous.byPost.get(postId);
    if (old && namesKept && (old.codings === codings || sameCodings(old.codings, codings))) return old.entries;
    const fresh = marginEntries(codings, codes, coders);
    return old && sameEntries(old.entries, fresh) ? old.entries : fresh;
  };
  const changed = changesOf(codingsByPost);
  if (namesKept && changed && changed.from === previous.input) {
    const byPost = new Map(previous.byPost);
    const out = withPosts(previous.out, changed.posts, (postId) => {
      const codings = codingsByPost.get(postId);
      if (!codings) {
        byPost.delete(postId);
        return undefined;
      }
      const entries = entriesOf(postId, codings);
      byPost.set(postId, { codings, entries });
      return entries;
    });
    return { codes, coders, byPost, input: codingsByPost, out };
  }
  const byPost: MarginKept['byPost'] = new Map();
  const out = new Map<string, readonly MarginEntry[]>();
  for (const [postId, codings] of codingsByPost) {
    const entries = entriesOf(postId, codings);
    byPost.set(postId, { codings, entries });
    out.set(postId, entries);
  }
  return { codes, coders, byPost, input: codingsByPost, out };
}

/** Margin entries per post, derived again for the changed posts only (see deriveMarginEntries). */
export function useMarginEntries(
  codingsByPost: ReadonlyMap<string, readonly Coding[]>,
  codes: ReadonlyMap<string, Code>,
  coders: ReadonlyMap<string, Coder>,
): ReadonlyMap<string, readonly MarginEntry[]> {
  const kept = useRef<MarginKept>(NOTHING_KEPT);
  return useMemo(() => {
    kept.current = deriveMarginEntries(kept.current, codingsByPost, codes, coders);
    return kept.current.out;
  }, [codingsByPost, codes, coders]);
}

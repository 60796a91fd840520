/**
 * Code queries: which of code A's codings a second code B lets through. Everything happens inside
 * one post, so B's codings are grouped by post once and each A coding looks only at its own post's.
 * A coding is never its own partner: with A and B sharing codes, a coding matches only another one.
 */
import type { Coding } from '../../model/records';
import type { SegmentCombination } from './segment-query';

export interface CombinedCodings {
  /** A's codings that pass, in the order given. */
  codings: Coding[];
  /** Per passing coding id, the code ids of the B codings that made it match (and/overlap/near only). */
  matchedCodeIds: Map<string, string[]>;
}

export function combineCodes(a: Coding[], b: readonly Coding[], combination: SegmentCombination | undefined): CombinedCodings {
  const matchedCodeIds = new Map<string, string[]>();
  if (!combination) return { codings: a, matchedCodeIds };
  const byPost = new Map<string, Coding[]>();
  for (const c of b) {
    const list = byPost.get(c.postId);
    if (list) list.push(c);
    else byPost.set(c.postId, [c]);
  }
  const related = partnerTest(combination);
  const not = combination.kind === 'not';
  const codings: Coding[] = [];
  for (const coding of a) {
    let partnerCodes: string[] | null = null;
    for (const other of byPost.get(coding.postId) ?? []) {
      if (other.id === coding.id || !related(coding, other)) continue;
      if (not) {
        partnerCodes = [];
        break;
      }
      if (partnerCodes === null) partnerCodes = [other.codeId];
      else if (!partnerCodes.includes(other.codeId)) partnerCodes.push(other.codeId);
    }
    if (not) {
      if (partnerCodes === null) codings.push(coding);
    } else if (partnerCodes !== null) {
      codings.push(coding);
      matchedCodeIds.set(coding.id, partnerCodes);
    }
  }
  return { codings, matchedCodeIds };
}

/** Whether a B coding in the same post counts as a partner of an A coding. */
function partnerTest(combination: SegmentCombination): (a: Coding, b: Coding) => boolean {
  switch (combination.kind) {
    case 'and-same-post':
    case 'not':
      return () => true;
    case 'overlap':
      // At least one code point shared (end exclusive).
      return (a, b) => a.start < b.end && b.start < a.end;
    case 'near': {
      const within = combination.within;
      return (a, b) => gapBetween(a, b) <= within;
    }
  }
}

/** Code points between two spans of one post; 0 when they touch or overlap. */
export function gapBetween(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
}

/**
 * The unit of adjudication: one code in one post, among the coders assigned the post (never the
 * consensus coder). Coders agree on a unit when every one of them applied the code with the same
 * distinct spans; they disagree when some applied it and some did not, or their spans differ.
 * Pure: the scope (who rated which post) comes from adjudication-scope.ts.
 */
import type { Coding, Post } from '../../model/records';
import { byPosition } from '../record-order';
import type { UnitScope } from './adjudication-scope';

/** Code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A distinct span and every coding that has exactly it. */
export interface SourcedSpan extends Span {
  sourceCodingIds: string[];
}

export interface CodingUnit {
  /** `<postId>|<codeId>`: the id of its decision too. */
  id: string;
  post: Post;
  codeId: string;
  /** The coders assigned the post, in the scope's coder order. */
  coderIds: readonly string[];
  /** Each coder's codings of the code in the post, by position (empty: they did not apply it). */
  codings: Coding[][];
  agreed: boolean;
}

export interface PostUnits {
  post: Post;
  coderIds: readonly string[];
  /** One unit per code some coder applied in the post, in code tree order. */
  units: CodingUnit[];
}

export const unitId = (postId: string, codeId: string): string => `${postId}|${codeId}`;

/**
 * The units of one post from its codings (any coder's: the scope picks who counts). Null when
 * fewer than two coders rated the post: one coder's codings say nothing to adjudicate.
 */
export function unitsOfPost(scope: UnitScope, post: Post, codings: readonly Coding[]): PostUnits | null {
  const coderIds = scope.raters(post.id);
  if (coderIds.length < 2) return null;
  // Called for every post of a corpus: a few coders, a few codes each, so arrays, not maps.
  const codeIds: string[] = [];
  const byCode: Coding[][][] = [];
  for (const coding of codings) {
    const i = coderIds.indexOf(coding.coderId);
    if (i === -1) continue;
    let k = codeIds.indexOf(coding.codeId);
    if (k === -1) {
      k = codeIds.push(coding.codeId) - 1;
      byCode.push(coderIds.map(() => []));
    }
    byCode[k]![i]!.push(coding);
  }
  const units = codeIds.map((codeId, k): CodingUnit => {
    const lists = byCode[k]!;
    for (const list of lists) if (list.length > 1) list.sort(byPosition);
    return { id: unitId(post.id, codeId), post, codeId, coderIds, codings: lists, agreed: allAgree(lists) };
  });
  if (units.length > 1) {
    const rank = (codeId: string): number => scope.codeRank.get(codeId) ?? Number.MAX_SAFE_INTEGER;
    units.sort((a, b) => rank(a.codeId) - rank(b.codeId) || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0));
  }
  return { post, coderIds, units };
}

/** One code's unit in a post however many coders rated it (a decision may be taken on any). */
export function unitFor(scope: UnitScope, post: Post, codings: readonly Coding[], codeId: string): CodingUnit {
  const coderIds = scope.raters(post.id);
  const lists = coderIds.map((id) => codings.filter((c) => c.coderId === id && c.codeId === codeId).sort(byPosition));
  return { id: unitId(post.id, codeId), post, codeId, coderIds, codings: lists, agreed: allAgree(lists) };
}

/** A coder's distinct spans, by position (a double highlight of one span is one span). */
export function distinctSpans(codings: readonly Coding[]): Span[] {
  const out: Span[] = [];
  for (const c of [...codings].sort(byPosition)) {
    const last = out[out.length - 1];
    if (!last || last.start !== c.start || last.end !== c.end) out.push({ start: c.start, end: c.end });
  }
  return out;
}

/** Every distinct span of these codings, by position, with the codings that have it (in list order). */
export function sourcedSpans(lists: ReadonlyArray<readonly Coding[]>): SourcedSpan[] {
  const byKey = new Map<string, SourcedSpan>();
  for (const list of lists) {
    for (const c of list) {
      const key = `${c.start}:${c.end}`;
      const span = byKey.get(key);
      if (span) span.sourceCodingIds.push(c.id);
      else byKey.set(key, { start: c.start, end: c.end, sourceCodingIds: [c.id] });
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Lists sorted by position; compared without copying (this runs for every unit of a corpus). */
function allAgree(lists: ReadonlyArray<readonly Coding[]>): boolean {
  if (lists.length < 2 || lists.some((l) => l.length === 0)) return false;
  const first = lists[0]!;
  return lists.every((l, i) => i === 0 || sameDistinct(first, l));
}

/** Whether two position-sorted lists have the same distinct spans (duplicates skipped). */
function sameDistinct(a: readonly Coding[], b: readonly Coding[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.start !== b[j]!.start || a[i]!.end !== b[j]!.end) return false;
    const { start, end } = a[i]!;
    while (i < a.length && a[i]!.start === start && a[i]!.end === end) i++;
    while (j < b.length && b[j]!.start === start && b[j]!.end === end) j++;
  }
  return i === a.length && j === b.length;
}

import { type AgreementInput, type CodingLayers, codingLayers, intervalsIn, layerOf, postsRatedByAll } from '../units/coding-layers';
import type { Interval } from '../units/intervals';

/** A post on which the chosen coders did not code one code identically. */
export interface Disagreement {
  postId: string;
  /** Each coder's intervals of the code in this post (code points), in the order of `coderIds`. */
  byCoder: ReadonlyArray<readonly Interval[]>;
  /** Characters coded by some coders but not all of them. */
  disputedChars: number;
}

/**
 * The posts where coders' highlights of one code differ, most disputed first: what a team
 * discusses when adjudicating. Only posts every coder rated are compared.
 */
export function disagreementsFor(
  input: AgreementInput,
  codeId: string,
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): Disagreement[] {
  const coderLayers = coderIds.map((id) => layerOf(layers, codeId, id));
  const found: Disagreement[] = [];
  for (const post of postsRatedByAll(input, coderIds)) {
    const byCoder = coderLayers.map((layer) => intervalsIn(layer, post.id));
    const first = byCoder[0] ?? [];
    if (byCoder.every((intervals) => sameIntervals(intervals, first))) continue;
    found.push({ postId: post.id, byCoder, disputedChars: disputed(byCoder) });
  }
  return found.sort((a, b) => b.disputedChars - a.disputedChars);
}

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((x, i) => x.start === b[i]?.start && x.end === b[i]?.end);
}

/** Length covered by at least one coder minus length covered by all: a sweep over boundaries. */
function disputed(byCoder: ReadonlyArray<readonly Interval[]>): number {
  const events: Array<[number, number]> = [];
  for (const intervals of byCoder) for (const i of intervals) events.push([i.start, 1], [i.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let last = 0;
  let total = 0;
  for (const [at, step] of events) {
    if (depth > 0 && depth < byCoder.length) total += at - last;
    depth += step;
    last = at;
  }
  return total;
}

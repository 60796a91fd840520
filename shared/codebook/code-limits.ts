/**
 * The size of a codebook Threadmark accepts, checked the same way on every path that makes codes
 * (a bundle, a .qdc/.qdpx/codebook CSV, an annotation import, add and move in the codebook panel),
 * so a tree that one path would refuse can never come in through another (docs/formats.md, "Limits").
 *
 * Depth 64: codebooks in the literature and in MAXQDA/NVivo/ATLAS.ti exports rarely pass 6 levels
 * (MAXQDA stops at 10). 64 leaves that ten times over while keeping every code path, which exports
 * write in full on each row, to at most 64 names, so a codebook export grows with the number of
 * codes, never with the square of the depth. It is also the XML nesting the REFI-QDA readers
 * already allowed.
 *
 * 20,000 codes: the largest real codebooks (auto-coded hashtags, imported dictionaries) have a few
 * thousand. Every code is a row in the codebook panel and in each export; far more is a broken or
 * hostile file, refused in milliseconds instead of freezing the import for seconds.
 */
import type { Code } from '../model/records';
import type { Problem } from '../problem/problem';
import { codeProblem } from './codebook-problem';

export const MAX_CODE_DEPTH = 64;
export const MAX_CODES = 20_000;

/** One sentence for the count check and the XML readers' early refusal (which counts only up to the cap). */
export function tooManyCodesMessage(count: number | string): string {
  return `the codebook holds ${typeof count === 'number' ? count.toLocaleString('en') : count} codes, more than the ${MAX_CODES.toLocaleString('en')} Threadmark accepts`;
}

export function tooDeepMessage(depth: number | string): string {
  return `it is nested ${depth} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts`;
}

/**
 * Level of each code (1 at the top), in one pass over the tree however it is ordered: each code's
 * chain of parents is walked once and remembered. A code in a parent loop, or under an unknown
 * parent, counts from where the chain breaks (loops and unknown parents are reported elsewhere).
 */
export function codeDepths(codes: Iterable<Pick<Code, 'id' | 'parentId'>>): Map<string, number> {
  const parentOf = new Map<string, string | null>();
  for (const code of codes) if (!parentOf.has(code.id)) parentOf.set(code.id, code.parentId);
  const depth = new Map<string, number>();
  const chain: string[] = [];
  for (const start of parentOf.keys()) {
    if (depth.has(start)) continue;
    chain.length = 0;
    const onChain = new Set<string>();
    let at: string | null | undefined = start;
    while (at !== null && at !== undefined && !depth.has(at) && !onChain.has(at) && parentOf.has(at)) {
      chain.push(at);
      onChain.add(at);
      at = parentOf.get(at);
    }
    let level = at !== null && at !== undefined && depth.has(at) ? depth.get(at)! : 0;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++level);
  }
  return depth;
}

type Place = Pick<Problem, 'record' | 'field' | 'line' | 'file'>;

const byDefault = (code: Code): Place => ({ record: codeProblem(code, 'parentId', '').record, field: 'parentId' });

/** Too many codes, or undefined. */
export function codeCountProblem(count: number, place: Place = { record: 'codebook' }): Problem | undefined {
  return count > MAX_CODES ? { ...place, message: tooManyCodesMessage(count) } : undefined;
}

/**
 * The deepest code when it is deeper than MAX_CODE_DEPTH, or undefined. `place` names a code as the
 * caller's format does (an element path, a bundle record); by default as the codebook panel does.
 */
export function codeDepthProblem(codes: readonly Code[], place: (code: Code) => Place = byDefault): Problem | undefined {
  const depths = codeDepths(codes);
  let deepest: Code | undefined;
  let deepestLevel = MAX_CODE_DEPTH;
  for (const code of codes) {
    const level = depths.get(code.id) ?? 0;
    if (level > deepestLevel) {
      deepest = code;
      deepestLevel = level;
    }
  }
  return deepest === undefined ? undefined : { ...place(deepest), message: tooDeepMessage(deepestLevel) };
}

/** Both caps: the count first (it is the cheaper to tell), then the depth. */
export function codebookLimitProblem(codes: readonly Code[], place?: (code: Code) => Place): Problem | undefined {
  return codeCountProblem(codes.length) ?? codeDepthProblem(codes, place);
}

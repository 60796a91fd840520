/**
 * A round's sample, drawn so that it can be drawn again: the same pool (in the same order) and the
 * same seed give the same posts on every machine (mulberry32, never Math.random). Placeholders
 * ("[missing]", "[more]") and stub posts (no text) are never drawn: there is nothing to code in
 * them. Stratified, each stratum gets its share of the sample by largest remainder (Hamilton), so
 * a platform holding 30 % of the pool holds 30 % of the sample, to the post.
 */
import { mulberry32 } from '../agreement/seeded-random';
import type { Platform, SampleSpec } from '../model/records';

export interface SamplePost {
  id: string;
  threadId: string;
  platform: Platform;
  text: string;
  /** `meta.placeholder` is set: a post the source only hinted at. */
  placeholder: boolean;
}

/** Whether a post can be coded at all: not a placeholder, and some text. */
export const isSampleable = (post: Pick<SamplePost, 'text' | 'placeholder'>): boolean => !post.placeholder && /\S/.test(post.text);

/**
 * The ids of the drawn posts, in pool order. `spec.size` counts units (posts, or threads); a size
 * at least the pool's is the whole (codable) pool. Works on typed arrays of indices, not an
 * object per post: a pool of 100,000 posts is drawn from in a few milliseconds.
 */
export function drawSample(pool: readonly SamplePost[], spec: SampleSpec): string[] {
  const eligible = pool.filter(isSampleable);
  const { unitOf, unitCount, strata } = unitsOf(eligible, spec);
  const size = Math.max(0, Math.floor(spec.size));
  const chosen = new Uint8Array(unitCount);
  if (size >= unitCount) chosen.fill(1);
  else {
    const random = mulberry32(spec.seed);
    // Units grouped by stratum (a counting sort), strata in the order they first appear.
    const counts = new Array<number>(strata.count).fill(0);
    for (let u = 0; u < unitCount; u++) counts[strata.of[u]!]! += 1;
    const starts = new Int32Array(strata.count + 1);
    for (let s = 0; s < strata.count; s++) starts[s + 1] = starts[s]! + counts[s]!;
    const grouped = new Int32Array(unitCount);
    const next = starts.slice(0, strata.count);
    for (let u = 0; u < unitCount; u++) grouped[next[strata.of[u]!]!++] = u;
    allocate(counts, size, random).forEach((take, s) => {
      for (const u of pick(grouped.subarray(starts[s]!, starts[s + 1]!), take, random)) chosen[u] = 1;
    });
  }
  const out: string[] = [];
  eligible.forEach((post, i) => {
    if (chosen[unitOf[i]!] === 1) out.push(post.id);
  });
  return out;
}

interface Units {
  /** Per eligible post, its unit (itself, or its thread). */
  unitOf: Int32Array;
  unitCount: number;
  /** Per unit, its stratum (0 for all when not stratified). */
  strata: { of: Int32Array; count: number };
}

function unitsOf(posts: readonly SamplePost[], spec: SampleSpec): Units {
  const unitOf = new Int32Array(posts.length);
  const unitOfThread = new Map<string, number>();
  const strataIds = new Map<string, number>();
  const stratumOfUnit: number[] = [];
  // A thread's posts are usually consecutive: the last key found spares most map lookups.
  let lastKey: string | null = null;
  let lastStratum = 0;
  let lastThread: string | null = null;
  let lastUnit = 0;
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    let unit = i;
    if (spec.unit === 'thread') {
      // A thread is one unit, in the stratum of its first codable post (its platform, in practice).
      let isNew = false;
      if (post.threadId !== lastThread) {
        const known = unitOfThread.get(post.threadId);
        isNew = known === undefined;
        lastUnit = known ?? unitOfThread.size;
        if (isNew) unitOfThread.set(post.threadId, lastUnit);
        lastThread = post.threadId;
      }
      if (!isNew) {
        unitOf[i] = lastUnit;
        continue;
      }
      unit = lastUnit;
    }
    unitOf[i] = unit;
    const key = spec.stratifyBy === 'thread' ? post.threadId : spec.stratifyBy === 'platform' ? post.platform : '';
    if (key !== lastKey) {
      let stratum = strataIds.get(key);
      if (stratum === undefined) strataIds.set(key, (stratum = strataIds.size));
      lastKey = key;
      lastStratum = stratum;
    }
    stratumOfUnit.push(lastStratum);
  }
  return { unitOf, unitCount: stratumOfUnit.length, strata: { of: Int32Array.from(stratumOfUnit), count: strataIds.size } };
}

/**
 * Largest remainder: each stratum's quota is size × its share; the whole parts are given, then
 * the units left go to the largest remainders. Ties are broken in a seeded random order, not by
 * which stratum came first, so no stratum is favoured by where it sits in the pool.
 */
function allocate(counts: readonly number[], size: number, random: () => number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  // Integer arithmetic (size × count < 2^53 for any real pool): remainders compare exactly.
  const whole = counts.map((n) => Math.floor((size * n) / total));
  const remainder = counts.map((n, i) => size * n - whole[i]! * total);
  const tieBreak = counts.map(() => random());
  const order = counts.map((_, i) => i).sort((a, b) => remainder[b]! - remainder[a]! || tieBreak[a]! - tieBreak[b]!);
  let left = size - whole.reduce((a, b) => a + b, 0);
  for (const i of order) {
    if (left === 0) break;
    whole[i] = whole[i]! + 1;
    left -= 1;
  }
  return whole;
}

/** `take` units drawn without replacement: a partial Fisher–Yates shuffle of the stratum's slice, in place. */
function pick(units: Int32Array, take: number, random: () => number): Int32Array {
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (units.length - i));
    const u = units[i]!;
    units[i] = units[j]!;
    units[j] = u;
  }
  return units.subarray(0, take);
}

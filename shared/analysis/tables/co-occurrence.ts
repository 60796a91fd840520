/**
 * The code co-occurrence matrix: code × code, symmetric, counted in units.
 *
 * - `post`: the unit is a post; codes A and B co-occur in a post holding a coding of each.
 * - `overlap`: the unit is a post too; A and B co-occur in a post where a coding of A and a coding
 *   of B share at least one code point. Counted once per post, however many pairs overlap there.
 * - `thread`: the unit is a thread holding a coding of each.
 *
 * The diagonal is the number of units holding the code (posts for `overlap` and `post`). Jaccard
 * is |units where A and B co-occur| / |units holding A or B|: for `post` and `thread`
 * n(A,B) / (n(A) + n(B) − n(A,B)); for `overlap` the posts where they overlap over the posts
 * holding either. 1 on the diagonal, null where neither code has a unit.
 *
 * With a coder filter only those coders' codings count, whoever made them: A by one coder and B
 * by another in one post co-occur.
 */
import type { ProjectReader } from '../../project/project-store';
import { compareStrings } from '../../project/record-order';
import { codeRows, type CodeRow } from './code-rows';
import { groupsOf } from './group-indices';
import { readTableInput, type TableInput } from './table-input';
import { coderSet, type CoOccurrenceBy, type CoOccurrenceMeasure } from './table-options';

export interface CoOccurrenceOptions {
  by: CoOccurrenceBy;
  measure: CoOccurrenceMeasure;
  /** Only these coders' codings (ids); absent or empty: everyone's. */
  coderIds?: readonly string[];
}

export interface CoOccurrenceMatrix {
  by: CoOccurrenceBy;
  measure: CoOccurrenceMeasure;
  /** The coder filter applied ([] = every coder). */
  coderIds: string[];
  /** Rows and columns alike: every code in tree order. */
  codes: CodeRow[];
  /** Per code, the units holding it (posts; threads for `thread`). */
  units: number[];
  /** counts[i][j]: the units where codes i and j co-occur; counts[i][i] = units[i]. */
  counts: number[][];
  /** What `measure` shows: `counts`, or Jaccard (null where neither code has a unit). */
  values: Array<Array<number | null>>;
  /** For `thread`: per code, the ids of the threads holding it, sorted (a cell's segments are read there). */
  threadsOf: string[][];
}

export async function coOccurrence(reader: ProjectReader, options: CoOccurrenceOptions): Promise<CoOccurrenceMatrix> {
  return buildCoOccurrence(await readTableInput(reader, { posts: false, labels: false }), options);
}

export function buildCoOccurrence(input: TableInput, options: CoOccurrenceOptions): CoOccurrenceMatrix {
  const codes = codeRows(input.codes);
  const n = codes.length;
  const indexOf = new Map(codes.map((c, i) => [c.codeId, i]));
  const coders = coderSet(options.coderIds);
  const byThread = options.by === 'thread';
  const overlap = options.by === 'overlap';

  // The counted codings as parallel typed arrays (code, unit, span), the unit numbered in the same
  // pass: no object per coding, one Map lookup per coding for its code and one for its unit.
  const all = input.codings;
  const codeAt = new Int32Array(all.length);
  const unitAt = new Int32Array(all.length);
  const startAt = overlap ? new Int32Array(all.length) : null;
  const endAt = overlap ? new Int32Array(all.length) : null;
  const unitNumbers = new Map<string, number>();
  const unitKeys: string[] = [];
  // A post's codings mostly come one after another (made in one sitting): the previous unit is
  // checked before the Map, which is most of the pass's cost.
  let lastKey: string | undefined;
  let lastUnit = -1;
  let m = 0;
  for (const coding of all) {
    if (coders !== null && !coders.has(coding.coderId)) continue;
    const code = indexOf.get(coding.codeId);
    if (code === undefined) continue;
    const key = byThread ? coding.threadId : coding.postId;
    let unit = key === lastKey ? lastUnit : unitNumbers.get(key);
    if (unit === undefined) {
      unit = unitKeys.length;
      unitNumbers.set(key, unit);
      unitKeys.push(key);
    }
    lastKey = key;
    lastUnit = unit;
    codeAt[m] = code;
    unitAt[m] = unit;
    if (startAt && endAt) {
      startAt[m] = coding.start;
      endAt[m] = coding.end;
    }
    m++;
  }
  const groups = groupsOf(unitAt, m, unitKeys.length);

  const units = new Float64Array(n);
  const together = new Float64Array(n * n);
  // Units holding both codes: what `together` is for post and thread, and for overlap what the
  // union of Jaccard's denominator needs (posts with A or B = n(A) + n(B) − posts with both).
  const both = overlap ? new Float64Array(n * n) : together;
  const threadUnits: number[][] = codes.map(() => []);
  // "Already counted in this unit", per code and per pair: a stamp, not a set per unit.
  const codeSeen = new Int32Array(n).fill(-1);
  const pairSeen = overlap ? new Int32Array(n * n).fill(-1) : null;
  const present = new Int32Array(n);
  let members = new Int32Array(16);
  // Threads are visited in id order, so each code's thread list comes out sorted (one sort of the
  // ids, not one per code); the order of visits changes no count.
  const order = byThread ? Int32Array.from(unitKeys.keys()).sort((a, b) => compareStrings(unitKeys[a]!, unitKeys[b]!)) : null;
  for (let at = 0; at < groups.count; at++) {
    const g = order ? order[at]! : at;
    const from = groups.offsets[g]!;
    const to = groups.offsets[g + 1]!;
    let held = 0;
    for (let k = from; k < to; k++) {
      const code = codeAt[groups.items[k]!]!;
      if (codeSeen[code] === g) continue;
      codeSeen[code] = g;
      present[held++] = code;
      units[code]! += 1;
      if (byThread) threadUnits[code]!.push(g);
    }
    if (held < 2) continue;
    for (let i = 0; i < held; i++) {
      for (let j = i + 1; j < held; j++) {
        const a = present[i]!;
        const b = present[j]!;
        both[a < b ? a * n + b : b * n + a]! += 1;
      }
    }
    if (pairSeen && startAt && endAt) {
      if (members.length < to - from) members = new Int32Array(2 * (to - from));
      for (let k = from; k < to; k++) members[k - from] = groups.items[k]!;
      countOverlaps(members, to - from, { codeAt, startAt, endAt }, n, g, pairSeen, together);
    }
  }

  const threadsOf = threadUnits.map((list) => list.map((g) => unitKeys[g]!));
  const at = (matrix: Float64Array, i: number, j: number): number => (i === j ? units[i]! : matrix[Math.min(i, j) * n + Math.max(i, j)]!);
  const counts = codes.map((_, i) => codes.map((__, j) => at(together, i, j)));
  const values = options.measure === 'count' ? counts : counts.map((row, i) => row.map((count, j) => jaccard(count, units[i]! + units[j]! - at(both, i, j))));
  return { by: options.by, measure: options.measure, coderIds: [...(options.coderIds ?? [])], codes, units: Array.from(units), counts, values, threadsOf };
}

interface Spans {
  codeAt: Int32Array;
  startAt: Int32Array;
  endAt: Int32Array;
}

/**
 * Adds 1 to `together` for each pair of different codes whose spans overlap in this post (once per
 * pair): the post's codings (`members[0 … size − 1]`) sorted by start, then a sweep.
 */
function countOverlaps(members: Int32Array, size: number, spans: Spans, n: number, post: number, pairSeen: Int32Array, together: Float64Array): void {
  const { codeAt, startAt, endAt } = spans;
  // A post holds a handful of codings: an insertion sort in place beats a comparator sort's setup.
  for (let i = 1; i < size; i++) {
    const item = members[i]!;
    const start = startAt[item]!;
    let j = i - 1;
    while (j >= 0 && startAt[members[j]!]! > start) {
      members[j + 1] = members[j]!;
      j--;
    }
    members[j + 1] = item;
  }
  for (let i = 0; i < size; i++) {
    const a = members[i]!;
    const codeA = codeAt[a]!;
    const endA = endAt[a]!;
    // Sorted by start: every later span starting before a's end begins inside a.
    for (let j = i + 1; j < size && startAt[members[j]!]! < endA; j++) {
      const b = members[j]!;
      const codeB = codeAt[b]!;
      // b starts in [a.start, a.end): they share a code point unless b is empty.
      if (codeB === codeA || endAt[b]! <= startAt[b]!) continue;
      const pair = codeA < codeB ? codeA * n + codeB : codeB * n + codeA;
      if (pairSeen[pair] === post) continue;
      pairSeen[pair] = post;
      together[pair]! += 1;
    }
  }
}

/** Co-occurring units over the units holding either code; null when neither has any. */
function jaccard(together: number, either: number): number | null {
  return either === 0 ? null : together / either;
}

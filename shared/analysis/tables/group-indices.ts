/**
 * Items grouped by a string key without an array or object per group: a Map from key to group
 * number, then a counting sort into one index array (compressed rows). The tables group 200,000
 * codings by post this way at about the cost of one Map lookup per coding.
 */
export interface Groups {
  /** Number of groups, in order of first appearance. */
  count: number;
  /** Group g's items are `items[offsets[g]] … items[offsets[g + 1] - 1]`, in input order. */
  offsets: Int32Array;
  items: Int32Array;
}

export function groupIndices(length: number, keyAt: (i: number) => string): Groups {
  const numbers = new Map<string, number>();
  const groupOf = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const key = keyAt(i);
    let g = numbers.get(key);
    if (g === undefined) {
      g = numbers.size;
      numbers.set(key, g);
    }
    groupOf[i] = g;
  }
  return groupsOf(groupOf, length, numbers.size);
}

/** The groups of items 0 … length − 1 already numbered (`groupOf[i]` in 0 … count − 1, numbered in order of first appearance). */
export function groupsOf(groupOf: Int32Array, length: number, count: number): Groups {
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < length; i++) offsets[groupOf[i]! + 1]! += 1;
  for (let g = 0; g < count; g++) offsets[g + 1]! += offsets[g]!;
  const next = offsets.slice(0, count);
  const items = new Int32Array(length);
  for (let i = 0; i < length; i++) items[next[groupOf[i]!]!++] = i;
  return { count, offsets, items };
}

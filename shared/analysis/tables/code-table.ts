/**
 * A code × (thread | author | platform | coder | month) frequency table: rows are the codebook's
 * codes in tree order (each code's own codings; a category's sub-codes have their own rows), a
 * cell counts the codings of that code in that column, or the posts they are in, or the code
 * points they cover.
 *
 * Totals apply the same count to the union, never add cells up where that would count a unit
 * twice: a row total of posts counts each post once even when two coders' columns both hold it;
 * a column (and the grand) total of characters counts a code point covered by two codes once.
 * For codings, totals are plain sums.
 */
import type { ProjectReader } from '../../project/project-store';
import { codeRows, type CodeRow } from './code-rows';
import { groupsOf, type Groups } from './group-indices';
import { columnKeyer, orderColumns, type TableColumn } from './table-columns';
import { readTableInput, type TableInput } from './table-input';
import { parseAttributeColumns } from './attribute-columns';
import { coderSet, type TableColumns, type TableCount } from './table-options';

export interface CodeTableOptions {
  cols: TableColumns;
  count: TableCount;
  /** Only these coders' codings (ids); absent or empty: everyone's. */
  coderIds?: readonly string[];
}

export interface CodeTableRow extends CodeRow {
  cells: number[];
  total: number;
}

export interface CodeTableColumn extends TableColumn {
  total: number;
}

export interface CodeTable {
  cols: TableColumns;
  count: TableCount;
  /** The coder filter applied ([] = every coder). */
  coderIds: string[];
  columns: CodeTableColumn[];
  rows: CodeTableRow[];
  total: number;
}

/** Whether the table's columns need the coded posts read (author, platform, month, author attributes). */
export const columnsNeedPosts = (cols: TableColumns): boolean => cols === 'author' || cols === 'platform' || cols === 'month' || parseAttributeColumns(cols)?.scope === 'author';

export async function codeTable(reader: ProjectReader, options: CodeTableOptions): Promise<CodeTable> {
  return buildCodeTable(await readTableInput(reader, { posts: columnsNeedPosts(options.cols), labels: true, attributes: parseAttributeColumns(options.cols) !== null }), options);
}

export function buildCodeTable(input: TableInput, options: CodeTableOptions): CodeTable {
  const rows = codeRows(input.codes);
  const rowOf = new Map(rows.map((r, i) => [r.codeId, i]));
  const coders = coderSet(options.coderIds);
  const keyOf = columnKeyer(options.cols, input);

  // The counted codings as parallel typed arrays (row, column key number, post number, span): no
  // object or string per coding. The author, platform, month and author-attribute columns follow
  // the post, so their key is worked out once per post, not once per coding.
  const all = input.codings;
  const rowAt = new Int32Array(all.length);
  const keyAt = new Int32Array(all.length);
  const postAt = new Int32Array(all.length);
  const startAt = new Int32Array(all.length);
  const endAt = new Int32Array(all.length);
  const keyNumbers = new Map<string, number>();
  const postNumbers = new Map<string, number>();
  const keyOfPost: number[] = [];
  const perPost = columnsNeedPosts(options.cols);
  const numberKey = (key: string): number => {
    let k = keyNumbers.get(key);
    if (k === undefined) keyNumbers.set(key, (k = keyNumbers.size));
    return k;
  };
  // A post's codings mostly come one after another (made in one sitting): the previous post is
  // checked before the Map, which is most of the pass's cost.
  let lastPostId: string | undefined;
  let lastPost: number | undefined;
  let m = 0;
  for (const coding of all) {
    if (coders !== null && !coders.has(coding.coderId)) continue;
    const row = rowOf.get(coding.codeId);
    if (row === undefined) continue;
    let post = coding.postId === lastPostId ? lastPost : postNumbers.get(coding.postId);
    let key: number;
    if (perPost && post !== undefined) key = keyOfPost[post]!;
    else {
      const k = keyOf(coding);
      key = k === undefined ? -1 : numberKey(k);
    }
    // A coding of a code or post that is not stored is not counted (the project's rules forbid both).
    if (key === -1) continue;
    if (post === undefined) {
      post = keyOfPost.length;
      postNumbers.set(coding.postId, post);
      keyOfPost.push(key);
    }
    lastPostId = coding.postId;
    lastPost = post;
    rowAt[m] = row;
    keyAt[m] = key;
    postAt[m] = post;
    startAt[m] = coding.start;
    endAt[m] = coding.end;
    m++;
  }
  const columns = orderColumns(options.cols, new Set(keyNumbers.keys()), input);
  const colOfKey = new Int32Array(keyNumbers.size);
  columns.forEach((c, i) => (colOfKey[keyNumbers.get(c.key)!] = i));
  const colAt = new Int32Array(m);
  for (let i = 0; i < m; i++) colAt[i] = colOfKey[keyAt[i]!]!;

  const width = columns.length;
  const tally = new Tally(rows.length, width);
  if (options.count === 'codings') {
    for (let i = 0; i < m; i++) tally.add(rowAt[i]!, colAt[i]!, 1);
  } else {
    const groups = groupsOf(postAt, m, keyOfPost.length);
    const post: Counted = { rowAt, colAt, startAt, endAt, width };
    if (options.count === 'posts') countPosts(groups, post, tally);
    else countChars(groups, post, tally);
  }

  return {
    cols: options.cols,
    count: options.count,
    coderIds: [...(options.coderIds ?? [])],
    columns: columns.map((c, i) => ({ ...c, total: tally.colTotals[i]! })),
    rows: rows.map((r, i) => ({ ...r, cells: Array.from(tally.cells.subarray(i * width, (i + 1) * width)), total: tally.rowTotals[i]! })),
    total: tally.total,
  };
}

interface Counted {
  rowAt: Int32Array;
  colAt: Int32Array;
  startAt: Int32Array;
  endAt: Int32Array;
  width: number;
}

class Tally {
  readonly cells: Float64Array;
  readonly rowTotals: Float64Array;
  readonly colTotals: Float64Array;
  total = 0;
  constructor(
    rows: number,
    private readonly width: number,
  ) {
    this.cells = new Float64Array(rows * width);
    this.rowTotals = new Float64Array(rows);
    this.colTotals = new Float64Array(width);
  }
  add(row: number, col: number, n: number): void {
    this.cells[row * this.width + col]! += n;
    this.rowTotals[row]! += n;
    this.colTotals[col]! += n;
    this.total += n;
  }
}

/**
 * Each post adds 1 to every (code, column) cell, code row and column it holds, and 1 to the
 * grand total. "Seen in this post" is a stamp per cell, row and column: no set per post.
 */
function countPosts(groups: Groups, c: Counted, tally: Tally): void {
  const cellSeen = new Int32Array(tally.cells.length).fill(-1);
  const rowSeen = new Int32Array(tally.rowTotals.length).fill(-1);
  const colSeen = new Int32Array(tally.colTotals.length).fill(-1);
  for (let g = 0; g < groups.count; g++) {
    for (let k = groups.offsets[g]!; k < groups.offsets[g + 1]!; k++) {
      const i = groups.items[k]!;
      const row = c.rowAt[i]!;
      const col = c.colAt[i]!;
      const cell = row * c.width + col;
      if (cellSeen[cell] !== g) {
        cellSeen[cell] = g;
        tally.cells[cell]! += 1;
      }
      if (rowSeen[row] !== g) {
        rowSeen[row] = g;
        tally.rowTotals[row]! += 1;
      }
      if (colSeen[col] !== g) {
        colSeen[col] = g;
        tally.colTotals[col]! += 1;
      }
    }
    tally.total += 1;
  }
}

/** Each post adds the code points covered in each of its cells, code rows and columns, and in all. */
function countChars(groups: Groups, c: Counted, tally: Tally): void {
  const cellSeen = new Int32Array(tally.cells.length).fill(-1);
  const rowSeen = new Int32Array(tally.rowTotals.length).fill(-1);
  const colSeen = new Int32Array(tally.colTotals.length).fill(-1);
  let members = new Int32Array(16);
  const all = (): boolean => true;
  for (let g = 0; g < groups.count; g++) {
    const from = groups.offsets[g]!;
    const to = groups.offsets[g + 1]!;
    if (to - from === 1) {
      // Most posts hold one counted coding: its length is every figure.
      const i = groups.items[from]!;
      tally.add(c.rowAt[i]!, c.colAt[i]!, Math.max(0, c.endAt[i]! - c.startAt[i]!));
      continue;
    }
    const size = to - from;
    if (members.length < size) members = new Int32Array(2 * size);
    for (let k = from; k < to; k++) members[k - from] = groups.items[k]!;
    sortByStart(members, size, c.startAt);
    for (let k = 0; k < size; k++) {
      const i = members[k]!;
      const row = c.rowAt[i]!;
      const col = c.colAt[i]!;
      const cell = row * c.width + col;
      if (cellSeen[cell] !== g) {
        cellSeen[cell] = g;
        tally.cells[cell]! += coveredWhere(members, size, c, (x) => c.rowAt[x] === row && c.colAt[x] === col);
      }
      if (rowSeen[row] !== g) {
        rowSeen[row] = g;
        tally.rowTotals[row]! += coveredWhere(members, size, c, (x) => c.rowAt[x] === row);
      }
      if (colSeen[col] !== g) {
        colSeen[col] = g;
        tally.colTotals[col]! += coveredWhere(members, size, c, (x) => c.colAt[x] === col);
      }
    }
    tally.total += coveredWhere(members, size, c, all);
  }
}

/** Sorts `members[0 … size − 1]` by their spans' start; a post holds a handful of codings, so an insertion sort in place. */
function sortByStart(members: Int32Array, size: number, startAt: Int32Array): void {
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
}

/** coveredLength of the spans of the members (sorted by start) that pass `test`, without copying them. */
function coveredWhere(members: Int32Array, size: number, c: Counted, test: (item: number) => boolean): number {
  let total = 0;
  let runStart = 0;
  let runEnd = 0;
  let open = false;
  for (let k = 0; k < size; k++) {
    const i = members[k]!;
    if (!test(i)) continue;
    const start = c.startAt[i]!;
    const end = c.endAt[i]!;
    if (!open) {
      open = true;
      runStart = start;
      runEnd = start;
    } else if (start > runEnd) {
      total += runEnd - runStart;
      runStart = start;
      runEnd = start;
    }
    if (end > runEnd) runEnd = end;
  }
  return total + (runEnd - runStart);
}

/**
 * The codebook tree as the panel shows it: codes in tree order with their ARIA tree attributes,
 * collapsed branches hidden, and a name filter that keeps each match's ancestors for context.
 * Pure, so the tree's shape is tested without a DOM.
 */
import { sortCodesAsTree } from '@shared/codebook/code-path';
import { codeNameKey } from '@shared/codebook/codebook-problem';
import type { Code } from '@shared/model/records';
import { sumTallies, type CodingTally } from '@shared/project/queries/codebook-reads';

export interface TreeRow {
  code: Code;
  /** The parent as the tree shows it (null for a root, also for a code whose parent is missing). */
  parentId: string | null;
  /** 1 for a top-level code (aria-level). */
  level: number;
  hasChildren: boolean;
  /** Whether its children are shown (always true while filtering). */
  expanded: boolean;
  /** Position among its shown siblings, from 1 (aria-posinset), and their number (aria-setsize). */
  posInSet: number;
  setSize: number;
  /** False for an ancestor shown only because a code below it matches the filter. */
  matches: boolean;
}

interface Placed {
  code: Code;
  parentId: string | null;
  depth: number;
}

/** Every code with the parent and depth the tree gives it (sortCodesAsTree's pre-order). */
function place(codes: readonly Code[]): Placed[] {
  const path: string[] = [];
  return sortCodesAsTree(codes).map(({ code, depth }) => {
    path.length = depth;
    const parentId = depth === 0 ? null : (path[depth - 1] ?? null);
    path.push(code.id);
    return { code, parentId, depth };
  });
}

/** The rows to show: with a non-blank `filter`, the codes whose name contains it and their ancestors. */
export function visibleRows(codes: readonly Code[], collapsed: ReadonlySet<string>, filter: string): TreeRow[] {
  const placed = place(codes);
  const key = codeNameKey(filter.trim());
  const filtering = key !== '';
  const matching = new Set(placed.filter((p) => codeNameKey(p.code.name).includes(key)).map((p) => p.code.id));
  const shown = filtering ? withAncestors(placed, matching) : new Set(placed.map((p) => p.code.id));

  const childCount = new Map<string, number>();
  for (const p of placed) if (p.parentId !== null && shown.has(p.code.id)) childCount.set(p.parentId, (childCount.get(p.parentId) ?? 0) + 1);

  const rows: TreeRow[] = [];
  let hiddenBelowDepth = Infinity;
  for (const p of placed) {
    if (p.depth > hiddenBelowDepth) continue;
    hiddenBelowDepth = Infinity;
    if (!shown.has(p.code.id)) continue;
    const hasChildren = (childCount.get(p.code.id) ?? 0) > 0;
    const expanded = filtering || !collapsed.has(p.code.id);
    if (hasChildren && !expanded) hiddenBelowDepth = p.depth;
    rows.push({ code: p.code, parentId: p.parentId, level: p.depth + 1, hasChildren, expanded, posInSet: 0, setSize: 0, matches: !filtering || matching.has(p.code.id) });
  }
  numberSiblings(rows);
  return rows;
}

function withAncestors(placed: readonly Placed[], matching: ReadonlySet<string>): Set<string> {
  const parentOf = new Map(placed.map((p) => [p.code.id, p.parentId]));
  const shown = new Set<string>();
  for (const id of matching) {
    for (let at: string | null = id; at !== null && !shown.has(at); at = parentOf.get(at) ?? null) shown.add(at);
  }
  return shown;
}

function numberSiblings(rows: TreeRow[]): void {
  const groups = new Map<string | null, TreeRow[]>();
  for (const row of rows) {
    const group = groups.get(row.parentId);
    if (group) group.push(row);
    else groups.set(row.parentId, [row]);
  }
  for (const group of groups.values()) group.forEach((row, i) => Object.assign(row, { posInSet: i + 1, setSize: group.length }));
}

/**
 * The count a row shows: a code's own codings, or for a category (which has none of its own) the
 * codings of every code below it.
 */
export function displayedCounts(codes: readonly Code[], own: ReadonlyMap<string, number>): Map<string, number> {
  const placed = place(codes);
  const totals = new Map(placed.map((p) => [p.code.id, own.get(p.code.id) ?? 0]));
  // Children come after their parent in pre-order: walking backwards adds each subtree up once.
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!;
    if (p.parentId !== null) totals.set(p.parentId, (totals.get(p.parentId) ?? 0) + (totals.get(p.code.id) ?? 0));
  }
  return new Map(placed.map((p) => [p.code.id, p.code.codable ? (own.get(p.code.id) ?? 0) : (totals.get(p.code.id) ?? 0)]));
}

const NO_TALLY: CodingTally = { total: 0, byCoder: [] };

/** Like displayedCounts, per coder: a code's own tally, a category's the sum of everything below it. */
export function displayedTallies(codes: readonly Code[], own: ReadonlyMap<string, CodingTally>): Map<string, CodingTally> {
  const placed = place(codes);
  const totals = new Map(placed.map((p) => [p.code.id, own.get(p.code.id) ?? NO_TALLY]));
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!;
    if (p.parentId !== null) totals.set(p.parentId, sumTallies([totals.get(p.parentId) ?? NO_TALLY, totals.get(p.code.id) ?? NO_TALLY]));
  }
  return new Map(placed.map((p) => [p.code.id, p.code.codable ? (own.get(p.code.id) ?? NO_TALLY) : (totals.get(p.code.id) ?? NO_TALLY)]));
}

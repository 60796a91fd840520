/**
 * The codebook after taking some entries of a codebook diff and leaving the rest. Only taken
 * aspects change; nothing is overwritten silently: every changed code is reported with a sentence
 * (AppliedChange, for the change log), and every taken entry that could not be applied as asked
 * is reported with the reason (SkippedChange).
 *
 * Decisions:
 * - Steps run in a fixed order: names and fields, additions, moves, removals, shortcut conflicts,
 *   sibling order. Moves are retried until none succeeds, so swapping a parent and its child works
 *   when both moves are taken; a move that would still put a code inside itself is skipped.
 * - An added code keeps its GUID unless a current code has it; it goes under its incoming parent,
 *   else under the nearest incoming ancestor that exists after the merge, else at the top level.
 *   Its exemplars refer to codings of another project and are dropped.
 * - A move to a parent whose addition was left out is skipped (putting the code somewhere the
 *   researcher did not choose would be a silent change).
 * - A removed code's children move up to its nearest surviving ancestor; the caller deals with
 *   the removed code's codings.
 * - Codes that get a new child or lose one have their children's `order` renumbered 0..n-1: the
 *   ones already there keep their order, codes placed there follow in the order they were placed.
 *   A code whose only change is that renumbering is in `codes` but not reported.
 */
import type { Code } from '../model/records';
import type { IdSource } from '../util/clock';
import type { CodebookDiff, MovedEntry } from './codebook-diff';
import { compareSiblings, sortCodesAsTree } from './code-path';
import { DIFFED_FIELDS, sameFieldValue } from './code-field-values';
import { describeCodeChange, quoted } from './describe-code-change';
import { resolveShortcutConflicts } from './shortcut-conflicts';

export interface AppliedChange {
  codeId: string;
  kind: 'add' | 'edit' | 'move' | 'delete';
  before: Code | null;
  after: Code | null;
  summary: string;
}

export interface SkippedChange {
  /** The taken entry's key. */
  key: string;
  codeId: string;
  reason: string;
}

export interface AppliedCodebookDiff {
  /** Current codes in their order (deleted ones left out), then added ones. */
  codes: Code[];
  applied: AppliedChange[];
  skipped: SkippedChange[];
}

type Parent = string | null;

export function applyCodebookDiff(
  current: readonly Code[],
  incoming: readonly Code[],
  diff: CodebookDiff,
  taken: ReadonlySet<string>,
  ids: IdSource,
): AppliedCodebookDiff {
  const chosen = diff.entries.filter((e) => taken.has(e.key));
  if (chosen.length === 0) return { codes: [...current], applied: [], skipped: [] };

  const previous = new Map(current.map((c) => [c.id, c]));
  const state = new Map(previous);
  const notes = new Map<string, string[]>(); // touched code → notes; insertion order is report order
  const touch = (id: string, note?: string): void => {
    const list = notes.get(id) ?? [];
    if (note) list.push(note);
    notes.set(id, list);
  };
  const update = (id: string, patch: Partial<Code>): void => {
    state.set(id, { ...state.get(id)!, ...patch });
    touch(id);
  };
  const placed = new Map<Parent, string[]>(); // parent → codes placed there, in order
  const reorder = new Set<Parent>();
  const place = (id: string, from: Parent | undefined, to: Parent): void => {
    if (from !== undefined) reorder.add(from);
    reorder.add(to);
    placed.set(to, [...(placed.get(to) ?? []), id]);
  };
  const skipped: SkippedChange[] = [];

  // 1. Names and fields of matched codes.
  for (const e of chosen) {
    if (e.kind === 'renamed') update(e.currentId, { name: e.after });
    if (e.kind === 'changed') update(e.currentId, { [e.field]: Array.isArray(e.after) ? [...e.after] : e.after } as Partial<Code>);
  }

  // 2. Additions, parents first (entries are in incoming tree order).
  const incomingById = new Map<string, Code>();
  for (const c of incoming) if (!incomingById.has(c.id)) incomingById.set(c.id, c);
  const resultIdOf = new Map(diff.matches); // incoming id → id after the merge
  const usedIds = new Set(previous.keys());
  for (const e of chosen) {
    if (e.kind !== 'added') continue;
    const id = usedIds.has(e.incomingId) ? ids.newId() : e.incomingId;
    usedIds.add(id);
    const { parentId, leftOut } = nearestPlacedAncestor(e.code, incomingById, resultIdOf);
    state.set(id, { ...e.code, id, parentId, examples: [...e.code.examples], exemplarCodingIds: [] });
    resultIdOf.set(e.incomingId, id);
    place(id, undefined, parentId);
    touch(id, leftOut === null ? undefined : `its parent ${quoted(leftOut)} was not taken`);
  }

  // 3. Moves, retried while any succeeds.
  let pending: Array<{ entry: MovedEntry; target: Parent }> = [];
  for (const e of chosen) {
    if (e.kind !== 'moved') continue;
    const target = moveTarget(e, incomingById, resultIdOf);
    if (target === undefined) skipped.push({ key: e.key, codeId: e.currentId, reason: `its new parent ${quoted(e.newParentPath ?? '')} was not taken, so ${quoted(e.name)} stays where it is` });
    else pending.push({ entry: e, target });
  }
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    pending = pending.filter(({ entry, target }) => {
      const code = state.get(entry.currentId)!;
      if (target !== null && isInside(target, code.id, state)) return true;
      if (code.parentId !== target) {
        update(code.id, { parentId: target });
        place(code.id, code.parentId, target);
      }
      progress = true;
      return false;
    });
  }
  for (const { entry, target } of pending) {
    const parentName = target === null ? '' : (state.get(target)?.name ?? '');
    skipped.push({ key: entry.key, codeId: entry.currentId, reason: `moving ${quoted(entry.name)} under ${quoted(parentName)} would put it inside itself` });
  }

  // 4. Removals: children move up to the nearest surviving ancestor, in the removed code's place.
  const removed = new Set(chosen.flatMap((e) => (e.kind === 'removed' ? [e.currentId] : [])));
  const beforeRemoval = new Map(state);
  for (const code of beforeRemoval.values()) {
    if (removed.has(code.id) || code.parentId === null || !removed.has(code.parentId)) continue;
    const gone = state.get(code.parentId)!;
    let parent: Parent = gone.parentId;
    for (const seen = new Set<string>(); parent !== null && removed.has(parent) && !seen.has(parent); parent = state.get(parent)?.parentId ?? null) seen.add(parent);
    if (parent !== null && removed.has(parent)) parent = null; // a cycle of removed codes
    update(code.id, { parentId: parent });
    reorder.add(parent);
    touch(code.id, `${quoted(gone.name)} was deleted`);
  }
  for (const id of removed) {
    reorder.add(state.get(id)!.parentId);
    state.delete(id);
    touch(id);
  }

  // 5. Shortcut keys given to two codes.
  const tree = sortCodesAsTree([...state.values()]).map((r) => r.code);
  const shortcuts = resolveShortcutConflicts(tree, previous);
  for (const code of shortcuts.codes) state.set(code.id, code);
  for (const loss of shortcuts.losses) {
    const note = `shortcut ${quoted(loss.key)} stays with ${quoted(state.get(loss.keptBy)?.name ?? '')}`;
    const entry = chosen.find((e) => e.kind === 'changed' && e.field === 'shortcut' && e.currentId === loss.codeId);
    if (entry) skipped.push({ key: entry.key, codeId: loss.codeId, reason: note });
    else touch(loss.codeId, note);
  }

  // 6. Sibling order where children came or went.
  renumberChildren(state, beforeRemoval, removed, reorder, placed);

  return { codes: [...state.values()], applied: report(notes, previous, state), skipped };
}

/** The incoming parent's id after the merge, walking up past parents that were not taken. */
function nearestPlacedAncestor(
  code: Code,
  incomingById: ReadonlyMap<string, Code>,
  resultIdOf: ReadonlyMap<string, string>,
): { parentId: Parent; leftOut: string | null } {
  const leftOut = code.parentId === null ? undefined : incomingById.get(code.parentId);
  const seen = new Set<string>([code.id]);
  for (let p = code.parentId; p !== null && !seen.has(p); p = incomingById.get(p)?.parentId ?? null) {
    seen.add(p);
    const placed = resultIdOf.get(p);
    if (placed !== undefined) return { parentId: placed, leftOut: p === code.parentId ? null : (leftOut?.name ?? null) };
  }
  return { parentId: null, leftOut: leftOut && leftOut.id !== code.id ? leftOut.name : null };
}

/** The moved code's new parent after the merge; undefined when that parent was not taken. */
function moveTarget(e: MovedEntry, incomingById: ReadonlyMap<string, Code>, resultIdOf: ReadonlyMap<string, string>): Parent | undefined {
  const parentId = incomingById.get(e.incomingId)?.parentId ?? null;
  if (parentId === null || parentId === e.incomingId || !incomingById.has(parentId)) return null;
  return resultIdOf.get(parentId);
}

/** Whether `id` is `ancestorId` or lies below it. */
function isInside(id: string, ancestorId: string, codes: ReadonlyMap<string, Code>): boolean {
  const seen = new Set<string>();
  for (let at: Parent = id; at !== null && !seen.has(at); at = codes.get(at)?.parentId ?? null) {
    if (at === ancestorId) return true;
    seen.add(at);
  }
  return false;
}

/**
 * Children of each parent in `parents`, numbered 0..n-1: those already there in their order, with
 * the children of a removed code in its place, then the codes placed there by this merge.
 */
function renumberChildren(
  state: Map<string, Code>,
  beforeRemoval: ReadonlyMap<string, Code>,
  removed: ReadonlySet<string>,
  parents: ReadonlySet<Parent>,
  placed: ReadonlyMap<Parent, string[]>,
): void {
  const childrenBefore = new Map<Parent, Code[]>();
  for (const code of beforeRemoval.values()) childrenBefore.set(code.parentId, [...(childrenBefore.get(code.parentId) ?? []), code]);
  for (const parent of parents) {
    if (parent !== null && !state.has(parent)) continue;
    const newcomers = new Set((placed.get(parent) ?? []).filter((id) => state.get(id)?.parentId === parent));
    const seen = new Set<string>();
    const expand = (p: Parent): string[] => {
      const kids = (childrenBefore.get(p) ?? []).filter((c) => !newcomers.has(c.id) && !seen.has(c.id)).sort(compareSiblings);
      for (const c of kids) seen.add(c.id); // a parent cycle among removed codes ends here
      return kids.flatMap((c) => (removed.has(c.id) ? expand(c.id) : [c.id]));
    };
    [...expand(parent), ...newcomers].forEach((id, order) => {
      const code = state.get(id)!;
      if (code.order !== order) state.set(id, { ...code, order });
    });
  }
}

function report(notes: ReadonlyMap<string, string[]>, previous: ReadonlyMap<string, Code>, state: ReadonlyMap<string, Code>): AppliedChange[] {
  const names = new Map([...previous, ...state]);
  const applied: AppliedChange[] = [];
  for (const [codeId, extra] of notes) {
    const before = previous.get(codeId) ?? null;
    const after = state.get(codeId) ?? null;
    if (before && after && sameCodeIgnoringOrder(before, after)) continue;
    const kind = before === null ? 'add' : after === null ? 'delete' : before.parentId !== after.parentId ? 'move' : 'edit';
    const summary = describeCodeChange(before, after, names) + (extra.length > 0 ? ` (${extra.join('; ')})` : '');
    applied.push({ codeId, kind, before, after, summary });
  }
  return applied;
}

function sameCodeIgnoringOrder(a: Code, b: Code): boolean {
  return a.name === b.name && a.parentId === b.parentId && [...DIFFED_FIELDS, 'exemplarCodingIds' as const].every((f) => sameFieldValue(f, a, b));
}

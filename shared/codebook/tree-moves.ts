/**
 * Moving codes in the codebook tree (drag and drop, and the keyboard's up, down, indent, outdent).
 * Pure: each plan lists every code whose parent or order changes, with sibling orders renumbered
 * 0..n-1, and a sentence saying what the move does, so the UI can tell it before writing it.
 */
import type { Problem } from '../problem/problem';
import type { Code } from '../model/records';
import { err, ok, type Result } from '../util/result';
import { compareSiblings } from './code-path';
import { codeProblem, quoted, siblingWithName } from './codebook-problem';

export interface MovePlan {
  /** The moved code after the move. */
  moved: Code;
  /** Every code whose `parentId` or `order` changes (the moved code included), after the move. */
  changed: Code[];
  /** "Moved “Whataboutism” under “Fallacy”". */
  summary: string;
}

export type MoveResult = Result<MovePlan, Problem>;

/** Siblings under `parentId` in panel order (by `order`, then name, then id). */
export function siblingsOf(codes: readonly Code[], parentId: string | null): Code[] {
  return codes.filter((c) => c.parentId === parentId).sort(compareSiblings);
}

/** True when `id` is `ancestorId` or lies below it (cycle-safe). */
export function isWithin(codes: readonly Code[], id: string, ancestorId: string): boolean {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
    if (at === ancestorId) return true;
    seen.add(at);
  }
  return false;
}

/**
 * `ordered` as the new sibling list under `parentId`: each code whose parent or order differs,
 * with its order set to its position.
 */
export function renumber(ordered: readonly Code[], parentId: string | null): Code[] {
  return ordered.flatMap((code, order) => (code.order === order && code.parentId === parentId ? [] : [{ ...code, parentId, order }]));
}

/**
 * Puts `codeId` under `newParentId` (null: top level) at `index` among its new siblings (clamped;
 * counted without the code itself). Refused: unknown ids, a parent inside the code's own subtree,
 * a new sibling already named the same.
 */
export function planMove(codes: readonly Code[], codeId: string, newParentId: string | null, index: number): MoveResult {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return err(codeProblem(codeId, 'id', 'unknown code'));
  if (!Number.isInteger(index)) return err(codeProblem(code, 'order', `position ${index} is not a whole number`));
  const parent = newParentId === null ? null : codes.find((c) => c.id === newParentId);
  if (parent === undefined) return err(codeProblem(code, 'parentId', `unknown parent code ${newParentId}`));
  if (parent !== null && isWithin(codes, parent.id, code.id)) {
    const where = parent.id === code.id ? 'itself' : `its own sub-code ${quoted(parent.name)}`;
    return err(codeProblem(code, 'parentId', `cannot move it under ${where}`));
  }
  // Reordering among the same siblings never creates a clash (and must not be blocked by an old one).
  const clash = newParentId === code.parentId ? undefined : siblingWithName(codes, code.name, newParentId, code.id);
  if (clash) return err(codeProblem(code, 'name', `a code named ${quoted(clash.name)} already exists ${placeName(parent)}`));

  const newSiblings = siblingsOf(codes, newParentId).filter((c) => c.id !== code.id);
  const at = Math.min(Math.max(index, 0), newSiblings.length);
  newSiblings.splice(at, 0, code);
  const changed = renumber(newSiblings, newParentId);
  if (code.parentId !== newParentId) {
    changed.push(...renumber(siblingsOf(codes, code.parentId).filter((c) => c.id !== code.id), code.parentId));
  }
  const moved = changed.find((c) => c.id === code.id) ?? code;
  const summary = changed.length === 0 ? `${quoted(code.name)} stays where it is` : describeMove(code, parent, newSiblings, at);
  return ok({ moved, changed, summary });
}

/** One place up among its siblings. */
export function planMoveUp(codes: readonly Code[], codeId: string): MoveResult {
  return shift(codes, codeId, -1);
}

/** One place down among its siblings. */
export function planMoveDown(codes: readonly Code[], codeId: string): MoveResult {
  return shift(codes, codeId, +1);
}

/** Becomes the last child of the sibling just above it. */
export function planIndent(codes: readonly Code[], codeId: string): MoveResult {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return err(codeProblem(codeId, 'id', 'unknown code'));
  const siblings = siblingsOf(codes, code.parentId);
  const above = siblings[siblings.findIndex((c) => c.id === code.id) - 1];
  if (!above) return err(codeProblem(code, 'parentId', 'cannot indent the first code of its level: there is no code above it to go under'));
  return planMove(codes, code.id, above.id, siblingsOf(codes, above.id).length);
}

/** Becomes the sibling right after its parent. */
export function planOutdent(codes: readonly Code[], codeId: string): MoveResult {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return err(codeProblem(codeId, 'id', 'unknown code'));
  const parent = code.parentId === null ? undefined : codes.find((c) => c.id === code.parentId);
  if (!parent) return err(codeProblem(code, 'parentId', 'cannot outdent a top-level code'));
  const parentIndex = siblingsOf(codes, parent.parentId).findIndex((c) => c.id === parent.id);
  return planMove(codes, code.id, parent.parentId, parentIndex + 1);
}

function shift(codes: readonly Code[], codeId: string, by: -1 | 1): MoveResult {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return err(codeProblem(codeId, 'id', 'unknown code'));
  const siblings = siblingsOf(codes, code.parentId);
  const index = siblings.findIndex((c) => c.id === code.id) + by;
  if (index < 0) return err(codeProblem(code, 'order', 'already the first code of its level'));
  if (index >= siblings.length) return err(codeProblem(code, 'order', 'already the last code of its level'));
  return planMove(codes, code.id, code.parentId, index);
}

function placeName(parent: Code | null): string {
  return parent === null ? 'at the top level' : `under ${quoted(parent.name)}`;
}

function describeMove(code: Code, parent: Code | null, newSiblings: readonly Code[], at: number): string {
  const next = newSiblings[at + 1];
  const position = next ? `before ${quoted(next.name)}` : newSiblings.length > 1 ? 'as the last code' : 'as the only code';
  const place = code.parentId === (parent?.id ?? null) ? `${position} ${placeName(parent)}` : `${placeName(parent)}, ${position}`;
  return `Moved ${quoted(code.name)} ${place}`;
}

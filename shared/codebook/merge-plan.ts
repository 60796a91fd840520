/**
 * Merging codes into one: what a merge would change, computed before anything is written so the
 * researcher reads it first. The sources' codings move to the target; a coding that would then
 * duplicate one the same coder already has there (same post, start and end) collapses into it
 * instead; the sources are deleted and their sub-codes move under the target (after its own).
 * The target keeps its name and definition and gains the sources' free-text examples; exemplar
 * codings stay exemplars (a collapsed one is represented by the coding it collapsed into).
 */
import type { Problem } from '../problem/problem';
import type { Code, Coding } from '../model/records';
import { err, ok, type Result } from '../util/result';
import { codeNameKey, codeProblem, count, quoted } from './codebook-problem';
import { isWithin, siblingsOf } from './tree-moves';

export interface CollapsedCoding {
  coding: Coding;
  /** The coding with the same coder and span that stays (on the target after the merge). */
  keptCodingId: string;
}

export interface MergePlan {
  /** The target after the merge (examples and exemplars gained). */
  target: Code;
  /** Source codings that move to the target, as they are now (their `codeId` becomes the target's). */
  recode: Coding[];
  /** Source codings that are deleted because an identical coding stays. */
  collapse: CollapsedCoding[];
  /** The sources, deleted, in the order given. */
  deleteCodes: Code[];
  /** Sub-codes of the sources that move under the target, after the move. */
  reparent: Code[];
  counts: { recoded: number; collapsed: number; collapsedWithMemo: number; deletedCodes: number; movedChildren: number };
  /** "Merged “A” into “B”: 3 codings moved to “B”, …". */
  summary: string;
}

/** `codings` must hold at least every coding of the sources and of the target (others are ignored). */
export function planMerge(
  codes: readonly Code[],
  codings: readonly Coding[],
  sourceCodeIds: readonly string[],
  targetCodeId: string,
): Result<MergePlan, Problem> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const target = byId.get(targetCodeId);
  if (!target) return err(codeProblem(targetCodeId, 'id', 'unknown code: nothing to merge into'));
  if (sourceCodeIds.length === 0) return err(codeProblem(target, 'id', 'choose at least one code to merge into it'));
  const sources: Code[] = [];
  for (const id of new Set(sourceCodeIds)) {
    const source = byId.get(id);
    if (!source) return err(codeProblem(id, 'id', 'unknown code: cannot merge it'));
    if (id === target.id) return err(codeProblem(target, 'id', 'cannot merge a code into itself'));
    if (isWithin(codes, target.id, id)) return err(codeProblem(source, 'id', `cannot merge it into its own sub-code ${quoted(target.name)}`));
    sources.push(source);
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  const sourceCodings = codings.filter((c) => sourceIds.has(c.codeId));
  if (!target.codable && sourceCodings.length > 0) {
    return err(codeProblem(target, 'codable', `is category-only: the ${count(sourceCodings.length, 'coding')} of the merged codes cannot move to it`));
  }

  // The first coding per (coder, span) stays: the target's own, then the sources' in the order given.
  const kept = new Map<string, string>();
  for (const c of codings) if (c.codeId === target.id && !kept.has(spanKey(c))) kept.set(spanKey(c), c.id);
  const recode: Coding[] = [];
  const collapse: CollapsedCoding[] = [];
  for (const source of sources) {
    for (const c of sourceCodings.filter((x) => x.codeId === source.id).sort(byPosition)) {
      const keptCodingId = kept.get(spanKey(c));
      if (keptCodingId === undefined) {
        kept.set(spanKey(c), c.id);
        recode.push(c);
      } else collapse.push({ coding: c, keptCodingId });
    }
  }

  const reparent = childrenToReparent(codes, sources, sourceIds, target);
  const clash = nameClashUnder(codes, target, reparent);
  if (clash) return err(clash);
  const plan: Omit<MergePlan, 'summary'> = {
    target: mergedTarget(target, sources, collapse),
    recode,
    collapse,
    deleteCodes: sources,
    reparent,
    counts: {
      recoded: recode.length,
      collapsed: collapse.length,
      collapsedWithMemo: collapse.filter((c) => c.coding.memo.trim() !== '').length,
      deletedCodes: sources.length,
      movedChildren: reparent.length,
    },
  };
  return ok({ ...plan, summary: describeMerge(plan) });
}

const spanKey = (c: Coding): string => JSON.stringify([c.coderId, c.postId, c.start, c.end]);

const byPosition = (a: Coding, b: Coding): number =>
  (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0) || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Children of the sources that are not sources themselves (also those under a deleted source's deleted child). */
function childrenToReparent(codes: readonly Code[], sources: readonly Code[], sourceIds: ReadonlySet<string>, target: Code): Code[] {
  const moving: Code[] = [];
  const visit = (parentId: string): void => {
    for (const child of siblingsOf(codes, parentId)) {
      if (sourceIds.has(child.id)) visit(child.id);
      else moving.push(child);
    }
  };
  for (const source of sources) if (!isUnderAnotherSource(codes, source, sourceIds)) visit(source.id);
  const start = siblingsOf(codes, target.id).length;
  return moving.map((child, i) => ({ ...child, parentId: target.id, order: start + i }));
}

/** Sub-codes moving under the target must not share a name with its children or with each other. */
function nameClashUnder(codes: readonly Code[], target: Code, moving: readonly Code[]): Problem | undefined {
  const names = new Map(siblingsOf(codes, target.id).map((c) => [codeNameKey(c.name), c]));
  for (const child of moving) {
    const other = names.get(codeNameKey(child.name));
    if (other) return codeProblem(child, 'name', `a code named ${quoted(other.name)} would then be next to it under ${quoted(target.name)}: rename one of them first`);
    names.set(codeNameKey(child.name), child);
  }
  return undefined;
}

function isUnderAnotherSource(codes: readonly Code[], source: Code, sourceIds: ReadonlySet<string>): boolean {
  return [...sourceIds].some((id) => id !== source.id && isWithin(codes, source.id, id));
}

function mergedTarget(target: Code, sources: readonly Code[], collapse: readonly CollapsedCoding[]): Code {
  const keptFor = new Map(collapse.map((c) => [c.coding.id, c.keptCodingId]));
  const exemplars = [...target.exemplarCodingIds];
  const examples = [...target.examples];
  for (const source of sources) {
    for (const id of source.exemplarCodingIds) {
      const stays = keptFor.get(id) ?? id;
      if (!exemplars.includes(stays)) exemplars.push(stays);
    }
    for (const example of source.examples) if (!examples.includes(example)) examples.push(example);
  }
  return { ...target, examples, exemplarCodingIds: exemplars };
}

function describeMerge(plan: Omit<MergePlan, 'summary'>): string {
  const names = plan.deleteCodes.map((c) => quoted(c.name));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const target = quoted(plan.target.name);
  const { recoded, collapsed, collapsedWithMemo, movedChildren } = plan.counts;
  const parts = [`${count(recoded, 'coding')} moved to ${target}`];
  if (collapsed > 0) {
    const memo = collapsedWithMemo > 0 ? `, ${collapsedWithMemo} of them with a memo` : '';
    parts.push(`${count(collapsed, 'identical coding')} collapsed into the one kept${memo}`);
  }
  if (movedChildren > 0) parts.push(`${count(movedChildren, 'sub-code')} moved under ${target}`);
  return `Merged ${list} into ${target}: ${parts.join('; ')}`;
}

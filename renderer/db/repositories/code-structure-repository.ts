import type { CodebookProblem } from '@shared/codebook/codebook-problem';
import { describeCodeChange } from '@shared/codebook/describe-code-change';
import { planMerge, type MergePlan } from '@shared/codebook/merge-plan';
import { planSplit, type SplitCode, type SplitPlan } from '@shared/codebook/split-plan';
import { planIndent, planMove, planMoveDown, planMoveUp, planOutdent, type MovePlan } from '@shared/codebook/tree-moves';
import type { Code, Coding } from '@shared/model/records';
import { ok, type Result } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';

import { normalizeFields } from './code-rules';
import { writeCodebook, type CodebookDeps, type CodebookDraft, type CodebookResult, type RowChange } from './codebook-write';

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/** The new code of a split: everything of `SplitCode` but its id, which the write draws. */
export type NewSplitCode = Omit<SplitCode, 'id'>;

const KEYBOARD_PLANS = { up: planMoveUp, down: planMoveDown, indent: planIndent, outdent: planOutdent } as const;

/** Puts the code under `newParentId` (null: top level) at `index` among its new siblings (tree-moves.ts). */
export async function moveCode(db: ThreadmarkDB, codeId: string, newParentId: string | null, index: number, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, ({ codes }) => moveDraft(codes, planMove(codes, codeId, newParentId, index)));
}

/** Up/down among siblings, indent (last child of the sibling above), outdent (right after its parent). */
export async function moveCodeByKey(db: ThreadmarkDB, codeId: string, move: KeyboardMove, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, ({ codes }) => moveDraft(codes, KEYBOARD_PLANS[move](codes, codeId)));
}

/** What merging would do (read only): show it, then call `mergeCodes` with the same arguments. */
export async function previewMerge(db: ThreadmarkDB, sourceCodeIds: readonly string[], targetCodeId: string): Promise<Result<MergePlan, CodebookProblem>> {
  return db.transaction('r', [db.codes, db.codings], async () => {
    const codes = await db.codes.toArray();
    return planMerge(codes, await codingsOf(db, [...sourceCodeIds, targetCodeId]), sourceCodeIds, targetCodeId);
  });
}

/**
 * Merges the sources into the target (merge-plan.ts): their codings move to it, identical spans
 * of one coder collapse, the sources are deleted and their sub-codes move under the target.
 */
export async function mergeCodes(db: ThreadmarkDB, sourceCodeIds: readonly string[], targetCodeId: string, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, async ({ codes, at }) => {
    const planned = planMerge(codes, await codingsOf(db, [...sourceCodeIds, targetCodeId]), sourceCodeIds, targetCodeId);
    if (!planned.ok) return planned;
    const plan = planned.value;
    const before = new Map(codes.map((c) => [c.id, c]));
    const target = before.get(plan.target.id) as Code;
    const draft: CodebookDraft = {
      kind: 'merge',
      summary: plan.summary,
      codes: [
        // Logged even when unchanged, so the target's own history shows what was merged into it.
        { before: target, after: plan.target },
        ...plan.deleteCodes.map((c) => ({ before: c, after: null })),
        ...plan.reparent.map((c) => ({ before: before.get(c.id) as Code, after: c })),
      ],
      codings: [
        ...plan.recode.map((c) => recoded(c, plan.target.id, at)),
        ...plan.collapse.map(({ coding }) => ({ before: coding, after: null })),
      ],
      rowSummaries: new Map(plan.reparent.map((c) => [c.id, describeCodeChange(before.get(c.id) ?? null, c, before)])),
    };
    return ok(draft);
  });
}

/** What splitting would do (read only): show it, then call `splitCode` with the same arguments. */
export async function previewSplit(
  db: ThreadmarkDB,
  sourceCodeId: string,
  chosenCodingIds: readonly string[],
  newCode: NewSplitCode,
): Promise<Result<SplitPlan, CodebookProblem>> {
  return db.transaction('r', [db.codes, db.codings], async () => {
    const codes = await db.codes.toArray();
    // The preview's code needs an id no stored code has; splitCode draws the real one.
    let id = 'new-code';
    for (let n = 1; codes.some((c) => c.id === id); n++) id = `new-code-${n}`;
    return planSplit(codes, await codingsOf(db, [sourceCodeId]), sourceCodeId, chosenCodingIds, { ...normalizeFields(newCode), id });
  });
}

/**
 * Moves the chosen codings of the source to a new code placed right after it (split-plan.ts).
 * The new code is checked like an added one (name, colour, shortcut).
 */
export async function splitCode(
  db: ThreadmarkDB,
  sourceCodeId: string,
  chosenCodingIds: readonly string[],
  newCode: NewSplitCode,
  deps: CodebookDeps,
): Promise<CodebookResult> {
  return writeCodebook(db, deps, async ({ codes, at, ids }) => {
    const planned = planSplit(codes, await codingsOf(db, [sourceCodeId]), sourceCodeId, chosenCodingIds, { ...normalizeFields(newCode), id: ids.newId() });
    if (!planned.ok) return planned;
    const plan = planned.value;
    const before = new Map(codes.map((c) => [c.id, c]));
    const source = before.get(plan.source.id) as Code;
    return ok({
      kind: 'split',
      summary: plan.summary,
      codes: [
        { before: null, after: plan.code },
        // Logged even when unchanged, so the source's own history shows the split.
        { before: source, after: plan.source },
        ...plan.shifted.map((c) => ({ before: before.get(c.id) as Code, after: c })),
      ],
      codings: plan.move.map((c) => recoded(c, plan.code.id, at)),
      rowSummaries: new Map(plan.shifted.map((c) => [c.id, describeCodeChange(before.get(c.id) ?? null, c, before)])),
    });
  });
}

function moveDraft(codes: readonly Code[], planned: Result<MovePlan, CodebookProblem>): Result<CodebookDraft, CodebookProblem> {
  if (!planned.ok) return planned;
  const { moved, changed, summary } = planned.value;
  const before = new Map(codes.map((c) => [c.id, c]));
  const rows = changed.map((after) => ({ before: before.get(after.id) as Code, after }));
  const rowSummaries = new Map(rows.filter((r) => r.after.id !== moved.id).map((r) => [r.after.id, describeCodeChange(r.before, r.after, before)]));
  return ok({ kind: 'move', summary, codes: rows, codings: [], rowSummaries });
}

function recoded(coding: Coding, codeId: string, at: string): RowChange<Coding> {
  return { before: coding, after: { ...coding, codeId, updatedAt: at } };
}

/** The codings of these codes (one indexed equals per code). */
async function codingsOf(db: ThreadmarkDB, codeIds: readonly string[]): Promise<Coding[]> {
  const lists = await Promise.all([...new Set(codeIds)].map((id) => db.codings.where('codeId').equals(id).toArray()));
  return lists.flat();
}

/**
 * Codebook operations: add, edit, delete, move (drag or keys), merge, split, name a version. Each
 * reads the whole codebook (a few thousand codes at most) and the codings it needs; the rules every
 * result must keep are checked once, in check-change-set.ts.
 */
import type { Problem } from '../../problem/problem';
import { codeProblem, count } from '../../codebook/codebook-problem';
import { codesInTreeOrder, subtreeIds } from '../../codebook/code-tree';
import { describeCodeChange } from '../../codebook/describe-code-change';
import { planMerge, type MergePlan } from '../../codebook/merge-plan';
import { planSplit, type SplitCode, type SplitPlan } from '../../codebook/split-plan';
import { planIndent, planMove, planMoveDown, planMoveUp, planOutdent, type MovePlan } from '../../codebook/tree-moves';
import { EMPTY_CODE_FIELDS, type Code, type CodebookVersion, type CodeFields, type Coding, type Memo } from '../../model/records';
import { err, ok, type Result } from '../../util/result';
import type { RowChange } from '../change-set';
import { normalizeFields } from '../code-rules';
import { defineOperation, unchanged, type OperationContext, type PlanResult } from '../operation';
import type { ProjectReader } from '../project-store';
import { sameRecord } from '../same-record';
import { memosFoldedInto, memosRemovedWith } from './memos';

/** A new code: name and colour, where it goes (top level by default), and any structured field. */
export type NewCode = Pick<Code, 'name' | 'color'> & Partial<Omit<CodeFields, 'name' | 'color' | 'exemplarCodingIds'>> & { parentId?: string | null };

/** Fields to change; exemplars change through setExemplar, place through the moves. */
export type CodePatch = Partial<Omit<CodeFields, 'exemplarCodingIds'>>;

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/** The new code of a split: everything of SplitCode but its id, which the operation draws. */
export type NewSplitCode = Omit<SplitCode, 'id'>;

const byId = (codes: readonly Code[]): Map<string, Code> => new Map(codes.map((c) => [c.id, c]));
const readCodes = async (reader: ProjectReader) => ({ codes: await reader.codes() });

export const addCode = defineOperation<NewCode, { codes: Code[] }, Code>({
  kind: 'code.add',
  read: readCodes,
  plan({ codes }, input, { ids }) {
    const { parentId = null, ...fields } = input;
    const siblingOrders = codes.filter((c) => c.parentId === parentId).map((c) => c.order);
    const code: Code = {
      id: ids.newId(),
      parentId,
      order: siblingOrders.length === 0 ? 0 : Math.max(...siblingOrders) + 1,
      ...EMPTY_CODE_FIELDS,
      examples: [],
      exemplarCodingIds: [],
      ...normalizeFields(fields),
    };
    return ok({ summary: describeCodeChange(null, code, byId(codes)), changes: { codes: [{ before: null, after: code }] }, result: code });
  },
});

export interface EditCodeInput {
  codeId: string;
  patch: CodePatch;
  /**
   * The code as the editor showed it when it opened. Given, only the fields the researcher changed
   * from it are written, and a field someone else changed meanwhile (another window, a coder's
   * sync) is refused by name rather than overwritten with the editor's stale value.
   */
  base?: Code;
}

/** Changes a code's fields (names, definitions, criteria… are trimmed); changing nothing writes nothing. */
export const editCode = defineOperation<EditCodeInput, { codes: Code[] }, Code | null>({
  kind: 'code.edit',
  read: readCodes,
  plan({ codes }, { codeId, patch, base }) {
    const current = codes.find((c) => c.id === codeId);
    if (!current) return err(codeProblem(codeId, 'id', 'unknown code: cannot change it'));
    const normalized = normalizeFields(patch);
    const changes = base ? changedFrom(base, normalized) : normalized;
    if (base) {
      const clash = (Object.keys(changes) as Array<keyof CodePatch>).find((field) => !sameRecord(current[field], base[field]));
      if (clash) return err(codeProblem(current, clash, `was changed elsewhere since this editor opened (now ${JSON.stringify(current[clash])}): close the editor and open it again`));
    }
    const updated: Code = { ...current, ...changes };
    if (sameRecord(current, updated)) return unchanged(`No change to “${current.name}”`, current);
    return ok({ summary: describeCodeChange(current, updated, byId(codes)), changes: { codes: [{ before: current, after: updated }] }, result: updated });
  },
});

/** Deletes the code, its descendants and all their codings; reverting it puts every one back. */
export const deleteCode = defineOperation<{ codeId: string }, { codes: Code[]; codings: Coding[]; memos: Memo[] }, null>({
  kind: 'code.delete',
  async read(reader, { codeId }) {
    const codes = await reader.codes();
    return { codes, codings: await reader.codingsOfCodes(subtreeIds(codes, codeId)), memos: await reader.memos() };
  },
  plan({ codes, codings, memos }, { codeId }) {
    const root = codes.find((c) => c.id === codeId);
    if (!root) return err(codeProblem(codeId, 'id', 'unknown code: cannot delete it'));
    const ids = new Set(subtreeIds(codes, codeId));
    const deleted = codesInTreeOrder(codes).filter((c) => ids.has(c.id));
    const subCodes = deleted.length - 1;
    const what = [subCodes > 0 ? count(subCodes, 'sub-code') : '', count(codings.length, 'coding')].filter(Boolean);
    const gone = new Set(codings.map((c) => c.id));
    const exemplarHolders = codes.filter((c) => !ids.has(c.id) && c.exemplarCodingIds.some((id) => gone.has(id)));
    return ok({
      summary: `Deleted “${root.name}” with its ${what.join(' and ')}`,
      changes: {
        memos: memosRemovedWith(memos, 'code', ids),
        codings: codings.map((c) => ({ before: c, after: null })),
        // Children before parents, so the tree never has an orphan on the way.
        codes: [
          ...exemplarHolders.map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !gone.has(id)) } })),
          ...deleted.reverse().map((c) => ({ before: c, after: null })),
        ],
      },
      result: null,
    });
  },
});

export type MoveInput = { codeId: string; to: { parentId: string | null; index: number } } | { codeId: string; key: KeyboardMove };

const KEYBOARD_PLANS = { up: planMoveUp, down: planMoveDown, indent: planIndent, outdent: planOutdent } as const;

/** Puts a code under a parent at an index among its new siblings, or moves it by key (tree-moves.ts). */
export const moveCode = defineOperation<MoveInput, { codes: Code[] }, null>({
  kind: 'code.move',
  read: readCodes,
  plan({ codes }, input) {
    const planned = 'key' in input ? KEYBOARD_PLANS[input.key](codes, input.codeId) : planMove(codes, input.codeId, input.to.parentId, input.to.index);
    return movePlanned(codes, planned);
  },
});

function movePlanned(codes: readonly Code[], planned: Result<MovePlan, Problem>): PlanResult<null> {
  if (!planned.ok) return planned;
  const { changed, summary } = planned.value;
  const before = byId(codes);
  return ok({ summary, changes: { codes: changed.map((after) => ({ before: before.get(after.id) as Code, after })) }, result: null });
}

interface MergeInput {
  sourceCodeIds: readonly string[];
  targetCodeId: string;
}

async function readMerge(reader: ProjectReader, input: MergeInput) {
  return { codes: await reader.codes(), codings: await reader.codingsOfCodes([...input.sourceCodeIds, input.targetCodeId]), memos: await reader.memos() };
}

/** What merging would do, read only: show it, then run mergeCodes with the same input. */
export async function previewMerge(reader: ProjectReader, input: MergeInput): Promise<Result<MergePlan, Problem>> {
  const { codes, codings } = await readMerge(reader, input);
  return planMerge(codes, codings, input.sourceCodeIds, input.targetCodeId);
}

/** Merges the sources into the target (merge-plan.ts): codings move, identical spans of one coder collapse. */
export const mergeCodes = defineOperation<MergeInput, { codes: Code[]; codings: Coding[]; memos: Memo[] }, MergePlan>({
  kind: 'code.merge',
  read: readMerge,
  plan({ codes, codings, memos }, input, { at }) {
    const planned = planMerge(codes, codings, input.sourceCodeIds, input.targetCodeId);
    if (!planned.ok) return planned;
    const plan = planned.value;
    const before = byId(codes);
    const collapsed = new Set(plan.collapse.map(({ coding }) => coding.id));
    return ok({
      summary: plan.summary,
      changes: {
        codings: [...plan.recode.map((c) => recoded(c, plan.target.id, at)), ...plan.collapse.map(({ coding }) => ({ before: coding, after: null }))],
        codes: [
          // Kept even when unchanged, so the target's own history shows what was merged into it.
          { before: before.get(plan.target.id) as Code, after: plan.target },
          ...plan.reparent.map((c) => ({ before: before.get(c.id) as Code, after: c })),
          ...plan.deleteCodes.map((c) => ({ before: c, after: null })),
          ...withoutExemplars(codes, collapsed, new Set([plan.target.id, ...plan.deleteCodes.map((c) => c.id), ...plan.reparent.map((c) => c.id)])),
        ],
        // Each merged code's memos go with its codings, into the target's.
        memos: memosFoldedInto(memos, new Map(plan.deleteCodes.map((c) => [c.id, c.name])), plan.target.id, at),
      },
      result: plan,
    });
  },
});

interface SplitInput {
  sourceCodeId: string;
  chosenCodingIds: readonly string[];
  newCode: NewSplitCode;
}

/** What splitting would do, read only (the new code gets a stand-in id no stored code has). */
export async function previewSplit(reader: ProjectReader, input: SplitInput): Promise<Result<SplitPlan, Problem>> {
  const codes = await reader.codes();
  let id = 'new-code';
  for (let n = 1; codes.some((c) => c.id === id); n++) id = `new-code-${n}`;
  return planSplit(codes, await reader.codingsOfCodes([input.sourceCodeId]), input.sourceCodeId, input.chosenCodingIds, { ...normalizeFields(input.newCode), id });
}

/** Moves the chosen codings of the source to a new code placed right after it (split-plan.ts). */
export const splitCode = defineOperation<SplitInput, { codes: Code[]; codings: Coding[] }, SplitPlan>({
  kind: 'code.split',
  async read(reader, input) {
    return { codes: await reader.codes(), codings: await reader.codingsOfCodes([input.sourceCodeId]) };
  },
  plan({ codes, codings }, input, { at, ids }) {
    const planned = planSplit(codes, codings, input.sourceCodeId, input.chosenCodingIds, { ...normalizeFields(input.newCode), id: ids.newId() });
    if (!planned.ok) return planned;
    const plan = planned.value;
    const before = byId(codes);
    return ok({
      summary: plan.summary,
      changes: {
        codes: [
          { before: null, after: plan.code },
          // Kept even when unchanged, so the source's own history shows the split.
          { before: before.get(plan.source.id) as Code, after: plan.source },
          ...plan.shifted.map((c) => ({ before: before.get(c.id) as Code, after: c })),
        ],
        codings: plan.move.map((c) => recoded(c, plan.code.id, at)),
      },
      result: plan,
    });
  },
});

/** Names the codebook as it is now ("v2, sent to coders 12 March"): a snapshot of every code in tree order. */
export const nameVersion = defineOperation<{ name: string }, { codes: Code[]; versions: CodebookVersion[] }, CodebookVersion>({
  kind: 'codebook.version',
  async read(reader) {
    return { codes: await reader.codes(), versions: await reader.versions() };
  },
  plan({ codes, versions }, { name }, context) {
    const trimmed = name.trim();
    const problem = (message: string) => err({ record: 'codebook version', field: 'name', message });
    if (trimmed === '') return problem('a version needs a name');
    const clash = versionNamed(versions, trimmed);
    if (clash) return problem(`a version named “${clash.name}” already exists (${clash.createdAt})`);
    const version = versionSnapshot(codes, trimmed, context);
    return ok({ summary: `Named the codebook “${trimmed}” (${count(codes.length, 'code')})`, changes: { codebookVersions: [{ before: null, after: version }] }, result: version });
  },
});

/** The version already named `name` (trimmed, any case), if any: names are unique. */
export function versionNamed(versions: readonly CodebookVersion[], name: string): CodebookVersion | undefined {
  const key = name.trim().normalize('NFC').toLowerCase();
  return versions.find((v) => v.name.normalize('NFC').toLowerCase() === key);
}

/** A named snapshot of every code, in tree order, by whoever acts (nameVersion, a round's pin). */
export function versionSnapshot(codes: readonly Code[], name: string, { at, actor, ids }: OperationContext): CodebookVersion {
  return { id: ids.newId(), name, createdAt: at, coderId: actor.id, codes: codesInTreeOrder(codes) };
}

/** The fields of `patch` whose value differs from `base`'s (what an editor opened on `base` writes). */
export function changedFrom(base: Code, patch: CodePatch): CodePatch {
  return Object.fromEntries(Object.entries(patch).filter(([field, value]) => !sameRecord(value, base[field as keyof CodePatch]))) as CodePatch;
}

function recoded(coding: Coding, codeId: string, at: string): RowChange<Coding> {
  return { before: coding, after: { ...coding, codeId, updatedAt: at } };
}

/** Codes (other than those already changed) that list removed codings as exemplars, without them. */
function withoutExemplars(codes: readonly Code[], removed: ReadonlySet<string>, skip: ReadonlySet<string>): Array<RowChange<Code>> {
  if (removed.size === 0) return [];
  return codes
    .filter((c) => !skip.has(c.id) && c.exemplarCodingIds.some((id) => removed.has(id)))
    .map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !removed.has(id)) } }));
}


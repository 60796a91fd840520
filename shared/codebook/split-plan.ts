/**
 * Splitting a code: the codings the researcher chose move to a new code, which is placed as the
 * sibling right after the source (same parent, the next position; later siblings shift down one).
 * The chosen codings that were exemplars of the source become exemplars of the new code. Pure:
 * the plan says what will change before anything is written.
 */
import type { Problem } from '../problem/problem';
import type { Code, CodeFields, Coding } from '../model/records';
import { EMPTY_CODE_FIELDS } from '../model/records';
import { err, ok, type Result } from '../util/result';
import { codeProblem, count, quoted, siblingWithName } from './codebook-problem';
import { renumber, siblingsOf } from './tree-moves';

/** The new code: its id (injected), name and colour, and any structured field to set at once. */
export type SplitCode = Pick<Code, 'id' | 'name' | 'color'> & Partial<Omit<CodeFields, 'name' | 'color' | 'exemplarCodingIds'>>;

export interface SplitPlan {
  /** The new code, as it will be stored. */
  code: Code;
  /** The source after the split (its exemplars, and its order if sibling orders had gaps). */
  source: Code;
  /** Other siblings whose order changes (those after the source shift by one), after the change. */
  shifted: Code[];
  /** The chosen codings as they are now (their `codeId` becomes the new code's). */
  move: Coding[];
  /** "Split “A”: 4 of its 10 codings moved to the new code “A (strong)”". */
  summary: string;
}

/** `codings` must hold at least every coding of the source. */
export function planSplit(
  codes: readonly Code[],
  codings: readonly Coding[],
  sourceCodeId: string,
  chosenCodingIds: readonly string[],
  newCode: SplitCode,
): Result<SplitPlan, Problem> {
  const source = codes.find((c) => c.id === sourceCodeId);
  if (!source) return err(codeProblem(sourceCodeId, 'id', 'unknown code: nothing to split'));
  if (codes.some((c) => c.id === newCode.id)) return err(codeProblem(newCode.id, 'id', 'a code with this id already exists'));
  const name = newCode.name.trim();
  if (name === '') return err(codeProblem(source, 'name', 'the new code needs a name'));
  const clash = siblingWithName(codes, name, source.parentId, newCode.id);
  if (clash) return err(codeProblem(source, 'name', `the new code cannot be named ${quoted(name)}: a code named ${quoted(clash.name)} is already next to it`));
  if (newCode.codable === false) return err(codeProblem(source, 'codable', 'the new code receives codings, so it cannot be category-only'));
  if (chosenCodingIds.length === 0) return err(codeProblem(source, 'codings', 'choose at least one of its codings to move to the new code'));

  const ofSource = codings.filter((c) => c.codeId === source.id);
  const byId = new Map(ofSource.map((c) => [c.id, c]));
  const move: Coding[] = [];
  for (const id of new Set(chosenCodingIds)) {
    const coding = byId.get(id);
    if (!coding) return err(codeProblem(source, 'codings', `coding ${id} is not one of its codings`));
    move.push(coding);
  }

  const moving = new Set(move.map((c) => c.id));
  const code: Code = {
    ...EMPTY_CODE_FIELDS,
    examples: [],
    ...newCode,
    name,
    codable: true,
    parentId: source.parentId,
    order: 0,
    exemplarCodingIds: source.exemplarCodingIds.filter((id) => moving.has(id)),
  };
  const siblings = siblingsOf(codes, source.parentId);
  siblings.splice(siblings.findIndex((c) => c.id === source.id) + 1, 0, code);
  const renumbered = renumber(siblings, source.parentId);
  const placed = renumbered.find((c) => c.id === code.id) ?? code;
  const sourceAfter = renumbered.find((c) => c.id === source.id) ?? source;
  return ok({
    code: placed,
    source: { ...sourceAfter, exemplarCodingIds: source.exemplarCodingIds.filter((id) => !moving.has(id)) },
    shifted: renumbered.filter((c) => c.id !== code.id && c.id !== source.id),
    move,
    summary: `Split ${quoted(source.name)}: ${move.length} of its ${count(ofSource.length, 'coding')} moved to the new code ${quoted(name)}`,
  });
}

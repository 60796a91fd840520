/**
 * The project's codebook merged with a codebook file, non-interactively (the take policy of
 * `threadmark import <codebook> --into`; the app's review dialog asks instead): the differences of
 * the kinds `take` names are taken, every other one is left and reported (nothing is overwritten
 * silently). Taking a removal of a code that has codings is refused as a whole (the codings would
 * lose their code); making a coded code a category is left, with the reason. The result goes to the
 * applyCodebookImport operation (shared/project/operations/codebook-import.ts).
 */
import type { Code } from '../model/records';
import type { IdSource } from '../util/clock';
import { err, ok, type Result } from '../util/result';
import { applyCodebookDiff, type AppliedChange } from './apply-codebook-diff';
import { diffCodebooks, type CodebookDiffEntry, type UnknownFields } from './codebook-diff';
import { quoted } from './describe-code-change';
import { leftDifference, type LeftDifference } from './left-difference';
import { takeHint, type DifferenceKind } from './take-option';

export interface CodebookMergeInput {
  current: readonly Code[];
  /** Codings per code id (codes without codings may be absent): ProjectReader.codingCountsByCode. */
  codingCounts: ReadonlyMap<string, number>;
  incoming: readonly Code[];
  /** Fields the file does not give, per incoming code: never taken as changes. */
  unknownFields?: UnknownFields;
  take: ReadonlySet<DifferenceKind>;
  /** The codebook file, as the messages name it. */
  file: string;
  ids: IdSource;
}

export interface CodebookMerge {
  codes: Code[];
  /** One per changed code, with the sentence for the change log. */
  applied: AppliedChange[];
  left: LeftDifference[];
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The merged codebook, or one line per taken removal that would orphan codings. */
export function mergeCodebook(input: CodebookMergeInput): Result<CodebookMerge, string[]> {
  const diff = diffCodebooks(input.current, input.incoming, input.unknownFields);
  const codingCount = input.codingCounts;

  const taken = new Set<string>();
  const left: LeftDifference[] = [];
  const refused: string[] = [];
  for (const entry of diff.entries) {
    if (!input.take.has(entry.kind)) {
      left.push(leftDifference(entry, input.file, `not taken (${takeHint(entry.kind)} takes it)`, 'not taken'));
      continue;
    }
    const reason = leaveReason(entry, input.incoming.length, codingCount);
    if (reason !== null) {
      left.push(leftDifference(entry, input.file, reason, 'refused'));
      continue;
    }
    if (entry.kind === 'removed' && (codingCount.get(entry.currentId) ?? 0) > 0) {
      const n = codingCount.get(entry.currentId)!;
      refused.push(`cannot remove ${quoted(entry.path)} (not in ${input.file}): it has ${plural(n, 'coding')}`);
      continue;
    }
    taken.add(entry.key);
  }
  if (refused.length > 0) return err(refused);

  const applied = applyCodebookDiff(input.current, input.incoming, diff, taken, input.ids);
  const byKey = new Map(diff.entries.map((e) => [e.key, e]));
  for (const skip of applied.skipped) {
    const entry = byKey.get(skip.key);
    if (entry) left.push(leftDifference(entry, input.file, `could not be taken: ${skip.reason}`, 'refused'));
  }
  return ok({ codes: applied.codes, applied: applied.applied, left });
}

/** Why a difference of a taken kind is still left, or null to take it. */
function leaveReason(entry: CodebookDiffEntry, incomingCount: number, codingCount: ReadonlyMap<string, number>): string | null {
  if (entry.kind === 'removed' && incomingCount === 0) return 'not taken: the file has no codes at all, so it removes nothing';
  if (entry.kind === 'changed' && entry.field === 'codable' && !entry.after) {
    const n = codingCount.get(entry.currentId) ?? 0;
    if (n > 0) return `not taken: it has ${plural(n, 'coding')}, and nothing can be coded with a category`;
  }
  return null;
}

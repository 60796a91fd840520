/**
 * What a codebook operation will do, said before it is done. The repository's summaries are
 * written for the change log, after the fact ("Moved “X” under “Y”"); a confirmation reads them
 * in the present ("Moves “X” under “Y”"), and a merge or split is told from its plan's numbers.
 */
import { count, quoted } from '@shared/codebook/codebook-problem';
import type { MergePlan } from '@shared/codebook/merge-plan';
import type { SplitPlan } from '@shared/codebook/split-plan';

// The verbs of describeCodeChange and the tree moves; quoted code names are never touched.
const PRESENT: Readonly<Record<string, string>> = {
  Added: 'Adds',
  Renamed: 'Renames',
  Moved: 'Moves',
  moved: 'moves',
  Reordered: 'Reorders',
  Changed: 'Changes',
  changed: 'changes',
  Retired: 'Retires',
  retired: 'retires',
  Brought: 'Brings',
  brought: 'brings',
  Made: 'Makes',
  made: 'makes',
  Deleted: 'Deletes',
};

/** "Renamed “A” to “B” and changed its definition" → "Renames “A” to “B” and changes its definition". */
export function inPresentTense(summary: string): string {
  return summary
    .split(/(“[^”]*”)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\b[A-Za-z]+\b/g, (word) => PRESENT[word] ?? word)))
    .join('');
}

/** "12 codings move from “A” to “B”; 2 identical codings collapse into the ones kept; “A” is deleted; its 1 sub-code moves under “B”." */
export function mergePreview(plan: MergePlan): string {
  const sources = listNames(plan.deleteCodes.map((c) => c.name));
  const target = quoted(plan.target.name);
  const one = plan.deleteCodes.length === 1;
  const { recoded, collapsed, collapsedWithMemo, movedChildren } = plan.counts;
  const parts = [recoded === 0 ? `no codings move to ${target}` : `${count(recoded, 'coding')} ${verb(recoded, 'moves', 'move')} from ${sources} to ${target}`];
  if (collapsed > 0) {
    const memo = collapsedWithMemo > 0 ? ` (${collapsedWithMemo} with a memo, deleted with it)` : '';
    parts.push(`${count(collapsed, 'identical coding')} by the same coder ${verb(collapsed, 'collapses', 'collapse')} into the one kept${memo}`);
  }
  parts.push(`${sources} ${one ? 'is' : 'are'} deleted`);
  if (movedChildren > 0) parts.push(`${one ? 'its' : 'their'} ${count(movedChildren, 'sub-code')} ${verb(movedChildren, 'moves', 'move')} under ${target}`);
  return `${capitalize(parts.join('; '))}.`;
}

/** "4 of the 10 codings of “A” move to the new code “B”, placed right after “A”." */
export function splitPreview(plan: SplitPlan, sourceCodings: number): string {
  const moved = plan.move.length;
  const exemplars = plan.code.exemplarCodingIds.length;
  const kept = exemplars > 0 ? `; ${count(exemplars, 'exemplar')} ${verb(exemplars, 'goes', 'go')} with them` : '';
  return `${moved} of the ${count(sourceCodings, 'coding')} of ${quoted(plan.source.name)} ${verb(moved, 'moves', 'move')} to the new code ${quoted(plan.code.name)}, placed right after it${kept}.`;
}

const verb = (n: number, singular: string, plural: string): string => (n === 1 ? singular : plural);

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function listNames(names: readonly string[]): string {
  const q = names.map(quoted);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

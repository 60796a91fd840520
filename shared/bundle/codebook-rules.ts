/**
 * Cross-record rules of the structured codebook (bundle v2): exemplars are codings of their own
 * code, shortcuts are unique, nothing is coded with a category-only code, and the change log and
 * named versions refer to coders that exist and hold snapshots that fit their entry.
 */
import type { Code } from '../model/records';
import type { CheckedRecords, KnownIds } from './bundle-rules';
import type { RecordArrayName } from './bundle-schema';
import { recordLabel } from './problem';
import { codeCountProblem, codeDepthProblem, MAX_CODES } from '../codebook/code-limits';

type Report = (array: RecordArrayName, index: number, id: string, field: string, message: string) => void;

/** `codeOfCoding`: a checked coding's code, when the codings are not in `checked` (a bounded read). */
export function checkCodebookRules(checked: CheckedRecords, known: KnownIds, report: Report, codeOfCoding?: (id: string) => string | undefined): void {
  checkExemplars(checked, known, report, codeOfCoding);
  checkShortcuts(checked, report);
  checkCategoryCodings(checked, report);
  checkChanges(checked, known, report);
  checkVersions(checked, known, report);
}

/** The same depth and count caps as every other path that makes codes (codebook/code-limits.ts). */
export function checkCodebookSize(codes: CheckedRecords['codes'], report: Report): void {
  const tooMany = codeCountProblem(codes.length);
  if (tooMany) {
    report('codes', codes[MAX_CODES]!.index, codes[MAX_CODES]!.value.id, 'id', tooMany.message);
    return;
  }
  const indexOf = new Map(codes.map(({ index, value }) => [value, index]));
  const tooDeep = codeDepthProblem(codes.map(({ value }) => value), (code) => ({ record: code.id, line: indexOf.get(code) }));
  if (tooDeep) report('codes', tooDeep.line!, tooDeep.record!, 'parentId', tooDeep.message);
}

function checkExemplars(checked: CheckedRecords, known: KnownIds, report: Report, codeElsewhere?: (id: string) => string | undefined): void {
  const codes = new Map<string, string>();
  for (const { value } of checked.codings) if (!codes.has(value.id)) codes.set(value.id, value.codeId);
  const codeOfCoding = codeElsewhere ? { get: codeElsewhere } : codes;
  for (const { index, value: code } of checked.codes) {
    const seen = new Set<string>();
    code.exemplarCodingIds.forEach((codingId, i) => {
      const at = (message: string): void => report('codes', index, code.id, `exemplarCodingIds.${i}`, message);
      const owner = codeOfCoding.get(codingId);
      if (seen.has(codingId)) at(`coding ${JSON.stringify(codingId)} is listed twice`);
      else if (!known.codings.has(codingId)) at(`unknown coding ${JSON.stringify(codingId)}`);
      else if (owner !== undefined && owner !== code.id)
        at(`coding ${JSON.stringify(codingId)} is coded with ${JSON.stringify(owner)}, not with this code`);
      seen.add(codingId);
    });
  }
}

function checkShortcuts(checked: CheckedRecords, report: Report): void {
  const firstWith = new Map<string, { index: number; id: string }>();
  for (const { index, value: code } of checked.codes) {
    if (code.shortcut === null) continue;
    const first = firstWith.get(code.shortcut);
    if (first) report('codes', index, code.id, 'shortcut', `key ${JSON.stringify(code.shortcut)} is already the shortcut of ${recordLabel('codes', first.index, first.id)}`);
    else firstWith.set(code.shortcut, { index, id: code.id });
  }
}

function checkCategoryCodings(checked: CheckedRecords, report: Report): void {
  const categories = new Set(checked.codes.filter(({ value }) => !value.codable).map(({ value }) => value.id));
  for (const { index, value: coding } of checked.codings) {
    if (categories.has(coding.codeId))
      report('codings', index, coding.id, 'codeId', `code ${JSON.stringify(coding.codeId)} is category-only (codable false): nothing can be coded with it`);
  }
}

/** Entries in applied order: seq strictly increasing; a revert names an entry before it. */
function checkChanges(checked: CheckedRecords, _known: KnownIds, report: Report): void {
  let lastSeq = 0;
  const seen = new Set<string>();
  for (const { index, value: entry } of checked.journal) {
    const at = (field: string, message: string): void => report('journal', index, entry.id, field, message);
    if (entry.seq <= lastSeq) at('seq', `is ${entry.seq}, not after the entry before it (${lastSeq}): entries are listed in the order they were applied`);
    lastSeq = Math.max(lastSeq, entry.seq);
    if (entry.reverts !== null && !seen.has(entry.reverts)) at('reverts', `names ${JSON.stringify(entry.reverts)}, which is not an earlier entry`);
    seen.add(entry.id);
  }
}

function checkVersions(checked: CheckedRecords, known: KnownIds, report: Report): void {
  for (const { index, value: version } of checked.codebookVersions) {
    const at = (field: string, message: string): void => report('codebookVersions', index, version.id, field, message);
    if (!known.coders.has(version.coderId)) at('coderId', `unknown coder ${JSON.stringify(version.coderId)}`);
    const firstIndex = new Map<string, number>();
    version.codes.forEach((code: Code, i) => {
      const first = firstIndex.get(code.id);
      if (first === undefined) firstIndex.set(code.id, i);
      else at(`codes.${i}.id`, `duplicate id ${JSON.stringify(code.id)} (also codes.${first})`);
    });
    version.codes.forEach((code: Code, i) => {
      if (code.parentId !== null && !firstIndex.has(code.parentId))
        at(`codes.${i}.parentId`, `unknown code ${JSON.stringify(code.parentId)} (not in this version)`);
    });
  }
}

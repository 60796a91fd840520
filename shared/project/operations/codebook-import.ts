/**
 * Applies a confirmed codebook import (the take-or-leave diff the researcher reviewed, or the CLI's
 * --take policy): every changed code, and the codings of removed codes the researcher agreed to
 * delete. Refused when the codebook changed since the file was compared with it.
 */
import type { AppliedChange } from '../../codebook/apply-codebook-diff';
import { codeProblem, count } from '../../codebook/codebook-problem';
import type { Code, Coding } from '../../model/records';
import { err, ok } from '../../util/result';
import type { RowChange } from '../change-set';
import { normalizeFields } from '../code-rules';
import { defineOperation } from '../operation';
import { sameRecord } from '../same-record';

export interface CodebookImportInput {
  /** The imported file's name, for the journal. */
  source: string;
  /** The codebook the file was compared with: refused if the stored one differs. */
  base: readonly Code[];
  /** The whole codebook after the import. */
  codes: readonly Code[];
  /** One sentence per changed code. */
  applied: readonly AppliedChange[];
  /**
   * Removed codes whose codings the researcher agreed to delete, with the number of codings they
   * were shown. A removed code with codings not listed here, or with another number, is refused.
   */
  codingsToDelete: ReadonlyMap<string, number>;
}

const STALE = 'the codebook changed since the file was compared with it; import the file again to see what differs now';

export const applyCodebookImport = defineOperation<CodebookImportInput, { stored: Code[]; codings: Coding[] }, { codes: number; codings: number }>({
  kind: 'codebook.import',
  async read(reader, input) {
    const stored = await reader.codes();
    const next = new Set(input.codes.map((c) => c.id));
    return { stored, codings: await reader.codingsOfCodes(stored.filter((c) => !next.has(c.id)).map((c) => c.id)) };
  },
  plan({ stored, codings: removedCodeCodings }, input) {
    if (!sameCodebook(stored, input.base)) return err({ record: 'codebook', field: 'codes', message: STALE });
    // Names and texts are stored trimmed whichever front end read the file.
    const next = new Map(input.codes.map((c) => [c.id, { ...c, ...normalizeFields(c) }]));
    const codes: Array<RowChange<Code>> = [];
    for (const before of stored) {
      const after = next.get(before.id) ?? null;
      if (!sameCodebookRecord(before, after)) codes.push({ before, after });
    }
    const storedIds = new Set(stored.map((c) => c.id));
    for (const after of next.values()) if (!storedIds.has(after.id)) codes.push({ before: null, after });

    const codings: Array<RowChange<Coding>> = [];
    for (const { before, after } of codes) {
      if (before === null || after !== null) continue;
      const rows = removedCodeCodings.filter((c) => c.codeId === before.id);
      if (rows.length === 0) continue;
      const agreed = input.codingsToDelete.get(before.id);
      if (agreed !== rows.length) {
        const shown = agreed === undefined ? 'their deletion was not agreed to' : `${count(agreed, 'coding')} were shown`;
        return err(codeProblem(before, 'id', `cannot remove it: ${count(rows.length, 'coding')} use it and ${shown}`));
      }
      codings.push(...rows.map((coding) => ({ before: coding, after: null })));
    }
    const changedIds = new Set(input.applied.map((a) => a.codeId));
    return ok({
      summary: importSummary(input.source, codes.filter((r) => changedIds.has((r.after ?? r.before)!.id)), codings.length),
      changes: { codes, codings },
      result: { codes: codes.length, codings: codings.length },
    });
  },
});

/** Same content; `updatedAt` is the store's bookkeeping, not the codebook's content. */
function sameCodebookRecord(a: Code | null | undefined, b: Code | null | undefined): boolean {
  if (!a || !b) return a === b;
  return sameRecord({ ...a, updatedAt: undefined }, { ...b, updatedAt: undefined });
}

function sameCodebook(stored: readonly Code[], base: readonly Code[]): boolean {
  if (stored.length !== base.length) return false;
  const byId = new Map(base.map((c) => [c.id, c]));
  return stored.every((c) => sameCodebookRecord(c, byId.get(c.id)));
}

/** "Imported “team.qdc”: 3 codes added, 1 changed, 1 removed (with 2 codings)". */
function importSummary(source: string, codes: ReadonlyArray<RowChange<Code>>, codings: number): string {
  const added = codes.filter((r) => r.before === null).length;
  const removed = codes.filter((r) => r.after === null).length;
  const changed = codes.length - added - removed;
  const parts = [
    added > 0 ? `${count(added, 'code')} added` : '',
    changed > 0 ? `${count(changed, 'code')} changed` : '',
    removed > 0 ? `${count(removed, 'code')} removed${codings > 0 ? ` (with ${count(codings, 'coding')})` : ''}` : '',
  ].filter(Boolean);
  return `Imported “${source}”: ${parts.length > 0 ? parts.join(', ') : 'no change'}`;
}

import type { AppliedChange } from '@shared/codebook/apply-codebook-diff';
import { codeProblem, count } from '@shared/codebook/codebook-problem';
import { describeCodeChange } from '@shared/codebook/describe-code-change';
import type { Code, Coding } from '@shared/model/records';
import { err, ok } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';

import { writeCodebook, type CodebookDeps, type CodebookResult, type RowChange } from './codebook-write';
import { sameRecord } from './same-record';

/** What the researcher confirmed in the import preview (applyCodebookDiff's result, and its context). */
export interface CodebookImportPlan {
  /** The imported file's name, for the change log. */
  source: string;
  /** The codebook the file was compared with: the import is refused if the stored one differs. */
  base: readonly Code[];
  /** The whole codebook after the import. */
  codes: readonly Code[];
  /** One sentence per changed code, for its change-log row. */
  applied: readonly AppliedChange[];
  /**
   * Removed codes whose codings the researcher agreed to delete, with the number of codings they
   * were shown. A removed code with codings not listed here, or with another number, is refused.
   */
  codingsToDelete: ReadonlyMap<string, number>;
}

const STALE = 'the codebook changed since the file was compared with it; import the file again to see what differs now';

/**
 * Writes a confirmed codebook import in ONE transaction (writeCodebook): every changed code, the
 * codings of removed codes the researcher agreed to delete, and one change-log row of kind
 * 'import' per changed code. The operation undoes like any other (codebook-undo.ts).
 */
export async function applyCodebookImport(db: ThreadmarkDB, plan: CodebookImportPlan, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, async ({ codes: stored }) => {
    if (!sameCodebook(stored, plan.base)) return err({ record: 'codebook', field: 'codes', message: STALE });

    const changedIds = new Set(plan.applied.map((a) => a.codeId));
    const next = new Map(plan.codes.map((c) => [c.id, c]));
    const codes: Array<RowChange<Code>> = [];
    for (const before of stored) {
      const after = next.get(before.id) ?? null;
      if (!sameRecord(before, after)) codes.push({ before, after });
    }
    const storedIds = new Set(stored.map((c) => c.id));
    for (const after of next.values()) if (!storedIds.has(after.id)) codes.push({ before: null, after });

    const codings: Array<RowChange<Coding>> = [];
    for (const { before, after } of codes) {
      if (before === null || after !== null) continue;
      const rows = await db.codings.where('codeId').equals(before.id).toArray();
      if (rows.length === 0) continue;
      const agreed = plan.codingsToDelete.get(before.id);
      if (agreed !== rows.length) {
        const shown = agreed === undefined ? 'their deletion was not agreed to' : `${count(agreed, 'coding')} were shown`;
        return err(codeProblem(before, 'id', `cannot remove it: ${count(rows.length, 'coding')} use it and ${shown}`));
      }
      codings.push(...rows.map((coding) => ({ before: coding, after: null })));
    }

    const names = new Map([...stored.map((c) => [c.id, c] as const), ...next]);
    const sentences = new Map(plan.applied.map((a) => [a.codeId, a.summary]));
    return ok({
      kind: 'import',
      summary: importSummary(plan.source, codes.filter((r) => changedIds.has((r.after ?? r.before)!.id)), codings.length),
      codes,
      codings,
      // A code only renumbered among its siblings has no sentence of its own: "Reordered “X”".
      rowSummaries: new Map(codes.map(({ before, after }) => {
        const id = (after ?? before)!.id;
        return [id, sentences.get(id) ?? describeCodeChange(before, after, names)];
      })),
    });
  });
}

/** Same codes, same content, in any order. */
function sameCodebook(stored: readonly Code[], base: readonly Code[]): boolean {
  if (stored.length !== base.length) return false;
  const byId = new Map(base.map((c) => [c.id, c]));
  return stored.every((c) => sameRecord(c, byId.get(c.id)));
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

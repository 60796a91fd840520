import type { Code } from '@shared/model/records';
import { sliceCodePoints } from '@shared/text/offsets';
import { err, ok } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';

import { writeCodebook, type CodebookDeps, type CodebookResult } from './codebook-write';

/**
 * Marks a coding as an exemplar of its code (shown with its quote in the codebook), or unmarks
 * it. Logged and undoable like any codebook edit; a coding already in that state changes nothing.
 */
export async function setExemplar(db: ThreadmarkDB, codingId: string, on: boolean, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, async ({ codes }) => {
    const coding = await db.codings.get(codingId);
    if (!coding) return err({ record: `coding ${codingId}`, field: 'id', message: 'unknown coding: cannot mark it as an exemplar' });
    const code = codes.find((c) => c.id === coding.codeId);
    if (!code) return err({ record: `coding ${codingId}`, field: 'codeId', message: `code ${coding.codeId} does not exist` });
    const has = code.exemplarCodingIds.includes(codingId);
    const quote = excerpt(coding.quote);
    if (has === on) return ok({ kind: 'edit', summary: `No change to “${code.name}”`, codes: [], codings: [] });
    const after: Code = { ...code, exemplarCodingIds: on ? [...code.exemplarCodingIds, codingId] : code.exemplarCodingIds.filter((id) => id !== codingId) };
    const summary = on ? `Marked “${quote}” as an exemplar of “${code.name}”` : `Unmarked “${quote}” as an exemplar of “${code.name}”`;
    return ok({ kind: 'edit', summary, codes: [{ before: code, after }], codings: [] });
  });
}

/**
 * Takes deleted codings out of the exemplars of every code that lists them (a deleted coding is
 * no example of anything). Call inside the rw transaction that deletes them (it needs `codes`).
 */
export async function dropExemplars(db: ThreadmarkDB, codingIds: ReadonlySet<string>): Promise<void> {
  if (codingIds.size === 0) return;
  const affected = await db.codes.filter((c) => c.exemplarCodingIds.some((id) => codingIds.has(id))).toArray();
  await db.codes.bulkPut(affected.map((c) => ({ ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !codingIds.has(id)) })));
}

function excerpt(quote: string, max = 40): string {
  const head = sliceCodePoints(quote, 0, max);
  return head.length < quote.length ? `${head}…` : quote;
}

import { codeProblem } from '@shared/codebook/codebook-problem';
import { describeCodeChange } from '@shared/codebook/describe-code-change';
import { EMPTY_CODE_FIELDS, type Code, type CodeFields } from '@shared/model/records';
import { err, ok } from '@shared/util/result';

import { codesInTreeOrder, subtreeIds } from '../code-tree';
import type { ThreadmarkDB } from '../database';

import { normalizeFields } from './code-rules';
import { writeCodebook, type CodebookDeps, type CodebookResult } from './codebook-write';
import { sameRecord } from './same-record';

/** A new code: name and colour, where it goes (top level by default), and any structured field. */
export type NewCode = Pick<Code, 'name' | 'color'> & Partial<Omit<CodeFields, 'name' | 'color' | 'exemplarCodingIds'>> & { parentId?: string | null };

/** Fields to change; exemplars change through `setExemplar`, place through the tree moves. */
export type CodePatch = Partial<Omit<CodeFields, 'exemplarCodingIds'>>;

// A codebook holds at most a few thousand codes, and root codes (parentId null) are not in the
// parentId index, so codebook operations load the whole table and work in memory.

/**
 * Adds a code as the last of its siblings. Refused (nothing written): an empty name or one a
 * sibling has, a bad colour, an unknown parent, a shortcut that is not one a–z/0–9 key or is taken.
 */
export async function addCode(db: ThreadmarkDB, input: NewCode, deps: CodebookDeps): Promise<CodebookResult> {
  const { parentId = null, ...fields } = input;
  return writeCodebook(db, deps, ({ codes, ids }) => {
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
    return ok({ kind: 'add', summary: describeCodeChange(null, code, byId(codes)), codes: [{ before: null, after: code }], codings: [] });
  });
}

/**
 * Changes a code's structured fields, with the checks of `addCode`; a code with codings cannot
 * become category-only. Changing nothing writes and logs nothing.
 */
export async function updateCode(db: ThreadmarkDB, id: string, patch: CodePatch, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, ({ codes }) => {
    const current = codes.find((c) => c.id === id);
    if (!current) return err(codeProblem(id, 'id', 'unknown code: cannot change it'));
    const updated: Code = { ...current, ...normalizeFields(patch) };
    if (sameRecord(current, updated)) return ok({ kind: 'edit', summary: `No change to “${current.name}”`, codes: [], codings: [] });
    return ok({ kind: 'edit', summary: describeCodeChange(current, updated, byId(codes)), codes: [{ before: current, after: updated }], codings: [] });
  });
}

/**
 * Deletes the code, its descendants and all their codings in one transaction; the operation
 * lists them all, so undoing it puts every one back.
 */
export async function deleteCode(db: ThreadmarkDB, id: string, deps: CodebookDeps): Promise<CodebookResult> {
  return writeCodebook(db, deps, async ({ codes }) => {
    const root = codes.find((c) => c.id === id);
    if (!root) return err(codeProblem(id, 'id', 'unknown code: cannot delete it'));
    const ids = new Set(subtreeIds(codes, id));
    const deleted = codesInTreeOrder(codes).filter((c) => ids.has(c.id));
    // One equals per code (getAll-backed), not anyOf: stack-notes §5(b).
    const codings = (await Promise.all([...ids].map((c) => db.codings.where('codeId').equals(c).toArray()))).flat();
    const subCodes = deleted.length - 1;
    const what = [subCodes > 0 ? `${subCodes} sub-code${subCodes === 1 ? '' : 's'}` : '', `${codings.length} coding${codings.length === 1 ? '' : 's'}`].filter(Boolean);
    return ok({
      kind: 'delete',
      summary: `Deleted “${root.name}” with its ${what.join(' and ')}`,
      codes: deleted.map((c) => ({ before: c, after: null })),
      codings: codings.map((c) => ({ before: c, after: null })),
    });
  });
}

/** Codings of the code and of every code below it (what deleting it would remove). */
export async function countCodingsOfCode(db: ThreadmarkDB, id: string): Promise<number> {
  return db.transaction('r', [db.codes, db.codings], async () => {
    const ids = subtreeIds(await db.codes.toArray(), id);
    const counts = await Promise.all(ids.map((c) => db.codings.where('codeId').equals(c).count()));
    return counts.reduce((sum, n) => sum + n, 0);
  });
}

/**
 * Codings per code id, all coders and threads (the panel's counts); every code is listed, 0 when
 * unused. Reads only the codeId index keys, never the codings themselves.
 */
export async function codingCountsByCode(db: ThreadmarkDB): Promise<Map<string, number>> {
  return db.transaction('r', [db.codes, db.codings], async () => {
    const [codeIds, keys] = await Promise.all([db.codes.toCollection().primaryKeys(), db.codings.orderBy('codeId').keys()]);
    const counts = new Map(codeIds.map((id) => [id, 0]));
    for (const key of keys) if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  });
}

/** The codebook in tree order (pre-order, siblings by `order`). */
export async function listCodes(db: ThreadmarkDB): Promise<Code[]> {
  return codesInTreeOrder(await db.codes.toArray());
}

function byId(codes: readonly Code[]): Map<string, Code> {
  return new Map(codes.map((c) => [c.id, c]));
}

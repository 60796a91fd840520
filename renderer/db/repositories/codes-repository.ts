import type { Code, Coding } from '@shared/model/records';
import type { IdSource } from '@shared/util/clock';

import { codesInTreeOrder, subtreeIds } from '../code-tree';
import type { ThreadmarkDB } from '../database';

import { checkCodeColor, checkCodeName } from './code-rules';

export interface NewCode {
  name: string;
  color: string;
  description: string;
  parentId?: string | null;
}

export type CodePatch = Partial<Pick<Code, 'name' | 'color' | 'description'>>;

export interface DeletedCodes {
  codes: Code[];
  codings: Coding[];
}

// A codebook holds at most a few thousand codes, and root codes (parentId null) are not in the
// parentId index, so tree operations load the whole table and work in memory.

/** Adds a code as the last of its siblings. */
export async function addCode(
  db: ThreadmarkDB,
  input: NewCode,
  deps: { ids: IdSource },
): Promise<Code> {
  const parentId = input.parentId ?? null;
  const color = checkCodeColor(input.color);
  return db.transaction('rw', db.codes, async () => {
    const codes = await db.codes.toArray();
    if (parentId !== null && !codes.some((c) => c.id === parentId)) {
      throw new Error(`Cannot add the code: its parent ${parentId} does not exist.`);
    }
    const name = checkCodeName(input.name, parentId, codes);
    const siblingOrders = codes.filter((c) => c.parentId === parentId).map((c) => c.order);
    const code: Code = {
      id: deps.ids.newId(),
      name,
      parentId,
      color,
      description: input.description.trim(),
      order: siblingOrders.length === 0 ? 0 : Math.max(...siblingOrders) + 1,
    };
    await db.codes.add(code);
    return code;
  });
}

/** Renames, recolours or redescribes a code, with the same checks as `addCode`. */
export async function updateCode(db: ThreadmarkDB, id: string, patch: CodePatch): Promise<Code> {
  const color = patch.color === undefined ? undefined : checkCodeColor(patch.color);
  return db.transaction('rw', db.codes, async () => {
    const codes = await db.codes.toArray();
    const current = codes.find((c) => c.id === id);
    if (!current) throw new Error(`Cannot update: code ${id} does not exist.`);
    const updated: Code = {
      ...current,
      name: patch.name === undefined ? current.name : checkCodeName(patch.name, current.parentId, codes, id),
      color: color ?? current.color,
      description: patch.description === undefined ? current.description : patch.description.trim(),
    };
    await db.codes.put(updated);
    return updated;
  });
}

/** Codings of the code and of every code below it (what deleting it would remove). */
export async function countCodingsOfCode(db: ThreadmarkDB, id: string): Promise<number> {
  return db.transaction('r', [db.codes, db.codings], async () => {
    const ids = subtreeIds(await db.codes.toArray(), id);
    // One equals per code (getAll-backed), not anyOf: stack-notes §5(b).
    const counts = await Promise.all(ids.map((c) => db.codings.where('codeId').equals(c).count()));
    return counts.reduce((sum, n) => sum + n, 0);
  });
}

/**
 * Deletes the code, its descendants and all their codings in one transaction, and returns what was
 * deleted (codes in tree order) so the UI can offer undo through `restoreDeletedCodes`.
 */
export async function deleteCode(db: ThreadmarkDB, id: string): Promise<DeletedCodes> {
  return db.transaction('rw', [db.codes, db.codings], async () => {
    const all = await db.codes.toArray();
    if (!all.some((c) => c.id === id)) throw new Error(`Cannot delete: code ${id} does not exist.`);
    const ids = new Set(subtreeIds(all, id));
    const codes = codesInTreeOrder(all).filter((c) => ids.has(c.id));
    const perCode = await Promise.all([...ids].map((c) => db.codings.where('codeId').equals(c).toArray()));
    const codings = perCode.flat();
    await db.codings.bulkDelete(codings.map((c) => c.id));
    await db.codes.bulkDelete([...ids]);
    return { codes, codings };
  });
}

/**
 * Undo of `deleteCode`: puts the codes and codings back exactly, in one transaction. Refuses (and
 * writes nothing) if the parent is gone, a name now clashes, or a post or coder has disappeared.
 */
export async function restoreDeletedCodes(db: ThreadmarkDB, deleted: DeletedCodes): Promise<void> {
  await db.transaction('rw', [db.codes, db.codings, db.posts, db.coders], async () => {
    const existing = await db.codes.toArray();
    const restoring = new Set(deleted.codes.map((c) => c.id));
    const present = new Set(existing.map((c) => c.id));
    for (const code of deleted.codes) {
      if (code.parentId !== null && !restoring.has(code.parentId) && !present.has(code.parentId)) {
        throw new Error(`Cannot restore code "${code.name}": its parent no longer exists.`);
      }
      checkCodeName(code.name, code.parentId, existing);
    }
    const postIds = [...new Set(deleted.codings.map((c) => c.postId))];
    const coderIds = [...new Set(deleted.codings.map((c) => c.coderId))];
    const [posts, coders] = await Promise.all([db.posts.bulkGet(postIds), db.coders.bulkGet(coderIds)]);
    if (posts.includes(undefined) || coders.includes(undefined)) {
      throw new Error('Cannot restore the codes: some of their posts or coders no longer exist.');
    }
    // add, not put: an id that exists again is an error, never an overwrite.
    await db.codes.bulkAdd(deleted.codes);
    await db.codings.bulkAdd(deleted.codings);
  });
}

/** The codebook in tree order (pre-order, siblings by `order`). */
export async function listCodes(db: ThreadmarkDB): Promise<Code[]> {
  return codesInTreeOrder(await db.codes.toArray());
}

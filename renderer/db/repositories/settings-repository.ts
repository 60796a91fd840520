import type { ThreadmarkDB } from '../database';

const CURRENT_CODER = 'currentCoderId';

/** The coder new codings are attributed to, or null before one is chosen (or if it was removed). */
export async function getCurrentCoderId(db: ThreadmarkDB): Promise<string | null> {
  return db.transaction('r', [db.meta, db.coders], async () => {
    const row = await db.meta.get(CURRENT_CODER);
    if (typeof row?.value !== 'string') return null;
    return (await db.coders.get(row.value)) ? row.value : null;
  });
}

/** Kept in the database, not localStorage, which loses writes on a quick kill (electron#22048). */
export async function setCurrentCoderId(db: ThreadmarkDB, id: string): Promise<void> {
  await db.transaction('rw', [db.meta, db.coders], async () => {
    if (!(await db.coders.get(id))) throw new Error(`Cannot select coder ${id}: it does not exist.`);
    await db.meta.put({ key: CURRENT_CODER, value: id });
  });
}

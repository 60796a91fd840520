import type { Coder } from '@shared/model/records';
import type { IdSource } from '@shared/util/clock';

import { compareStrings } from '../ordering';
import type { ThreadmarkDB } from '../database';

/** The coder with exactly this (trimmed) name, created if there is none. */
export async function ensureCoder(db: ThreadmarkDB, name: string, ids: IdSource): Promise<Coder> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A coder needs a name.');
  return db.transaction('rw', db.coders, async () => {
    // A project has a handful of coders: a scan beats keeping a name index.
    const existing = await db.coders.filter((c) => c.name === trimmed).first();
    if (existing) return existing;
    const coder: Coder = { id: ids.newId(), name: trimmed };
    await db.coders.add(coder);
    return coder;
  });
}

/** All coders by name, then id. */
export async function listCoders(db: ThreadmarkDB): Promise<Coder[]> {
  const coders = await db.coders.toArray();
  return coders.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}

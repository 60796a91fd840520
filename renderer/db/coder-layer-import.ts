/**
 * "Add coder file", database side: read what the plan needs, then write a confirmed plan in ONE
 * transaction. Another coder's work is added as a layer next to the project's; a coder already
 * present is replaced only when the user confirmed it, otherwise left exactly as it is
 * (reliability.md §4: never drop one side silently).
 */
import type { CoderLayerPlan, PlannedCoder, ProjectPost, ProjectSnapshot } from '@shared/bundle/coder-layer-plan';
import type { Code, Coding } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

import type { ThreadmarkDB } from './database';
import { allPosts, getPosts, postTables } from './post-store';
import { dropExemplars } from './repositories/exemplars-repository';

export interface CoderLayerChoices {
  /** projectCoderIds of coders already present whose stored codings the user agreed to replace. */
  replace: ReadonlySet<string>;
}

export interface CoderLayerSummary {
  addedCodings: number;
  /** Stored codings deleted because their coder was replaced. */
  replacedCodings: number;
  addedCoders: number;
  addedCodes: number;
  /** Coders already present and not replaced: nothing of theirs changed. */
  keptCoders: string[];
  skipped: CoderLayerPlan['skipped'];
}

/** The project was changed (in another window, say) after the plan was made: plan again. */
export class CoderLayerConflictError extends Error {
  constructor(reason: string) {
    super(`Could not add the coder file: ${reason}. Nothing was changed; add the file again.`);
    this.name = 'CoderLayerConflictError';
  }
}

/**
 * One consistent read. Posts are loaded whole (IndexedDB has no projection) and cut down to what
 * matching reads; codings only as primary keys and per-coder counts, never as records.
 */
export async function readProjectSnapshot(db: ThreadmarkDB): Promise<ProjectSnapshot> {
  return db.transaction('r', [...postTables(db), db.codes, db.coders, db.codings], async () => {
    const [rows, codes, coders, codingIds] = await Promise.all([
      allPosts(db),
      db.codes.toArray(),
      db.coders.toArray(),
      db.codings.toCollection().primaryKeys(),
    ]);
    const counts = await Promise.all(coders.map((c) => db.codings.where('coderId').equals(c.id).count()));
    const posts = rows.map(({ id, threadId, author, text, platform, platformId }): ProjectPost => ({ id, threadId, author, text, platform, platformId }));
    return {
      posts,
      codes,
      coders,
      codingIds: new Set(codingIds),
      codingCountByCoder: new Map(coders.map((c, i) => [c.id, counts[i] ?? 0])),
    };
  });
}

/**
 * Writes the plan: new coders are added with their codings; a coder already present is replaced
 * (stored codings deleted, the file's added) only when its id is in `choices.replace`, else skipped
 * entirely. Codes are added only when an applied coding uses them or a code below them. All or
 * nothing, in one transaction in which only Dexie is awaited (reliability.md §2.2); `bulkAdd`
 * never overwrites a stored record. Throws CoderLayerConflictError when the project no longer fits
 * the plan.
 */
export async function applyCoderLayer(
  db: ThreadmarkDB,
  plan: CoderLayerPlan,
  choices: CoderLayerChoices,
): Promise<CoderLayerSummary> {
  // Everything is decided before the transaction opens.
  const applied = plan.coders.filter((c) => c.isNew || choices.replace.has(c.projectCoderId));
  const newCoders = applied.filter((c) => c.isNew);
  const replaced = applied.filter((c) => !c.isNew);
  const codings = applied.flatMap((c) => plan.codingsByCoder.get(c.projectCoderId) ?? []);
  const codes = codesUsed(plan.codesToAdd, codings);
  const summary = (replacedCodings: number): CoderLayerSummary => ({
    addedCodings: codings.length,
    replacedCodings,
    addedCoders: newCoders.length,
    addedCodes: codes.length,
    keptCoders: plan.coders.filter((c) => !applied.includes(c)).map((c) => c.name),
    skipped: { ...plan.skipped },
  });
  if (applied.length === 0) return summary(0);

  return db.transaction('rw', [...postTables(db), db.codes, db.coders, db.codings], async () => {
    await checkPosts(db, codings);
    await checkCodes(db, codes, codings);
    await checkCoders(db, newCoders, replaced);
    await checkCodingIdsFree(db, codings);

    let replacedCodings = 0;
    for (const coder of replaced) {
      const gone = await db.codings.where('coderId').equals(coder.projectCoderId).primaryKeys();
      await db.codings.bulkDelete(gone);
      // A replaced coding is no exemplar any more.
      await dropExemplars(db, new Set(gone));
      replacedCodings += gone.length;
    }
    await db.codes.bulkAdd(codes);
    await db.coders.bulkAdd(newCoders.map((c) => ({ id: c.projectCoderId, name: c.name })));
    await db.codings.bulkAdd(codings);
    return summary(replacedCodings);
  });
}

/** The planned codes the codings use, with the planned ancestors they hang from, parents first. */
function codesUsed(codesToAdd: readonly Code[], codings: readonly Coding[]): Code[] {
  const planned = new Map(codesToAdd.map((c) => [c.id, c]));
  const used = new Set<string>();
  for (const coding of codings) {
    let code = planned.get(coding.codeId);
    while (code !== undefined && !used.has(code.id)) {
      used.add(code.id);
      code = code.parentId === null ? undefined : planned.get(code.parentId);
    }
  }
  return codesToAdd.filter((c) => used.has(c.id));
}

/** Every post still stored, in the same thread, its text still carrying each coding's quote. */
async function checkPosts(db: ThreadmarkDB, codings: readonly Coding[]): Promise<void> {
  const ids = [...new Set(codings.map((c) => c.postId))];
  const byId = await getPosts(db, ids);
  for (const coding of codings) {
    const post = byId.get(coding.postId);
    if (post === undefined) throw new CoderLayerConflictError(`post ${coding.postId} is no longer in the project`);
    const fits =
      post.threadId === coding.threadId &&
      coding.end <= codePointLength(post.text) &&
      sliceCodePoints(post.text, coding.start, coding.end) === coding.quote;
    if (!fits) throw new CoderLayerConflictError(`post ${coding.postId} no longer matches coding ${coding.id}`);
  }
}

/** Codes to add are still absent; every other code the layer points at is still stored. */
async function checkCodes(db: ThreadmarkDB, codes: readonly Code[], codings: readonly Coding[]): Promise<void> {
  const adding = new Set(codes.map((c) => c.id));
  const taken = (await db.codes.bulkGet([...adding])).find((c) => c !== undefined);
  if (taken) throw new CoderLayerConflictError(`a code with id ${taken.id} ("${taken.name}") was added meanwhile`);
  const referenced = new Set([...codings.map((c) => c.codeId), ...codes.flatMap((c) => (c.parentId === null ? [] : [c.parentId]))]);
  const existing = [...referenced].filter((id) => !adding.has(id));
  const stored = await db.codes.bulkGet(existing);
  const missing = existing.find((_, i) => stored[i] === undefined);
  if (missing !== undefined) throw new CoderLayerConflictError(`code ${missing} is no longer in the project`);
  const usedIds = new Set(codings.map((c) => c.codeId));
  const category = stored.find((c) => c !== undefined && !c.codable && usedIds.has(c.id));
  if (category) throw new CoderLayerConflictError(`code "${category.name}" is a category in this project: nothing can be coded with it`);
}

/**
 * New coders' ids and names are still free; replaced coders still exist and hold exactly the
 * codings the user agreed to replace (one more, coded meanwhile, must not vanish unconfirmed).
 */
async function checkCoders(db: ThreadmarkDB, newCoders: readonly PlannedCoder[], replaced: readonly PlannedCoder[]): Promise<void> {
  // A project has a handful of coders: reading them all is cheaper than an index.
  const stored = await db.coders.toArray();
  for (const coder of newCoders) {
    const clash = stored.find((s) => s.id === coder.projectCoderId || s.name.trim() === coder.name);
    if (clash) throw new CoderLayerConflictError(`coder "${clash.name}" was added meanwhile`);
  }
  const counts = await Promise.all(replaced.map((c) => db.codings.where('coderId').equals(c.projectCoderId).count()));
  replaced.forEach((coder, i) => {
    if (!stored.some((s) => s.id === coder.projectCoderId)) throw new CoderLayerConflictError(`coder "${coder.name}" is no longer in the project`);
    const now = counts[i] ?? 0;
    if (now !== coder.existingCodings)
      throw new CoderLayerConflictError(`"${coder.name}" now has ${now} codings, not the ${coder.existingCodings} confirmed for replacement`);
  });
}

async function checkCodingIdsFree(db: ThreadmarkDB, codings: readonly Coding[]): Promise<void> {
  const taken = (await db.codings.bulkGet(codings.map((c) => c.id))).find((c) => c !== undefined);
  if (taken) throw new CoderLayerConflictError(`a coding with id ${taken.id} was added meanwhile`);
}

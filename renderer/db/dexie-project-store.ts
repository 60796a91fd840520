/**
 * The app's adapter of the application core's ProjectStore port (shared/project/project-store.ts)
 * over Dexie. Every project write in the app goes through `transact` → `apply`: one rw transaction
 * over the operation's tables (every project table unless it names them) and the journal, in which
 * only Dexie is awaited, so a change-set and its journal entry are stored together or not at all.
 * Posts are read and written through post-store.ts.
 */
import { liveQuery, type Table } from 'dexie';

import type { Post } from '@shared/model/records';
import { rowsOf, type ChangeSet, type RowChange } from '@shared/project/change-set';
import type { JournalEntry } from '@shared/project/journal-entry';
import { countCodedPosts, type ApplyOptions, type ProjectReader, type ProjectStore, type ProjectTransaction } from '@shared/project/project-store';
import type { TableName } from '@shared/project/tables';
import { CancelledError } from '@shared/util/cancelled';

import { applyCodingCounts, readCodingCounts } from './coding-counts';
import type { ThreadmarkDB } from './database';
import { allPostFacts, allPosts, appendPosts, getPosts, locatePosts, postsOfThreadInOrder, postTables, removePosts, replacePosts, storedPlatformIds, threadStats } from './post-store';

/** Posts per write between progress reports while an import is stored. */
export const POST_WRITE_BATCH = 5_000;
/** Up to this many posts asked for at once are kept for the rest of the transaction (a coding's post). */
const POSTS_KEPT_PER_READ = 64;

export class DexieProjectStore implements ProjectStore {
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  /** Ids already told to listeners (this window's writes are told at once, and seen again by the watch). */
  private readonly told = new Set<string>();
  /** The journal seqs of those entries: a journal that grew by these alone needs no read. */
  private readonly toldSeqs = new Set<number>();
  private watch: { unsubscribe(): void } | null = null;

  constructor(readonly db: ThreadmarkDB) {}

  private tables() {
    const db = this.db;
    return [db.projects, db.threads, ...postTables(db), db.codes, db.coders, db.codings, db.codingCounts, db.codebookVersions, db.assignments, db.rounds, db.decisions, db.memos, db.attributes, db.attributeValues, db.relationCodes, db.relations, db.journal];
  }

  /** The Dexie tables behind these project tables, with the journal (the entry is written in the same transaction). */
  private scopeOf(tables: readonly TableName[] | undefined) {
    if (tables === undefined) return this.tables();
    const db = this.db;
    const of: Record<TableName, Table[]> = {
      projects: [db.projects],
      threads: [db.threads],
      posts: postTables(db),
      codes: [db.codes],
      coders: [db.coders],
      // The per-code counts are kept with the codings (applyCodingCounts).
      codings: [db.codings, db.codingCounts],
      codebookVersions: [db.codebookVersions],
      assignments: [db.assignments],
      rounds: [db.rounds],
      decisions: [db.decisions],
      memos: [db.memos],
      attributes: [db.attributes],
      attributeValues: [db.attributeValues],
      relationCodes: [db.relationCodes],
      relations: [db.relations],
    };
    return [...new Set(tables.flatMap((t) => of[t])), db.journal];
  }

  read<T>(fn: (reader: ProjectReader) => Promise<T>): Promise<T> {
    // The scope must itself be an async function: Dexie counts a native async scope's awaits and
    // keeps its zone across them; a plain function returning native async code lets the zone leak,
    // and a write started in the same tick then runs outside its transaction (PrematureCommitError;
    // read-beside-write.test.ts).
    return this.db.transaction('r', this.tables(), async () => fn(dexieReader(this.db)));
  }

  /**
   * `tables`: an operation that names its tables (Operation.tables) locks only those and the
   * journal, so it does not wait behind reads of the others; a table outside them fails the
   * transaction (Dexie's NotFoundError) and nothing is kept.
   */
  async transact<T>(fn: (tx: ProjectTransaction) => Promise<T>, tables?: readonly TableName[]): Promise<T> {
    const applied: JournalEntry[] = [];
    const db = this.db;
    const result = await db.transaction('rw', this.scopeOf(tables), async () => {
      const reader = dexieReader(db);
      // An operation's read and its check both ask for the posts it codes: each post page (500
      // posts) is read and decoded once per transaction, until the transaction writes.
      let postsRead = new Map<string, Post | undefined>();
      const tx: ProjectTransaction = {
        ...reader,
        posts: async (ids) => {
          // Large reads (an import's, a deletion's) are not kept: they are read once anyway.
          if (ids.length > POSTS_KEPT_PER_READ) return reader.posts(ids);
          const missing = ids.filter((id) => !postsRead.has(id));
          if (missing.length > 0) {
            const found = await reader.posts(missing);
            for (const id of missing) postsRead.set(id, found.get(id));
          }
          return new Map(ids.flatMap((id) => (postsRead.get(id) ? [[id, postsRead.get(id)!] as const] : [])));
        },
        apply: async (changes: ChangeSet, entry: JournalEntry, options: ApplyOptions = {}) => {
          postsRead = new Map();
          await applyChanges(db, changes, options);
          await db.journal.add(entry);
          applied.push(entry);
        },
      };
      return fn(tx);
    });
    for (const entry of applied) this.tell(entry);
    return result;
  }

  /**
   * Told of every entry applied from now on: this window's at once, and those another connection
   * applies (the import Worker, another window) as Dexie's live query sees the journal grow.
   */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    this.watch ??= this.watchJournal();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.watch?.unsubscribe();
        this.watch = null;
      }
    };
  }

  private tell(entry: JournalEntry): void {
    if (this.told.has(entry.id)) return;
    this.told.add(entry.id);
    this.toldSeqs.add(entry.seq);
    // Only recent ids can be seen twice; keep the sets small.
    if (this.told.size > 1000) this.told.delete(this.told.values().next().value as string);
    if (this.toldSeqs.size > 1000) this.toldSeqs.delete(this.toldSeqs.values().next().value as number);
    for (const listener of [...this.listeners]) listener(entry);
  }

  /** True when every entry after `from` up to `to` was told already. */
  private toldAll(from: number, to: number): boolean {
    if (to - from > this.toldSeqs.size) return false;
    for (let seq = from + 1; seq <= to; seq++) if (!this.toldSeqs.has(seq)) return false;
    return true;
  }

  private watchJournal(): { unsubscribe(): void } {
    let seen: number | null = null;
    const db = this.db;
    return liveQuery(async () => (await db.journal.orderBy('seq').last())?.seq ?? 0).subscribe({
      next: (seq) => {
        if (seen === null || seq <= seen) {
          seen = seq;
          return;
        }
        const from = seen;
        seen = seq;
        // This window's own writes were told as they committed: reading them back (whole entries,
        // every coding's) would be work for nothing after each coding.
        if (this.toldAll(from, seq)) return;
        void db.journal
          .where('seq')
          .above(from)
          .toArray()
          .then((entries) => entries.forEach((e) => this.tell(e)));
      },
      error: () => {
        this.watch = null;
      },
    });
  }
}

/** The port's reads straight on the database (inside a transaction when the caller opened one). */
export function dexieReader(db: ThreadmarkDB): ProjectReader {
  return {
    project: () => db.projects.toCollection().first(),
    threads: () => db.threads.toArray(),
    threadStats: async () => new Map([...(await threadStats(db))].map(([id, s]) => [id, { postCount: s.postCount, startedAt: s.startedAt }])),
    codes: () => db.codes.toArray(),
    coders: () => db.coders.toArray(),
    versions: () => db.codebookVersions.toArray(),
    assignments: () => db.assignments.toArray(),
    rounds: () => db.rounds.toArray(),
    decisions: () => db.decisions.toArray(),
    memos: () => db.memos.toArray(),
    attributes: () => db.attributes.toArray(),
    attributeValues: () => db.attributeValues.toArray(),
    relationCodes: () => db.relationCodes.toArray(),
    relations: () => db.relations.toArray(),
    relationsOfThread: (id) => db.relations.where('threadId').equals(id).toArray(),
    allCodings: () => db.codings.toArray(),
    // Walks the coderId index's distinct keys, not the codings.
    codersWithCodings: async () => new Set((await db.codings.orderBy('coderId').uniqueKeys()).filter((k): k is string => typeof k === 'string')),
    codingsByIds: async (ids) => {
      const rows = await db.codings.bulkGet([...ids]);
      return new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    },
    // One indexed equals per key, not anyOf: docs/storage.md, "Indexed queries".
    codingsOfCodes: async (ids) => (await Promise.all([...new Set(ids)].map((id) => db.codings.where('codeId').equals(id).toArray()))).flat(),
    codingsOfCoder: (id) => db.codings.where('coderId').equals(id).toArray(),
    codingsOfThread: (id) => db.codings.where('threadId').equals(id).toArray(),
    codingsOfPosts: async (ids) => (await Promise.all([...new Set(ids)].map((id) => db.codings.where('postId').equals(id).toArray()))).flat(),
    // The counts table (coding-counts.ts): a few rows, however many codings there are.
    codingCountsOf: async (ids) => {
      const counts = await readCodingCounts(db);
      return new Map([...new Set(ids)].map((id) => [id, sum(counts.get(id))]));
    },
    // A thread at a time (its codings by the threadId index), so at most one thread's codings are held.
    codedPostCounts: async () => {
      const counts = new Map<string, number>();
      for (const threadId of await distinctKeys(db, 'threadId')) {
        counts.set(threadId, countCodedPosts(await db.codings.where('threadId').equals(threadId).toArray()).get(threadId) ?? 0);
      }
      return counts;
    },
    codingCountsByCode: async () => new Map([...(await readCodingCounts(db))].map(([codeId, byCoder]) => [codeId, sum(byCoder)])),
    codingCountsByCodeAndCoder: () => readCodingCounts(db),
    posts: (ids) => getPosts(db, ids),
    postsOfThread: (id) => postsOfThreadInOrder(db, id),
    allPosts: () => allPosts(db),
    postFacts: () => allPostFacts(db),
    storedPlatformIds: (platforms) => storedPlatformIds(db, platforms),
    locatePosts: (keys) => locatePosts(db, keys),
    journal: () => db.journal.orderBy('seq').toArray(),
    journalEntry: (id) => db.journal.get(id),
    lastSeq: async () => (await db.journal.orderBy('seq').last())?.seq ?? 0,
  };
}

type CodingIndex = 'threadId' | 'codeId' | 'coderId';

/** An index's distinct values (a cursor that steps from value to value, not from coding to coding). */
async function distinctKeys(db: ThreadmarkDB, index: CodingIndex): Promise<string[]> {
  return (await db.codings.orderBy(index).uniqueKeys()).filter((k): k is string => typeof k === 'string');
}

const sum = (byCoder: ReadonlyMap<string, number> | undefined): number => {
  let n = 0;
  for (const count of byCoder?.values() ?? []) n += count;
  return n;
};

async function applyChanges(db: ThreadmarkDB, changes: ChangeSet, options: ApplyOptions): Promise<void> {
  const postRows = rowsOf(changes, 'posts');
  // Removals first (children before the records they point at), then additions (parents first).
  await removeRows(db.codings, rowsOf(changes, 'codings'));
  await removeRows(db.codes, rowsOf(changes, 'codes'));
  await removeRows(db.coders, rowsOf(changes, 'coders'));
  await removePosts(db, postRows.flatMap((r) => (r.after === null && r.before ? [r.before] : [])));
  await removeRows(db.threads, rowsOf(changes, 'threads'));
  await removeRows(db.projects, rowsOf(changes, 'projects'));
  await removeRows(db.codebookVersions, rowsOf(changes, 'codebookVersions'));
  await removeRows(db.decisions, rowsOf(changes, 'decisions'));
  await removeRows(db.assignments, rowsOf(changes, 'assignments'));
  await removeRows(db.rounds, rowsOf(changes, 'rounds'));
  await removeRows(db.memos, rowsOf(changes, 'memos'));
  await removeRows(db.attributeValues, rowsOf(changes, 'attributeValues'));
  await removeRows(db.attributes, rowsOf(changes, 'attributes'));
  await removeRows(db.relations, rowsOf(changes, 'relations'));
  await removeRows(db.relationCodes, rowsOf(changes, 'relationCodes'));

  await putRows(db.projects, rowsOf(changes, 'projects'));
  await putRows(db.threads, rowsOf(changes, 'threads'));
  await addPostsInBatches(db, postRows.flatMap((r) => (r.before === null && r.after ? [r.after] : [])), options);
  await replacePosts(db, postRows.flatMap((r) => (r.before !== null && r.after !== null ? [r.after] : [])));
  await putRows(db.coders, rowsOf(changes, 'coders'));
  await putRows(db.codes, rowsOf(changes, 'codes'));
  await putRows(db.codings, rowsOf(changes, 'codings'));
  await applyCodingCounts(db, rowsOf(changes, 'codings'));
  await putRows(db.codebookVersions, rowsOf(changes, 'codebookVersions'));
  await putRows(db.rounds, rowsOf(changes, 'rounds'));
  await putRows(db.assignments, rowsOf(changes, 'assignments'));
  await putRows(db.decisions, rowsOf(changes, 'decisions'));
  await putRows(db.memos, rowsOf(changes, 'memos'));
  await putRows(db.attributes, rowsOf(changes, 'attributes'));
  await putRows(db.attributeValues, rowsOf(changes, 'attributeValues'));
  await putRows(db.relationCodes, rowsOf(changes, 'relationCodes'));
  await putRows(db.relations, rowsOf(changes, 'relations'));
}

async function addPostsInBatches(db: ThreadmarkDB, posts: readonly Post[], { progress, signal }: ApplyOptions): Promise<void> {
  let written = 0;
  for (let at = 0; at < posts.length; at += POST_WRITE_BATCH) {
    // Throwing aborts the whole transaction: nothing of the import is kept.
    if (signal?.cancelled) throw new CancelledError('the import');
    const batch = posts.slice(at, at + POST_WRITE_BATCH);
    await appendPosts(db, batch);
    written += batch.length;
    progress?.(written);
  }
}

async function removeRows<T extends { id: string }>(table: Table<T, string>, rows: ReadonlyArray<RowChange<T>>): Promise<void> {
  const ids = rows.flatMap((r) => (r.after === null && r.before ? [r.before.id] : []));
  if (ids.length > 0) await table.bulkDelete(ids);
}

async function putRows<T extends { id: string }>(table: Table<T, string>, rows: ReadonlyArray<RowChange<T>>): Promise<void> {
  const after = rows.flatMap((r) => (r.after === null ? [] : [r.after]));
  if (after.length > 0) await table.bulkPut(after);
}



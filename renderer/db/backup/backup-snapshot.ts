/**
 * The project read for a backup in many short read transactions, still one consistent snapshot.
 * One read transaction over a million posts held IndexedDB for minutes, and every coding written
 * meanwhile waited for it (a write waits for the reads before it on the same tables). Here each
 * piece (the small tables, 10 post pages, 1,000 codings, 500 journal entries) is its own
 * transaction, so a write waits for one piece at most. Every write is journaled with the records it
 * changed (shared/project/journal-touched.ts), so the pieces are made consistent at the end: one
 * read transaction takes the entries written since the first piece and reads again what they
 * touched. Whatever that transaction sees is the project at its last seq: a record no later entry
 * names is as the pieces read it. When much was written meanwhile (an import), it is read again in
 * pieces first and the check repeats, a few rounds at most; then the check reads it whatever its size.
 */
import type { Coding, Post } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';
import { isUntouched, touchedBy, type TouchedRecords } from '@shared/project/journal-touched';
import type { ProjectReader } from '@shared/project/project-store';
import { projectBundle, type BundleHead, type BundleSource } from '@shared/project/queries/project-bundle';
import { readSmallTable, readSmallTables, type SmallTables } from '@shared/project/small-tables';

import type { ThreadmarkDB } from '../database';
import { postPagesAfter } from '../post-store';
import { storeOf } from '../run-in-project';

export interface PieceOptions {
  /** Post pages (500 posts each) per read transaction. */
  pagesPerPiece?: number;
  codingsPerPiece?: number;
  entriesPerPiece?: number;
  /** Rounds that read again in pieces before the check reads whatever is left in its own transaction. */
  rounds?: number;
  /** Awaited between pieces, outside any transaction (tests pause a backup here). */
  between?: (piece: string) => Promise<void>;
}

const DEFAULTS = { pagesPerPiece: 10, codingsPerPiece: 1_000, entriesPerPiece: 500, rounds: 3 };

/** The records read so far. */
interface Pieces {
  small: SmallTables;
  postsByThread: Map<string, Post[]>;
  codings: Map<string, Coding>;
  journal: JournalEntry[];
}

/** The project as a bundle (projectBundle's canonical order), read in pieces; a Problem when there is no project. */
export async function projectBundleInPieces(db: ThreadmarkDB, head: BundleHead, options: PieceOptions = {}): ReturnType<typeof projectBundle> {
  const o = { ...DEFAULTS, ...options };
  const between = options.between ?? (() => Promise.resolve());
  const store = storeOf(db);
  const start = await store.read(async (r) => {
    const [small, last] = await Promise.all([readSmallTables(r), db.journal.orderBy('seq').last()]);
    return { small, seq: last?.seq ?? 0, entryId: last?.id };
  });
  // No project yet: the first bundle opened into it keeps that bundle's journal, which does not name
  // what the import wrote. Nothing to read in pieces; one transaction (or "nothing to export").
  if (start.small.project === undefined) return store.read((r) => projectBundle(r, head));
  const pieces: Pieces = { small: start.small, postsByThread: new Map(), codings: new Map(), journal: [] };
  await between('small tables');

  for (let after: [string, number] | null = null, first = true; first || after; first = false) {
    const piece: Awaited<ReturnType<typeof postPagesAfter>> = await db.transaction('r', db.postPages, async () => postPagesAfter(db, after, o.pagesPerPiece)); // async: see DexieProjectStore.read
    for (const post of piece.posts) addPost(pieces.postsByThread, post);
    after = piece.next;
    await between('posts');
  }
  for (let after: string | null = null, first = true; first || after !== null; first = false) {
    const codings: Coding[] = await db.transaction('r', db.codings, () => (after === null ? db.codings.orderBy(':id') : db.codings.where(':id').above(after)).limit(o.codingsPerPiece).toArray());
    for (const coding of codings) pieces.codings.set(coding.id, coding);
    after = codings.length === o.codingsPerPiece ? codings.at(-1)!.id : null;
    await between('codings');
  }
  for (let from = 0; from < start.seq; ) {
    const entries: JournalEntry[] = await db.transaction('r', db.journal, () => db.journal.where('seq').between(from, start.seq, false, true).limit(o.entriesPerPiece).toArray());
    if (entries.length === 0) break;
    pieces.journal.push(...entries);
    from = entries.at(-1)!.seq;
    await between('journal');
  }

  // The check: what was written since `seq`, read again until one transaction sees it all.
  let seq = start.seq;
  for (let round = 1; ; round++) {
    const outcome = await store.read(async (r): Promise<'done' | 'replaced' | TouchedRecords> => {
      // A restore replaces the journal: the pieces are of another project.
      if (start.seq > 0 && (await db.journal.where('seq').equals(start.seq).first())?.id !== start.entryId) return 'replaced';
      const entries = await db.journal.where('seq').above(seq).sortBy('seq');
      pieces.journal.push(...entries);
      seq = entries.at(-1)?.seq ?? seq;
      const touched = touchedBy(entries);
      if (isUntouched(touched)) return 'done';
      const few = touched.postThreadIds.size === 0 && touched.codingIds.size <= o.codingsPerPiece;
      if (!few && round <= o.rounds) return touched;
      await readAgain(r, pieces, touched);
      return 'done';
    });
    if (outcome === 'done') break;
    if (outcome === 'replaced') return store.read((r) => projectBundle(r, head));
    await between('check');
    // Much changed: read it again in pieces, then check what was written meanwhile.
    await store.read((r) => readAgain(r, pieces, { ...outcome, postThreadIds: new Set(), codingIds: new Set() }));
    for (const ids of chunks([...outcome.codingIds], o.codingsPerPiece)) {
      await store.read((r) => readAgain(r, pieces, { project: false, tables: new Set(), postThreadIds: new Set(), codingIds: new Set(ids) }));
      await between('check');
    }
    for (const threadId of outcome.postThreadIds) {
      await store.read((r) => readAgain(r, pieces, { project: false, tables: new Set(), codingIds: new Set(), postThreadIds: new Set([threadId]) }));
      await between('check');
    }
  }
  return projectBundle(sourceOf(pieces), head);
}

/** The touched records as stored now, over what the pieces read. */
async function readAgain(r: ProjectReader, pieces: Pieces, touched: TouchedRecords): Promise<void> {
  const codingIds = [...touched.codingIds];
  const threadIds = [...touched.postThreadIds];
  const [project, tables, codings, threads] = await Promise.all([
    touched.project ? r.project() : Promise.resolve(pieces.small.project),
    Promise.all([...touched.tables].map(async (table) => [table, await readSmallTable(r, table)] as const)),
    r.codingsByIds(codingIds),
    Promise.all(threadIds.map((id) => r.postsOfThread(id))),
  ]);
  pieces.small.project = project;
  for (const [table, records] of tables) (pieces.small as Record<string, unknown>)[table] = records;
  for (const id of codingIds) {
    const coding = codings.get(id);
    if (coding) pieces.codings.set(id, coding);
    else pieces.codings.delete(id);
  }
  threadIds.forEach((id, i) => {
    if (threads[i]!.length > 0) pieces.postsByThread.set(id, threads[i]!);
    else pieces.postsByThread.delete(id);
  });
}

function addPost(byThread: Map<string, Post[]>, post: Post): void {
  let list = byThread.get(post.threadId);
  if (!list) byThread.set(post.threadId, (list = []));
  list.push(post);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The pieces as projectBundle reads a store: fresh arrays (it sorts them), posts thread by thread in key order. */
function sourceOf(p: Pieces): BundleSource {
  const copy = <T>(list: readonly T[]) => () => Promise.resolve([...list]);
  return {
    project: () => Promise.resolve(p.small.project),
    threads: copy(p.small.threads),
    allPosts: () => Promise.resolve([...p.postsByThread.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).flatMap((id) => p.postsByThread.get(id)!)),
    codes: copy(p.small.codes),
    coders: copy(p.small.coders),
    allCodings: () => Promise.resolve([...p.codings.values()]),
    versions: copy(p.small.codebookVersions),
    assignments: copy(p.small.assignments),
    journal: () => Promise.resolve([...p.journal].sort((a, b) => a.seq - b.seq)),
    rounds: copy(p.small.rounds),
    decisions: copy(p.small.decisions),
    memos: copy(p.small.memos),
    attributes: copy(p.small.attributes),
    attributeValues: copy(p.small.attributeValues),
    relationCodes: copy(p.small.relationCodes),
    relations: copy(p.small.relations),
  };
}

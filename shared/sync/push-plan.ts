/**
 * The journal feeds the team server (docs/sync.md): a journal entry, or a whole project on its
 * first push, becomes the documents to write and delete in their home databases. Added posts travel
 * as pages in reading order; a post changed in place (a platform tombstone) is a post edit that
 * rewrites the page holding it (applyPostEdits); codebook entries are kept as journal documents.
 * What the user may not write is reported with the reason, never pushed for the server to refuse.
 * `sync.apply` entries are what the server sent: never pushed back.
 */
import { CONSENSUS_CODER_ID, type Post } from '../model/records';
import type { JournalEntry } from '../project/journal-entry';
import type { AnyRecord, ProjectRecords, TableName } from '../project/tables';
import { TABLES } from '../project/tables';
import { homeOf, isCodebookEntry, journalDoc, postPageDocs, recordDoc, recordDocId, type PostPageDoc, type SyncDoc } from './doc-mapping';
import { databaseKey, type SyncDatabase } from './names';
import { mayWrite, mayWriteDoc, type SyncUser } from './permissions';

export const SYNC_APPLY_OPERATION = 'sync.apply';

export interface PushWrite {
  db: SyncDatabase;
  doc: SyncDoc;
}

export interface PushDelete {
  db: SyncDatabase;
  docId: string;
}

/** Something the user may not write (or that has no home), with the reason in words. */
export interface PushRefusal {
  db: SyncDatabase | null;
  docId: string;
  reason: string;
}

export interface PushPlan {
  writes: PushWrite[];
  deletes: PushDelete[];
  /** Posts changed in place, per thread: rewrite the pages holding them (applyPostEdits). */
  postEdits: Array<{ threadId: string; posts: Post[] }>;
  /** Threads removed: every page of theirs (`posts:<thread>:…`) is deleted with them. */
  removedThreads: string[];
  /** Not pushed: what the server would refuse from this user. */
  refused: PushRefusal[];
}

export interface PushContext {
  user: SyncUser;
  /** Coder id → coder name or user name: whose layer their records go to (`--coder` maps a coder to a user). */
  coderNames: ReadonlyMap<string, string>;
  /** The device whose change this is (`origin` on each document). */
  origin?: string;
  /** Posts by id: an entry lists the posts it added by id only. */
  posts: ReadonlyMap<string, Post>;
  /** Each thread's post count after the entry: where its added posts start (pages keep reading order). */
  threadPostCounts?: ReadonlyMap<string, number>;
}

export const emptyPushPlan = (): PushPlan => ({ writes: [], deletes: [], postEdits: [], removedThreads: [], refused: [] });

/** Why `user` may not write into `db`, or null. */
export function writeRefusal(user: SyncUser, db: SyncDatabase): string | null {
  if (mayWrite(user, db)) return null;
  if (db.kind === 'layer') return `only ${db.user} and the leads write ${db.user}'s layer`;
  if (db.kind === 'codebook') return 'only leads change the codebook';
  return `only leads write the ${db.kind}`;
}

class PlanBuilder {
  readonly plan = emptyPushPlan();
  constructor(private readonly context: PushContext) {}

  write(db: SyncDatabase, doc: SyncDoc): void {
    const why = mayWriteDoc(this.context.user, db, doc) ? null : writeRefusal(this.context.user, db);
    if (why !== null) this.plan.refused.push({ db, docId: doc._id, reason: why });
    else this.plan.writes.push({ db, doc });
  }

  remove(db: SyncDatabase | null, docId: string, noHome: string): void {
    if (db === null) return void this.plan.refused.push({ db, docId, reason: noHome });
    const why = writeRefusal(this.context.user, db);
    if (why !== null) this.plan.refused.push({ db, docId, reason: why });
    else this.plan.deletes.push({ db, docId });
  }

  record<K extends TableName>(table: K, record: ProjectRecords[K], coderNames: ReadonlyMap<string, string>): void {
    if (table === 'posts') return;
    const home = homeOf(table, record, coderNames);
    if (home === null) return void this.plan.refused.push({ db: null, docId: recordDocId(table, record.id), reason: unknownCoder(record) });
    this.write(home, recordDoc(table as Exclude<TableName, 'posts'>, record as ProjectRecords[Exclude<TableName, 'posts'>], home, this.context.origin));
  }

  removal<K extends TableName>(table: K, record: ProjectRecords[K], coderNames: ReadonlyMap<string, string>): void {
    this.remove(homeOf(table, record, coderNames), recordDocId(table, record.id), unknownCoder(record));
  }

  pages(threadId: string, posts: readonly Post[], start: number | undefined): void {
    for (const page of postPageDocs(threadId, posts, this.context.origin, start)) this.write({ kind: 'corpus' }, page);
  }
}

const unknownCoder = (record: AnyRecord): string => `coder ${(record as { coderId?: string }).coderId ?? '?'} is not a coder of the project: no layer to put it in`;

/** The coders' names, with the coders an entry adds or renames. */
function namesWith(names: ReadonlyMap<string, string>, entry: JournalEntry): ReadonlyMap<string, string> {
  const coders = entry.changes.filter((c) => c.table === 'coders' && c.after !== null);
  if (coders.length === 0) return names;
  const out = new Map(names);
  for (const c of coders) if (!out.has(c.id)) out.set(c.id, (c.after as { name: string }).name);
  return out;
}

/** One journal entry → what to write where; a `sync.apply` entry → nothing. */
export function pushPlanOfEntry(entry: JournalEntry, context: PushContext): PushPlan {
  const builder = new PlanBuilder(context);
  if (entry.operation === SYNC_APPLY_OPERATION) return builder.plan;
  const names = namesWith(context.coderNames, entry);
  const edits = new Map<string, Post[]>();
  for (const change of entry.changes) {
    if (change.table === 'posts') {
      // Removed posts go with their thread (removedThreads); changed ones rewrite their page.
      if (change.before !== null && change.after !== null) {
        const post = change.after as Post;
        const db: SyncDatabase = { kind: 'corpus' };
        const why = writeRefusal(context.user, db);
        if (why !== null) builder.plan.refused.push({ db, docId: `posts:${post.threadId}:…${post.id}`, reason: why });
        else edits.set(post.threadId, [...(edits.get(post.threadId) ?? []), post]);
      }
      continue;
    }
    if (change.after !== null) builder.record(change.table, change.after as never, names);
    else if (change.before !== null) {
      builder.removal(change.table, change.before as never, names);
      if (change.table === 'threads' && writeRefusal(context.user, { kind: 'corpus' }) === null) builder.plan.removedThreads.push(change.id);
    }
  }
  for (const { threadId, postIds } of entry.addedPosts) {
    const posts = postIds.flatMap((id) => context.posts.get(id) ?? []);
    const total = context.threadPostCounts?.get(threadId);
    builder.pages(threadId, posts, total === undefined ? undefined : Math.max(0, total - posts.length));
  }
  builder.plan.postEdits = [...edits].map(([threadId, posts]) => ({ threadId, posts }));
  if (isCodebookEntry(entry)) builder.write({ kind: 'codebook' }, journalDoc(entry, context.origin));
  return builder.plan;
}

/** A whole project's records, as the CLI's bundle store or the app's tables hold them. */
export type ProjectRecordLists = { [K in Exclude<TableName, 'projects' | 'posts'>]?: ReadonlyArray<ProjectRecords[K]> } & {
  project: ProjectRecords['projects'] | null;
  /** Posts thread after thread, each thread in reading order. */
  posts: readonly Post[];
  journal?: readonly JournalEntry[];
};

/** A project's first push: every record to its home, posts paged per thread in reading order, codebook entries as journal documents. */
export function pushPlanOfProject(records: ProjectRecordLists, context: Omit<PushContext, 'posts' | 'threadPostCounts'>): PushPlan {
  const builder = new PlanBuilder({ ...context, posts: new Map() });
  if (records.project) builder.record('projects', records.project, context.coderNames);
  for (const table of TABLES) {
    if (table === 'projects' || table === 'posts') continue;
    for (const record of (records[table] ?? []) as readonly AnyRecord[]) builder.record(table, record as ProjectRecords[typeof table], context.coderNames);
  }
  const byThread = new Map<string, Post[]>();
  for (const post of records.posts) {
    let list = byThread.get(post.threadId);
    if (!list) byThread.set(post.threadId, (list = []));
    list.push(post);
  }
  for (const [threadId, posts] of byThread) builder.pages(threadId, posts, 0);
  for (const entry of records.journal ?? []) if (entry.operation !== SYNC_APPLY_OPERATION && isCodebookEntry(entry)) builder.write({ kind: 'codebook' }, journalDoc(entry, context.origin));
  return builder.plan;
}

/** The pages holding any of `posts`, each rewritten with the changed posts in place (other pages left out). */
export function applyPostEdits(pages: readonly PostPageDoc[], posts: readonly Post[]): PostPageDoc[] {
  const edited = new Map(posts.map((p) => [p.id, p]));
  const out: PostPageDoc[] = [];
  for (const page of pages) {
    if (!page.posts.some((p) => edited.has(p.id))) continue;
    out.push({ ...page, posts: page.posts.map((p) => edited.get(p.id) ?? p) });
  }
  return out;
}

/** Coder id → the name whose layer holds their records: each coder's own name, `overrides` (coder id → user name) first. */
export function coderNamesOf(coders: ReadonlyArray<{ id: string; name: string }>, overrides: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of coders) if (c.id !== CONSENSUS_CODER_ID) names.set(c.id, overrides.get(c.id) ?? c.name);
  for (const [id, user] of overrides) names.set(id, user);
  return names;
}

/** "3 documents of the codebook: only leads change the codebook" lines, one per database and reason. */
export function describeRefusals(refused: readonly PushRefusal[]): string[] {
  const groups = new Map<string, number>();
  for (const r of refused) {
    const key = `${r.db === null ? 'no database' : databaseKey(r.db)}\u0000${r.reason}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => {
    const [db, reason] = key.split('\u0000') as [string, string];
    return `${n.toLocaleString('en-US')} ${n === 1 ? 'document' : 'documents'} for ${db}: ${reason}`;
  });
}

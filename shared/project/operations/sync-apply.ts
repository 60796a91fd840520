/**
 * `sync.apply`: what a team server sent (the winning revision of each document, and the ids of
 * documents deleted there) becomes one change-set, checked by the project's rules like every change
 * and journaled as "Received N changes from the team server" (docs/sync.md). Records identical to
 * what is stored are skipped (sameRecord), so the echo of our own writes changes nothing and makes
 * no entry. A record whose dependencies have not arrived yet (a coding before its post or code, a
 * code before its parent, a page before the thread's earlier posts) is returned as `deferred`, never
 * dropped: the caller hands it in again with the next batch.
 */
import type { Post, Project } from '../../model/records';
import { parseDocId, type PostPageDoc, type RecordDoc, type SyncDoc } from '../../sync/doc-mapping';
import { databaseKey, type SyncDatabase } from '../../sync/names';
import type { Problem } from '../../problem/problem';
import { ok, type Result } from '../../util/result';
import { rowsOf, type ChangeSet, type RowChange } from '../change-set';
import { defineOperation } from '../operation';
import type { ProjectStore } from '../project-store';
import { runOperation, type Applied, type CoreEnv } from '../run-operation';
import { sameRecord } from '../same-record';
import { readSmallTables, SMALL_TABLES, type SmallTableName } from '../small-tables';
import { TABLES, type AnyRecord, type TableName } from '../tables';
import { deleteThread } from './threads';

export interface PulledDoc {
  db: SyncDatabase;
  doc: SyncDoc;
}

export interface DeletedDoc {
  db: SyncDatabase;
  docId: string;
}

export interface SyncApplyInput {
  /** Winning revisions, as pulled (several databases at once). */
  docs: readonly PulledDoc[];
  /** Documents deleted on the server. */
  deleted: readonly DeletedDoc[];
}

export interface DeferredDoc extends PulledDoc {
  /** What it waits for, in words: "post p-9", "code c-2", "the thread's first 1,000 posts". */
  waitsFor: string;
}

export interface SyncApplyResult {
  added: number;
  changed: number;
  removed: number;
  /** Posts added (counted in `added` too). */
  posts: number;
  /** Documents held back until what they depend on arrives: hand them in again with the next batch. */
  deferred: DeferredDoc[];
  /** Documents not applied and not worth retrying: not Threadmark's, or in a database they do not belong in. */
  ignored: Array<{ db: SyncDatabase; docId: string; reason: string }>;
}

type Stored = { [K in SmallTableName]: ReadonlyMap<string, AnyRecord> };

interface SyncSnapshot {
  project: Project | undefined;
  records: Stored;
  codings: ReadonlyMap<string, AnyRecord>;
  /** Stored posts among those the batch names or points at. */
  posts: ReadonlyMap<string, Post>;
  postCounts: ReadonlyMap<string, number>;
  /** The thread deletion plan's snapshot of each thread deleted on the server and stored here. */
  removedThreads: Array<{ threadId: string; snapshot: Awaited<ReturnType<typeof deleteThread.read>> }>;
}

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, AnyRecord> => new Map(list.map((r) => [r.id, r as unknown as AnyRecord]));

/** Tables whose records a database may hold (the layer and consensus tables by coder, checked apart). */
const TABLES_OF: Record<SyncDatabase['kind'], ReadonlySet<TableName>> = {
  corpus: new Set(['projects', 'threads', 'posts', 'attributes', 'attributeValues']),
  codebook: new Set(['codes', 'codebookVersions', 'coders', 'rounds', 'assignments', 'relationCodes']),
  layer: new Set(['codings', 'memos', 'relations']),
  consensus: new Set(['codings', 'memos', 'relations', 'decisions']),
};

const CONSENSUS = 'consensus';

/** Why a document is not applied at all (not retried), or null. */
function misplaced(db: SyncDatabase, doc: SyncDoc): string | null {
  if (doc.table === 'journal') return null;
  if (!TABLES_OF[db.kind].has(doc.table)) return `a ${doc.table} document does not belong in the ${databaseKey(db)} database`;
  if (doc.table === 'posts') return doc.posts.every((p) => p.threadId === doc.threadId) ? null : `a post page of thread ${doc.threadId} holds posts of another thread`;
  const record = doc.record as { id?: unknown; coderId?: unknown };
  if (typeof record.id !== 'string' || parseDocId(doc._id)?.kind !== 'record' || doc._id !== `${doc.table}:${record.id}`) return `its id does not name its record`;
  if (db.kind === 'layer' && (record.coderId === CONSENSUS || doc.owner !== db.user)) return `a record in ${databaseKey(db)} that is not that coder's`;
  if (db.kind === 'consensus' && doc.table !== 'decisions' && record.coderId !== CONSENSUS) return 'a record in the consensus database that is not the consensus coder’s';
  return null;
}

/** The record ids a batch names or points at, to read only those of the big tables. */
function referencedIds(input: SyncApplyInput): { posts: string[]; codings: string[] } {
  const posts = new Set<string>();
  const codings = new Set<string>();
  for (const { doc } of input.docs) {
    if (doc.table === 'posts') for (const p of doc.posts) posts.add(p.id);
    else if (doc.table === 'journal') continue;
    else {
      const r = doc.record as unknown as Record<string, unknown>;
      if (doc.table === 'codings') codings.add(r.id as string);
      if (typeof r.postId === 'string') posts.add(r.postId);
      if (doc.table === 'relations') for (const side of ['from', 'to'] as const) posts.add((r[side] as { postId: string }).postId);
      if (doc.table === 'memos' && (r.target as { kind: string }).kind === 'post') posts.add((r.target as { id: string }).id);
    }
  }
  for (const { docId } of input.deleted) {
    const named = parseDocId(docId);
    if (named?.kind === 'record' && named.table === 'codings') codings.add(named.id);
  }
  return { posts: [...posts], codings: [...codings] };
}

export const applySyncDocs = defineOperation<SyncApplyInput, SyncSnapshot, SyncApplyResult>({
  kind: 'sync.apply',
  async read(reader, input) {
    const ids = referencedIds(input);
    const [small, codings, posts, stats] = await Promise.all([readSmallTables(reader), reader.codingsByIds(ids.codings), reader.posts(ids.posts), reader.threadStats()]);
    const storedThreads = new Set(small.threads.map((t) => t.id));
    const removedThreads: SyncSnapshot['removedThreads'] = [];
    for (const { docId } of input.deleted) {
      const named = parseDocId(docId);
      if (named?.kind === 'record' && named.table === 'threads' && storedThreads.has(named.id)) removedThreads.push({ threadId: named.id, snapshot: await deleteThread.read(reader, { threadId: named.id }) });
    }
    const records = {} as Stored;
    for (const table of SMALL_TABLES) records[table] = byId<{ id: string }>(small[table]);
    return {
      project: small.project,
      records,
      codings: new Map([...codings].map(([id, c]) => [id, c as AnyRecord])),
      posts,
      postCounts: new Map([...stats].map(([id, s]) => [id, s.postCount])),
      removedThreads,
    };
  },
  plan(s, input, context) {
    const changes: ChangeSet = {};
    const ignored: SyncApplyResult['ignored'] = [];
    const deferred: DeferredDoc[] = [];

    // Removals first: a thread deleted on the server takes its posts and what points at them.
    const removedPosts = new Set<string>();
    const removedThreads = new Set<string>();
    for (const { threadId, snapshot } of s.removedThreads) {
      const planned = deleteThread.plan(snapshot, { threadId }, context);
      if (!planned.ok) continue;
      removedThreads.add(threadId);
      for (const p of snapshot.posts) removedPosts.add(p.id);
      mergeInto(changes, planned.value.changes);
    }
    const removedIds = new Set<string>();
    for (const { docId } of input.deleted) {
      const named = parseDocId(docId);
      if (named?.kind !== 'record' || named.table === 'threads') continue;
      const before = storedRecord(s, named.table, named.id);
      if (before === undefined) continue;
      removedIds.add(`${named.table}:${named.id}`);
      mergeInto(changes, { [named.table]: [{ before, after: null }] } as ChangeSet);
    }

    // The batch's records, last copy of a record winning; misplaced ones ignored.
    const records = new Map<string, PulledDoc & { doc: RecordDoc }>();
    const pages: Array<PulledDoc & { doc: PostPageDoc }> = [];
    for (const pulled of input.docs) {
      const why = misplaced(pulled.db, pulled.doc);
      if (why !== null) ignored.push({ db: pulled.db, docId: pulled.doc._id, reason: why });
      else if (pulled.doc.table === 'posts') pages.push(pulled as PulledDoc & { doc: PostPageDoc });
      else if (pulled.doc.table !== 'journal' && !removedIds.has(pulled.doc._id)) records.set(pulled.doc._id, pulled as PulledDoc & { doc: RecordDoc });
    }

    const acceptedPosts = new Set<string>();
    const present = (table: TableName, id: string): boolean => {
      if (table === 'posts') return !removedPosts.has(id) && (s.posts.has(id) || acceptedPosts.has(id));
      if (table === 'threads' && removedThreads.has(id)) return false;
      if (removedIds.has(`${table}:${id}`)) return false;
      if (table === 'projects') return s.project !== undefined || [...records.values()].some((r) => r.doc.table === 'projects');
      return records.has(`${table}:${id}`) || storedRecord(s, table, id) !== undefined;
    };

    // Pages: after their thread, and only once the thread's earlier posts are here (reading order).
    const postRows: Array<RowChange<Post>> = [];
    const counts = new Map(s.postCounts);
    const sortedPages = [...pages].sort((a, b) => a.doc.threadId.localeCompare(b.doc.threadId) || (a.doc.start ?? Infinity) - (b.doc.start ?? Infinity) || a.doc._id.localeCompare(b.doc._id));
    for (const page of sortedPages) {
      const { threadId, start } = page.doc;
      if (removedThreads.has(threadId)) continue;
      if (!present('threads', threadId)) {
        deferred.push({ ...page, waitsFor: `thread ${threadId}` });
        continue;
      }
      const have = counts.get(threadId) ?? 0;
      if (start !== undefined && start > have) {
        deferred.push({ ...page, waitsFor: `the first ${start.toLocaleString('en-US')} posts of thread ${threadId}` });
        continue;
      }
      let added = 0;
      for (const post of page.doc.posts) {
        const stored = s.posts.get(post.id);
        if (stored === undefined) {
          if (acceptedPosts.has(post.id)) continue;
          acceptedPosts.add(post.id);
          postRows.push({ before: null, after: post });
          added++;
        } else if (!sameRecord(stored, post)) {
          postRows.push({ before: stored, after: post });
        }
      }
      counts.set(threadId, have + added);
    }
    if (postRows.length > 0) mergeInto(changes, { posts: postRows });

    // Records whose dependencies are neither stored nor arriving wait; so do those depending on them.
    let waiting = new Map<string, string>();
    for (;;) {
      const next = new Map<string, string>();
      for (const [key, { doc }] of records) {
        const missing = missingDependency(doc.table, doc.record, (t, id) => present(t, id) && !waiting.has(`${t}:${id}`));
        if (missing !== null) next.set(key, missing);
      }
      if (next.size === waiting.size) {
        waiting = next;
        break;
      }
      waiting = next;
    }
    for (const [key, pulled] of records) {
      const waitsFor = waiting.get(key);
      if (waitsFor !== undefined) {
        deferred.push({ ...pulled, waitsFor });
        continue;
      }
      const { table, record } = pulled.doc;
      const before = storedRecord(s, table, record.id) ?? null;
      if (before !== null && sameRecord(before, record)) continue;
      mergeInto(changes, { [table]: [{ before, after: record }] } as ChangeSet);
    }

    const result: SyncApplyResult = { added: 0, changed: 0, removed: 0, posts: 0, deferred, ignored };
    for (const table of TABLES) {
      for (const row of rowsOf(changes, table)) {
        if (row.before === null) result.added++;
        else if (row.after === null) result.removed++;
        else result.changed++;
      }
    }
    result.posts = postRows.filter((r) => r.before === null).length;
    const n = result.added + result.changed + result.removed;
    return ok({ summary: `Received ${n.toLocaleString('en-US')} ${n === 1 ? 'change' : 'changes'} from the team server`, changes, result, keepTimes: true });
  },
});

function storedRecord(s: SyncSnapshot, table: TableName, id: string): AnyRecord | undefined {
  if (table === 'projects') return s.project?.id === id ? s.project : undefined;
  if (table === 'posts') return s.posts.get(id);
  if (table === 'codings') return s.codings.get(id);
  return s.records[table].get(id);
}

/** What a record needs stored before it, in words, or null when everything is there. */
function missingDependency(table: TableName, record: AnyRecord, has: (table: TableName, id: string) => boolean): string | null {
  const r = record as unknown as Record<string, unknown>;
  const need = (t: TableName, id: unknown, what: string): string | null => (typeof id !== 'string' || has(t, id) ? null : `${what} ${id}`);
  switch (table) {
    case 'codes':
      return r.parentId === null ? null : need('codes', r.parentId, 'parent code');
    case 'codings':
      return need('posts', r.postId, 'post') ?? need('codes', r.codeId, 'code') ?? need('coders', r.coderId, 'coder');
    case 'decisions':
      return need('posts', r.postId, 'post') ?? need('codes', r.codeId, 'code');
    case 'assignments':
      return need('coders', r.coderId, 'coder');
    case 'memos': {
      const target = r.target as { kind: 'project' | 'thread' | 'post' | 'code'; id: string };
      const onTarget = target.kind === 'project' ? (has('projects', target.id) ? null : 'the project') : need(`${target.kind}s` as TableName, target.id, target.kind);
      return onTarget ?? need('coders', r.coderId, 'coder');
    }
    case 'attributeValues':
      return need('attributes', r.attributeId, 'attribute');
    case 'relations':
      return (
        need('relationCodes', r.relationCodeId, 'relation code') ??
        need('coders', r.coderId, 'coder') ??
        need('threads', r.threadId, 'thread') ??
        need('posts', (r.from as { postId: string }).postId, 'post') ??
        need('posts', (r.to as { postId: string }).postId, 'post')
      );
    default:
      return null;
  }
}

/** Adds rows to a change-set, one row per record: the first `before`, the last `after`. */
function mergeInto(changes: ChangeSet, more: ChangeSet): void {
  for (const table of TABLES) {
    const rows = rowsOf(more, table) as Array<RowChange<{ id: string }>>;
    if (rows.length === 0) continue;
    const existing = rowsOf(changes, table) as Array<RowChange<{ id: string }>>;
    const at = new Map(existing.map((r, i) => [(r.after ?? r.before)!.id, i]));
    for (const row of rows) {
      const id = (row.after ?? row.before)!.id;
      const i = at.get(id);
      if (i === undefined) {
        at.set(id, existing.length);
        existing.push(row);
      } else existing[i] = { before: existing[i]!.before, after: row.after };
    }
    (changes as Record<string, unknown>)[table] = existing.filter((r) => r.before !== null || r.after !== null);
  }
}

/**
 * Applies a pulled batch through `sync.apply`. A record the project's rules refuse (a code whose
 * name a local code took meanwhile, a removal something here still depends on) is held back as
 * deferred with the rule's words, and the rest applied: one refused record never blocks the team's
 * other changes.
 */
export async function applySyncBatch(store: ProjectStore, input: SyncApplyInput, env: CoreEnv): Promise<Result<Applied<SyncApplyResult>, Problem>> {
  let docs = [...input.docs];
  let deleted = [...input.deleted];
  const held: DeferredDoc[] = [];
  const heldDeletions: Array<DeletedDoc & { waitsFor: string }> = [];
  for (let attempt = 0; ; attempt++) {
    const applied = await runOperation(store, applySyncDocs, { docs, deleted }, env);
    if (applied.ok) {
      applied.value.result.deferred.push(...held);
      for (const d of heldDeletions) applied.value.result.ignored.push({ db: d.db, docId: d.docId, reason: `deletion held back: ${d.waitsFor}` });
      return applied;
    }
    const culprit = culpritOf(applied.error, docs, deleted);
    if (culprit === null || attempt > input.docs.length + input.deleted.length) return applied;
    const waitsFor = applied.error.message;
    if (culprit.kind === 'doc') {
      held.push({ ...docs[culprit.index]!, waitsFor });
      docs = docs.filter((_, i) => i !== culprit.index);
    } else {
      heldDeletions.push({ ...deleted[culprit.index]!, waitsFor });
      deleted = deleted.filter((_, i) => i !== culprit.index);
    }
  }
}

/** The batch document a refusal names (its record's id appears in the problem's record), if any. */
function culpritOf(problem: Problem, docs: readonly PulledDoc[], deleted: readonly DeletedDoc[]): { kind: 'doc' | 'deletion'; index: number } | null {
  const words = new Set(`${problem.record ?? ''}`.split(/[\s()“”]+/).filter((w) => w !== ''));
  const docIndex = docs.findIndex(({ doc }) => (doc.table === 'posts' ? doc.posts.some((p) => words.has(p.id)) : doc.table !== 'journal' && words.has(doc.record.id)));
  if (docIndex >= 0) return { kind: 'doc', index: docIndex };
  const deletionIndex = deleted.findIndex(({ docId }) => {
    const named = parseDocId(docId);
    return named?.kind === 'record' && words.has(named.id);
  });
  return deletionIndex >= 0 ? { kind: 'deletion', index: deletionIndex } : null;
}

/**
 * One sync of a project store with its team server, as one user (`threadmark sync`, docs/sync.md):
 * 1. sign in and read every database the user may read (winning revisions, conflicts, deletions);
 * 2. push what the user may write and changed since the last sync: records that differ from the
 *    server's, new posts as pages, tombstones into their pages, removals as deletions. A record the
 *    server changed meanwhile too is pushed as a conflicting revision (CouchDB keeps both; the
 *    conflict is listed), never written over the other machine's work;
 * 3. apply what the server has through the core's `sync.apply` (one journal entry), repeating while
 *    held-back documents keep getting fewer.
 * Ids are stable and every write names its revision, so a sync cut off half-way (the server gone)
 * and run again loses nothing and duplicates nothing.
 */
import { createHash } from 'node:crypto';

import { CONSENSUS_CODER_ID, type Coder, type Post } from '@shared/model/records';
import { problem, type Problem } from '@shared/problem/problem';
import type { MemoryProjectStore } from '@shared/project/memory-store';
import type { Actor } from '@shared/project/operation';
import { applySyncBatch, type DeferredDoc, type PulledDoc } from '@shared/project/operations/sync-apply';
import type { JournalEntry } from '@shared/project/journal-entry';
import { sameRecord } from '@shared/project/same-record';
import type { AnyRecord, TableName } from '@shared/project/tables';
import { conflictItem, type ConflictItem } from '@shared/sync/conflicts';
import { asSyncDoc, homeOf, parseDocId, postPageDocs, type PostPageDoc, type SyncDoc } from '@shared/sync/doc-mapping';
import { databaseKey, databaseName, roleNames, userNameOf, type SyncDatabase } from '@shared/sync/names';
import { mayWrite, readableDatabases, type SyncUser } from '@shared/sync/permissions';
import { applyPostEdits, coderNamesOf, describeRefusals, pushPlanOfProject, writeRefusal, type PushRefusal } from '@shared/sync/push-plan';
import type { Clock, IdSource } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import type { CouchAuth } from '../../node/couch/couch-http';
import { CouchDatabase, couchRequest, type BulkResult, type DatabaseContent, type RawDoc } from './couch-database';
import { localRemovals, localStates, type LocalState } from './local-changes';

export interface SyncTarget {
  url: string;
  project: string;
  auth: CouchAuth;
  /** `--coder`: the coder (name, any case, or id) whose layer this user writes, when not the coder of the user's name. */
  coder?: string;
  /** Written on every document as `origin`. */
  origin: string;
}

export interface SyncReport {
  user: SyncUser;
  /** The coder this user is in the project, if any. */
  coder: Coder | null;
  pushed: { written: number; deleted: number; conflicting: number };
  /** Lines: what was not pushed, and why. */
  notPushed: string[];
  pulled: { docs: number; databases: string[] };
  /** Databases the user may read that could not be read: "layer:bob: not on the server". */
  unread: string[];
  received: { added: number; changed: number; removed: number; posts: number; entries: JournalEntry[] };
  deferred: DeferredDoc[];
  conflicts: ConflictItem[];
}

/** Document fields that say nothing about the record: revisions, conflicts, which device wrote it. */
function contentOf(doc: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_') && k !== 'origin') out[k] = v;
  return out;
}
const sameContent = (a: object, b: object): boolean => sameRecord(contentOf(a), contentOf(b));

async function signIn(target: SyncTarget): Promise<Result<SyncUser, Problem>> {
  const session = await couchRequest(target.url, { path: '/_session', auth: target.auth });
  if (!session.ok) return session;
  const ctx = (session.value.json as { userCtx?: { name?: string | null; roles?: string[] } } | null)?.userCtx;
  if (session.value.status === 401 || !ctx?.name) return err(problem(`The team server at ${target.url} refused the name or password of “${target.auth.user}”`, { field: 'user' }));
  const roles = new Set(ctx.roles ?? []);
  const { coder, lead } = roleNames(target.project);
  const isLead = roles.has(lead) || roles.has('_admin');
  if (!isLead && !roles.has(coder)) return err(problem(`“${ctx.name}” is not a member of the team project “${target.project}” on ${target.url} (ask a lead to add them: threadmark server add-coder)`, { field: 'user' }));
  return ok({ name: userNameOf(ctx.name), lead: isLead });
}

interface ServerState {
  db: SyncDatabase;
  client: CouchDatabase;
  content: DatabaseContent;
}

export async function syncProject(store: MemoryProjectStore, target: SyncTarget, env: { clock: Clock; ids: IdSource }): Promise<Result<SyncReport, Problem>> {
  const signedIn = await signIn(target);
  if (!signedIn.ok) return signedIn;
  const user = signedIn.value;
  const report: SyncReport = { user, coder: null, pushed: { written: 0, deleted: 0, conflicting: 0 }, notPushed: [], pulled: { docs: 0, databases: [] }, unread: [], received: { added: 0, changed: 0, removed: 0, posts: 0, entries: [] }, deferred: [], conflicts: [] };

  // 1. Read: corpus and codebook first (they name the coders, hence the layers a lead reads).
  const states = new Map<string, ServerState>();
  const readDb = async (db: SyncDatabase, required: boolean): Promise<Problem | null> => {
    const client = new CouchDatabase(target.url, databaseName(target.project, db), target.auth);
    const read = await client.readAll();
    if (!read.ok) return read.error;
    const outcome = read.value;
    if (outcome.kind === 'read') {
      states.set(databaseKey(db), { db, client, content: outcome.content });
      report.pulled.databases.push(databaseKey(db));
      report.pulled.docs += outcome.content.docs.size;
      return null;
    }
    const why = outcome.kind === 'missing' ? 'not on the server' : `refused (HTTP ${outcome.status}: ${outcome.reason})`;
    if (required) return problem(`The ${databaseKey(db)} database of “${target.project}” is ${why}${outcome.kind === 'missing' ? ': set the project up with threadmark server init' : ''}`);
    report.unread.push(`${databaseKey(db)}: ${why}`);
    return null;
  };
  for (const db of [{ kind: 'corpus' }, { kind: 'codebook' }] as SyncDatabase[]) {
    const failed = await readDb(db, true);
    if (failed) return err(failed);
  }
  const local = store.data();
  const coders = unionCoders(local.coders, states.get('codebook')!.content);
  for (const db of readableDatabases(user, coders)) {
    if (db.kind === 'corpus' || db.kind === 'codebook') continue;
    const failed = await readDb(db, false);
    if (failed) return err(failed);
  }

  // Who each coder is on the server: their name, what layer documents say, then --coder.
  const overrides = new Map<string, string>();
  for (const state of states.values()) {
    if (state.db.kind !== 'layer') continue;
    for (const raw of state.content.docs.values()) {
      const doc = asSyncDoc(raw);
      if (doc && doc.table !== 'posts' && doc.table !== 'journal' && doc.owner) overrides.set((doc.record as { coderId: string }).coderId, doc.owner);
    }
  }
  let me: Coder | undefined;
  if (target.coder !== undefined) {
    const wanted = target.coder.trim();
    me = coders.find((c) => c.id === wanted) ?? coders.find((c) => userNameOf(c.name) === userNameOf(wanted));
    if (!me) return err(problem(`--coder “${wanted}” is not a coder of this project (${coders.filter((c) => c.id !== CONSENSUS_CODER_ID).map((c) => c.name).join(', ') || 'none yet'})`, { field: 'coder' }));
    overrides.set(me.id, user.name);
  } else me = coders.find((c) => c.id !== CONSENSUS_CODER_ID && userNameOf(c.name) === user.name);
  report.coder = me ?? null;
  const coderNames = coderNamesOf(coders, overrides);

  // 2. Push.
  /** Documents not to apply back: those pushed as the bundle holds them, and those whose push failed. */
  const skipApply = new Set<string>();
  const pushed = await push(store, target, user, coderNames, states, report, skipApply);
  if (pushed) return err(pushed);

  // 3. Apply what the server has, as one journal entry per round, while held-back documents get fewer.
  const actor: Actor = me ? { id: me.id, name: me.name } : { id: 'threadmark-cli', name: `threadmark sync (${user.name})` };
  let docs: PulledDoc[] = [];
  const deleted: Array<{ db: SyncDatabase; docId: string }> = [];
  for (const { db, content } of states.values()) {
    for (const raw of content.docs.values()) {
      const doc = asSyncDoc(raw);
      if (doc && !skipApply.has(`${databaseKey(db)}\u0000${doc._id}`)) docs.push({ db, doc });
    }
    for (const docId of content.deleted.keys()) deleted.push({ db, docId });
  }
  let deletions = deleted;
  for (let previous = Infinity; ; ) {
    const applied = await applySyncBatch(store, { docs, deleted: deletions }, { clock: env.clock, ids: env.ids, actor });
    if (!applied.ok) return err(problem(`What the server sent breaks a rule of the project, so nothing of it was applied: ${applied.error.record ? `${applied.error.record} ` : ''}${applied.error.message}`));
    const r = applied.value.result;
    report.received.added += r.added;
    report.received.changed += r.changed;
    report.received.removed += r.removed;
    report.received.posts += r.posts;
    if (applied.value.entry) report.received.entries.push(applied.value.entry);
    report.deferred = r.deferred;
    if (r.deferred.length === 0 || r.deferred.length >= previous || applied.value.entry === null) break;
    previous = r.deferred.length;
    docs = r.deferred.map(({ db, doc }) => ({ db, doc }));
    deletions = [];
  }

  // 4. Conflicts, with their losing versions, for a lead to resolve.
  for (const { db, client, content } of states.values()) {
    for (const raw of content.docs.values()) {
      if ((raw._conflicts ?? []).length === 0) continue;
      const winner = asSyncDoc(raw);
      if (!winner) continue;
      const losers: SyncDoc[] = [];
      for (const rev of raw._conflicts!) {
        const loser = await client.get(raw._id, { rev });
        if (!loser.ok) return err(loser.error);
        const doc = loser.value ? asSyncDoc(loser.value) : null;
        if (doc) losers.push(doc);
      }
      const item = conflictItem(db, winner, losers);
      if (item) report.conflicts.push(item);
    }
  }
  return ok(report);
}

function unionCoders(localCoders: readonly Coder[], codebook: DatabaseContent): Coder[] {
  const byId = new Map(localCoders.map((c) => [c.id, c]));
  for (const raw of codebook.docs.values()) {
    const doc = asSyncDoc(raw);
    if (doc && doc.table === 'coders') byId.set(doc.record.id, doc.record as Coder);
  }
  return [...byId.values()];
}

interface Write {
  db: SyncDatabase;
  doc: SyncDoc & { _rev?: string };
  /** Pushed as a conflicting revision beside the server's (new_edits: false). */
  branch?: { _rev: string; _revisions: { start: number; ids: string[] } };
  /** A server page rewritten with tombstones: it may hold posts this bundle lacks, so it is applied after. */
  edit?: boolean;
}

async function push(store: MemoryProjectStore, target: SyncTarget, user: SyncUser, coderNames: ReadonlyMap<string, string>, states: Map<string, ServerState>, report: SyncReport, skipApply: Set<string>): Promise<Problem | null> {
  const local = store.data();
  const plan = pushPlanOfProject(local, { user, coderNames, origin: target.origin });
  const journalStates = localStates(local.journal);
  const refused: PushRefusal[] = [];
  const writes: Write[] = [];
  const deletes: Array<{ db: SyncDatabase; docId: string; rev: string }> = [];

  for (const r of plan.refused) {
    // Refusals matter only for what this user changed (a coder's bundle holds the whole codebook).
    const state = journalStates.get(r.docId);
    const server = r.db ? states.get(databaseKey(r.db))?.content.docs.get(r.docId) : undefined;
    if (state?.source === 'local' && !(server && recordOf(server) && sameRecord(recordOf(server), localRecord(local, r.docId)))) refused.push(r);
  }

  for (const { db, doc } of plan.writes) {
    if (doc.table === 'posts') continue;
    const state = states.get(databaseKey(db));
    if (!state) continue;
    const server = state.content.docs.get(doc._id);
    if (server && sameContent(server, doc)) continue;
    if (doc.table === 'journal') {
      if (!server) writes.push({ db, doc });
      continue;
    }
    const known: LocalState | undefined = journalStates.get(doc._id);
    if (known?.source === 'server') continue;
    if (!server) {
      // Deleted on the server: put back only what was changed here since (else the deletion is newer).
      if (state.content.deleted.has(doc._id) && known === undefined) continue;
      writes.push({ db, doc });
      continue;
    }
    const serverRecord = recordOf(server);
    if (known !== undefined && known.versions.some((v) => sameRecord(serverRecord, v))) {
      writes.push({ db, doc: { ...doc, _rev: server._rev } });
      continue;
    }
    // Changed here and there: unless the server's version grew from ours or ours is already a conflict there, push it beside.
    if (await alreadyConflicting(state.client, server, doc)) continue;
    const lineage = await state.client.get(doc._id, { revs: true });
    if (!lineage.ok) return lineage.error;
    const history = (lineage.value as { _revisions?: { start: number; ids: string[] } } | null)?._revisions;
    if (await descendsFrom(state.client, doc, history)) continue;
    const hash = createHash('md5').update(JSON.stringify(contentOf(doc))).digest('hex');
    const start = history?.start ?? 1;
    const ids = [hash, ...(history?.ids.slice(1) ?? [])];
    writes.push({ db, doc, branch: { _rev: `${start}-${hash}`, _revisions: { start, ids } } });
  }

  pushPosts(local.posts, local.threads.map((t) => t.id), user, states, target.origin, writes, refused);

  // Removals made here: deleted on the server (a removed thread takes its pages).
  const present = new Set<string>();
  for (const table of ['threads', 'codes', 'coders', 'codings', 'codebookVersions', 'assignments', 'rounds', 'decisions', 'memos', 'attributes', 'attributeValues', 'relationCodes', 'relations'] as const) {
    for (const r of (local[table] ?? []) as Array<{ id: string }>) present.add(`${table}:${r.id}`);
  }
  for (const [docId, before] of localRemovals(local.journal)) {
    if (present.has(docId)) continue;
    const named = parseDocId(docId);
    if (named?.kind !== 'record') continue;
    const db = homeOf(named.table, before as never, coderNames);
    if (!db) continue;
    const state = states.get(databaseKey(db));
    const server = state?.content.docs.get(docId);
    if (!state || !server) continue;
    const why = writeRefusal(user, db);
    if (why !== null) {
      refused.push({ db, docId, reason: why });
      continue;
    }
    deletes.push({ db, docId, rev: server._rev });
    if (named.table === 'threads') for (const page of state.content.docs.values()) if (page._id.startsWith(`posts:${named.id}:`)) deletes.push({ db, docId: page._id, rev: page._rev });
  }

  report.notPushed.push(...describeRefusals(refused));
  return execute(writes, deletes, states, report, skipApply);
}

const recordOf = (raw: RawDoc): AnyRecord | undefined => (raw as { record?: AnyRecord }).record;

function localRecord(local: ReturnType<MemoryProjectStore['data']>, docId: string): AnyRecord | undefined {
  const named = parseDocId(docId);
  if (named?.kind !== 'record') return undefined;
  if (named.table === 'projects') return local.project ?? undefined;
  return ((local[named.table as Exclude<TableName, 'projects' | 'posts'>] ?? []) as AnyRecord[]).find((r) => r.id === named.id);
}

/** Whether our version is already one of the server's conflicting revisions (pushed by an earlier sync). */
async function alreadyConflicting(client: CouchDatabase, server: RawDoc, doc: SyncDoc): Promise<boolean> {
  for (const rev of server._conflicts ?? []) {
    const other = await client.get(doc._id, { rev });
    if (other.ok && other.value && sameContent(other.value, doc)) return true;
  }
  return false;
}

/** Whether the server's version was made from ours (an edit we pushed, changed since by someone else): then it is newer. */
async function descendsFrom(client: CouchDatabase, doc: SyncDoc, history: { start: number; ids: string[] } | undefined): Promise<boolean> {
  if (!history) return false;
  for (let i = 1; i < Math.min(history.ids.length, 6); i++) {
    const older = await client.get(doc._id, { rev: `${history.start - i}-${history.ids[i]}` });
    if (!older.ok || older.value === null) return false;
    if (sameContent(older.value, doc)) return true;
  }
  return false;
}

/** New posts as pages after the server's posts of their thread; tombstones into the pages holding them. */
function pushPosts(posts: readonly Post[], threadIds: readonly string[], user: SyncUser, states: Map<string, ServerState>, origin: string, writes: Write[], refused: PushRefusal[]): void {
  const corpus = states.get('corpus')!;
  const serverPosts = new Map<string, Post>();
  const pagesOf = new Map<string, PostPageDoc[]>();
  for (const raw of corpus.content.docs.values()) {
    const page = asSyncDoc(raw);
    if (page?.table !== 'posts') continue;
    for (const p of page.posts) serverPosts.set(p.id, p);
    pagesOf.set(page.threadId, [...(pagesOf.get(page.threadId) ?? []), page]);
  }
  const threadOnServer = (id: string): boolean => corpus.content.docs.has(`threads:${id}`) || writes.some((w) => w.doc._id === `threads:${id}`);
  const known = new Set(threadIds);
  const missing = new Map<string, Post[]>();
  const edits = new Map<string, Post[]>();
  for (const post of posts) {
    const server = serverPosts.get(post.id);
    if (!server) {
      if (known.has(post.threadId)) missing.set(post.threadId, [...(missing.get(post.threadId) ?? []), post]);
    } else if (post.deletedOnPlatform !== undefined && server.deletedOnPlatform === undefined) edits.set(post.threadId, [...(edits.get(post.threadId) ?? []), post]);
  }
  const db: SyncDatabase = { kind: 'corpus' };
  const allowed = mayWrite(user, db);
  for (const [threadId, list] of missing) {
    // A thread deleted on the server (and not put back here) takes its posts: none are pushed.
    if (!threadOnServer(threadId)) continue;
    if (!allowed) {
      refused.push({ db, docId: `posts:${threadId}:…`, reason: writeRefusal(user, db)! });
      continue;
    }
    const start = (pagesOf.get(threadId) ?? []).reduce((n, p) => n + p.posts.length, 0);
    for (const page of postPageDocs(threadId, list, origin, start)) writes.push({ db, doc: page });
  }
  for (const [threadId, list] of edits) {
    if (!allowed) {
      refused.push({ db, docId: `posts:${threadId}:…`, reason: writeRefusal(user, db)! });
      continue;
    }
    for (const page of applyPostEdits(pagesOf.get(threadId) ?? [], list)) writes.push({ db, doc: { ...page, origin }, edit: true });
  }
}

async function execute(writes: Write[], deletes: Array<{ db: SyncDatabase; docId: string; rev: string }>, states: Map<string, ServerState>, report: SyncReport, skipApply: Set<string>): Promise<Problem | null> {
  const failures = new Map<string, number>();
  const note = (key: string, result: BulkResult): void => {
    // Not pushed (refused, or changed on the server meanwhile): the local version stays.
    skipApply.add(key);
    const why = result.error === 'conflict' ? 'changed on the server meanwhile (sync again)' : `${result.error}: ${result.reason ?? ''}`.replace(/: $/, '');
    failures.set(why, (failures.get(why) ?? 0) + 1);
  };
  // Database by database, in pull order: the corpus and codebook before the layers that point at them.
  for (const state of states.values()) {
    const key = databaseKey(state.db);
    const plain = writes.filter((w) => databaseKey(w.db) === key && !w.branch);
    const branches = writes.filter((w) => databaseKey(w.db) === key && w.branch);
    const removals = deletes.filter((d) => databaseKey(d.db) === key);
    if (plain.length > 0) {
      const done = await state.client.bulk(plain.map((w) => w.doc));
      if (!done.ok) return done.error;
      done.value.forEach((result, i) => {
        const doc = plain[i]!.doc;
        if (result.rev) {
          report.pushed.written++;
          // What we wrote is what the bundle holds: applying it back would change nothing.
          if (!plain[i]!.edit) skipApply.add(`${key}\u0000${doc._id}`);
          state.content.docs.set(doc._id, { ...(doc as unknown as RawDoc), _rev: result.rev });
          state.content.deleted.delete(doc._id);
        } else note(`${key}\u0000${doc._id}`, result);
      });
    }
    if (branches.length > 0) {
      const done = await state.client.bulk(branches.map((w) => ({ ...w.doc, ...w.branch })), { newEdits: false });
      if (!done.ok) return done.error;
      for (const w of branches) {
        const now = await state.client.get(w.doc._id, { conflicts: true });
        if (!now.ok) return now.error;
        if (now.value) state.content.docs.set(w.doc._id, now.value);
        report.pushed.conflicting++;
      }
    }
    if (removals.length > 0) {
      const done = await state.client.bulk(removals.map((d) => ({ _id: d.docId, _rev: d.rev, _deleted: true })));
      if (!done.ok) return done.error;
      done.value.forEach((result, i) => {
        const { docId } = removals[i]!;
        if (result.rev) {
          report.pushed.deleted++;
          state.content.docs.delete(docId);
          state.content.deleted.set(docId, result.rev);
        } else note(`${key}\u0000${docId}`, result);
      });
    }
  }
  for (const [why, n] of failures) report.notPushed.push(`${n.toLocaleString('en-US')} ${n === 1 ? 'document' : 'documents'}: ${why}`);
  return null;
}

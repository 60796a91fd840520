/**
 * A connected project's sync (docs/sync.md "In the app"; decision 0015): Dexie stays what the UI
 * reads. Outbound, every journal entry (but the sync's own) becomes CouchDB documents in the local
 * replicas (push-plan), which replicate to the server; inbound, the replicas' `_changes` become
 * batches run through the core's `sync.apply` on the project, with a checkpoint saved after each
 * batch and the documents that wait for their dependencies kept and handed in again. One chain runs
 * both directions one step at a time, so a batch never races a push.
 */
import type { JournalEntry } from '@shared/project/journal-entry';
import { addCoder } from '@shared/project/operations/coders';
import { applySyncBatch, type DeferredDoc, type DeletedDoc, type PulledDoc } from '@shared/project/operations/sync-apply';
import type { ProjectStore } from '@shared/project/project-store';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';
import { conflictItem, resolveConflict, type ConflictItem, type ConflictResolution } from '@shared/sync/conflicts';
import { asSyncDoc, type SyncDoc } from '@shared/sync/doc-mapping';
import { databaseKey, type SyncDatabase } from '@shared/sync/names';
import { mayRead, mayWrite, mayWriteDoc, readableDatabases, type SyncUser } from '@shared/sync/permissions';

import { Replica, type PouchStatic } from './replica';
import { overallStatus, type ReplicationState, type SyncStatus } from './sync-status';
import type { PushPlan, SyncPlanner } from './sync-planner';

/** Where the engine keeps its progress (renderer/db/sync-state.ts over the project's database). */
export interface SyncProgressStore {
  readPushedSeq(): Promise<number | null>;
  savePushedSeq(seq: number): Promise<void>;
  readCheckpoint(databaseKey: string): Promise<{ since: string | number; deferred: unknown[] }>;
  saveCheckpoint(databaseKey: string, checkpoint: { since: string | number; deferred: unknown[] }): Promise<void>;
}

export interface SyncEngineOptions {
  store: ProjectStore;
  progress: SyncProgressStore;
  planner: SyncPlanner;
  Pouch: PouchStatic;
  localOptions?: PouchDB.Configuration.LocalDatabaseConfiguration;
  /** Local replicas are named `<prefix>~<server database name>`: the project's database name in the app. */
  localPrefix: string;
  serverUrl: string;
  projectKey: string;
  user: SyncUser;
  auth: { user: string; password: string } | { cookie: true };
  deviceId: string;
  /** Who the journal says received a batch (the coder at the keyboard), with the clock and ids. */
  env(): Promise<CoreEnv>;
}

/** A conflicted document: CouchDB picked a winner and kept the other revisions aside. */
export interface ConflictRef {
  db: SyncDatabase;
  docId: string;
}

export interface SyncSnapshot {
  status: SyncStatus;
  conflicts: ConflictRef[];
  /** Local changes this user may not write to the server (a coder's codebook edit): kept here only. */
  keptHere: number;
  /** Received documents waiting for what they depend on. */
  waiting: number;
}

const BATCH = 500;
/**
 * Databases watched with a long poll at a time (the rest are asked once a second): each holds one
 * of the browser's six connections to the server, so four stay free for everything else.
 */
const WATCHED = 2;
const FLUSH_DELAY_MS = 30;
const RETRY_MS = 5_000;

type Change = PouchDB.Core.ChangesResponseChange<object>;

export class SyncEngine {
  private readonly replicas = new Map<string, Replica>();
  private readonly states = new Map<string, ReplicationState>();
  private readonly remotePending = new Map<string, number>();
  private readonly feeds = new Map<string, PouchDB.Core.Changes<object>>();
  private readonly checkpoints = new Map<string, { since: string | number; deferred: DeferredDoc[] }>();
  private readonly conflicts = new Map<string, ConflictRef>();
  /** Databases by when documents last came from the server, most recent first: the first WATCHED are watched. */
  private readonly recent: string[] = [];
  private inbox: Array<{ db: SyncDatabase; change: Change }> = [];
  private outbox = 0;
  private keptHere = 0;
  private applyError: string | null = null;
  private chain: Promise<void> = Promise.resolve();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private firstPushDone = false;
  private readonly listeners = new Set<(snapshot: SyncSnapshot) => void>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly o: SyncEngineOptions) {}

  /** Opens a replica per readable database, starts replication, catches up the journal and follows it. */
  async start(): Promise<void> {
    const coders = await this.o.store.read((r) => r.coders());
    for (const db of readableDatabases(this.o.user, coders)) await this.open(db);
    this.unsubscribe = this.o.store.subscribe((entry) => this.entryApplied(entry));
    this.run(() => this.catchUp());
    this.changed();
  }

  /** Stops replicating and following; the local replicas and the project stay. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    for (const feed of this.feeds.values()) feed.cancel();
    await this.chain.catch(() => undefined);
    await Promise.all([...this.replicas.values()].map((r) => r.close()));
    this.listeners.clear();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Stops, then deletes the local replicas (disconnecting keeps the project, not the replicas). */
  async destroyReplicas(): Promise<void> {
    await this.stop();
    const Pouch = this.o.Pouch;
    await Promise.all([...this.replicas.values()].map((r) => new Pouch(r.local.name, this.o.localOptions).destroy().catch(() => undefined)));
  }

  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  snapshot(): SyncSnapshot {
    const pending = this.inbox.length + this.outbox + [...this.remotePending.values()].reduce((a, b) => a + b, 0);
    const states = [...this.states.values()];
    if (this.applyError !== null) states.push({ kind: 'error', message: this.applyError });
    let waiting = 0;
    for (const c of this.checkpoints.values()) waiting += c.deferred.length;
    return { status: overallStatus(states, pending), conflicts: [...this.conflicts.values()], keptHere: this.keptHere, waiting };
  }

  /** The local replica of a database, for the conflict inbox. */
  replicaOf(db: SyncDatabase): Replica | undefined {
    return this.replicas.get(databaseKey(db));
  }

  /** A conflicted document's versions, as the conflict inbox shows them; null once it has one version again. */
  async loadConflict(ref: ConflictRef): Promise<ConflictItem | null> {
    const replica = this.replicaOf(ref.db);
    if (!replica) return null;
    const winning = asSyncDoc(await replica.local.get(ref.docId, { conflicts: true }).catch(() => null));
    if (!winning || !winning._conflicts?.length) return null;
    const losing = await Promise.all(winning._conflicts.map((rev) => replica.local.get(ref.docId, { rev }).then(asSyncDoc, () => null)));
    return conflictItem(ref.db, winning, losing.filter((d): d is SyncDoc => d !== null));
  }

  /**
   * Keeps the version chosen: it is put on the winning revision and the others deleted, which
   * replicates to every machine. The kept version keeps its device of origin, so this machine's
   * project takes it in like any change from the server.
   */
  async resolve(item: ConflictItem, resolution: ConflictResolution): Promise<void> {
    const replica = this.replicaOf(item.db);
    if (!replica) return;
    const resolved = resolveConflict(item, resolution);
    await replica.local.bulkDocs([...(resolved.put ? [resolved.put] : []), ...resolved.deletes]);
    replica.wrote();
  }

  /** Resolves once nothing is queued in either direction (tests, and the e2e's "synced"). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Runs `step` after every step before it; a failing step is reported and does not stop the chain. */
  private run(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : step()))
      .catch((error: unknown) => {
        this.applyError = `Sync stopped on this machine: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => this.changed());
  }

  private isIdle(): boolean {
    return this.inbox.length === 0 && this.outbox === 0 && this.flushTimer === null;
  }

  private changed(): void {
    if (this.stopped) return;
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) listener(snapshot);
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async open(db: SyncDatabase): Promise<Replica | undefined> {
    const key = databaseKey(db);
    const open = this.replicas.get(key);
    if (open) return open;
    if (!mayRead(this.o.user, db) || this.stopped) return undefined;
    const replica = new Replica({
      Pouch: this.o.Pouch,
      localName: `${this.o.localPrefix}~${key}`,
      ...(this.o.localOptions ? { localOptions: this.o.localOptions } : {}),
      serverUrl: this.o.serverUrl,
      projectKey: this.o.projectKey,
      db,
      writable: mayWrite(this.o.user, db),
      auth: this.o.auth,
      onState: (state) => {
        this.states.set(key, state);
        if (state.kind === 'idle') this.remotePending.set(key, 0);
        this.changed();
      },
      onPending: (pending) => {
        this.remotePending.set(key, pending);
        this.changed();
      },
      onReceived: () => this.received(key),
    });
    this.replicas.set(key, replica);
    const checkpoint = await this.o.progress.readCheckpoint(key);
    this.checkpoints.set(key, { since: checkpoint.since, deferred: checkpoint.deferred as DeferredDoc[] });
    replica.start();
    const feed = replica.local.changes({ live: true, since: checkpoint.since, include_docs: true, conflicts: true });
    void feed.on('change', (change) => {
      this.inbox.push({ db, change: change as Change });
      this.scheduleFlush();
    });
    this.feeds.set(key, feed);
    return replica;
  }

  /** The databases others wrote to last are the ones watched: a team's activity moves, and so do the watches. */
  private received(key: string): void {
    const at = this.recent.indexOf(key);
    if (at === 0) return;
    if (at > 0) this.recent.splice(at, 1);
    this.recent.unshift(key);
    for (const [k, replica] of this.replicas) replica.watch(this.recent.indexOf(k) !== -1 && this.recent.indexOf(k) < WATCHED);
  }

  /** Which databases are watched now (keys), for tests. */
  watchedDatabases(): string[] {
    return [...this.replicas].filter(([, r]) => r.watched).map(([k]) => k);
  }

  // ---- outbound: the journal → the local replicas ----

  private entryApplied(entry: JournalEntry): void {
    // Before the first push, the whole project goes (it includes this entry).
    if (entry.operation === 'sync.apply' || !this.firstPushDone) return;
    this.outbox++;
    this.changed();
    this.run(async () => {
      try {
        const pushed = (await this.o.progress.readPushedSeq()) ?? 0;
        if (entry.seq <= pushed) return;
        await this.write(await this.o.planner.ofEntry(entry));
        await this.o.progress.savePushedSeq(entry.seq);
      } finally {
        this.outbox--;
      }
    });
  }

  /** At start: the whole project on first connect (what this user may write), else every entry since the last push. */
  private async catchUp(): Promise<void> {
    const pushed = await this.o.progress.readPushedSeq();
    if (pushed === null) {
      // What the server holds first, so that records it has already are recognised, not written as rivals.
      try {
        for (const replica of this.replicas.values()) if (replica.writable) await replica.pullOnce();
      } catch {
        setTimeout(() => this.run(() => this.catchUp()), RETRY_MS);
        return;
      }
    }
    const last = await this.o.store.read((r) => r.lastSeq());
    this.firstPushDone = true;
    if (pushed === null) {
      await this.write(await this.o.planner.ofProject());
    } else if (last > pushed) {
      const entries = (await this.o.store.read((r) => r.journal())).filter((e) => e.seq > pushed && e.operation !== 'sync.apply');
      for (const entry of entries) await this.write(await this.o.planner.ofEntry(entry));
    }
    await this.o.progress.savePushedSeq(Math.max(last, pushed ?? 0));
  }

  private async write(plan: PushPlan): Promise<void> {
    const byDb = new Map<string, { db: SyncDatabase; docs: SyncDoc[]; deletes: string[] }>();
    const group = (db: SyncDatabase) => {
      const key = databaseKey(db);
      let g = byDb.get(key);
      if (!g) byDb.set(key, (g = { db, docs: [], deletes: [] }));
      return g;
    };
    // What this user may not write stays here (coder records excepted: their own goes to the server, see putOwnCoder).
    this.keptHere += plan.refused.filter((r) => !r.docId.startsWith('coders:')).length;
    for (const w of plan.writes) group(w.db).docs.push(w.doc);
    for (const d of plan.deletes) group(d.db).deletes.push(d.docId);
    for (const { db, docs, deletes } of byDb.values()) {
      if (!mayWrite(this.o.user, db)) {
        const own = docs.filter((d) => mayWriteDoc(this.o.user, db, d));
        this.keptHere += docs.length - own.length + deletes.length;
        if (own.length > 0) await this.putOwnCoder(db, own);
        continue;
      }
      const replica = await this.open(db);
      if (!replica) {
        this.keptHere += docs.length + deletes.length;
        continue;
      }
      await writing(replica, async () => (await putDocs(replica.local, docs.map((d) => ({ ...d, origin: this.o.deviceId })))) + (await deleteDocs(replica.local, deletes, this.o.deviceId)));
    }
    if (plan.removedThreads.length > 0) {
      const corpus = await this.open({ kind: 'corpus' });
      for (const threadId of plan.removedThreads) if (corpus) await writing(corpus, async () => deleteDocs(corpus.local, (await pagesOfThread(corpus.local, threadId)).map((p) => p._id), this.o.deviceId));
    }
    if (plan.postEdits.length > 0) {
      const corpus = mayWrite(this.o.user, { kind: 'corpus' }) ? await this.open({ kind: 'corpus' }) : undefined;
      if (!corpus) this.keptHere += plan.postEdits.length;
      else
        for (const edit of plan.postEdits) {
          const pages = await pagesOfThread(corpus.local, edit.threadId);
          await writing(corpus, () => putDocs(corpus.local, this.o.planner.editPages(pages, edit.posts).map((d) => ({ ...d, origin: this.o.deviceId }))));
        }
    }
  }

  /**
   * A coder's own coder record (the server lets a member write it into the codebook, which they
   * otherwise only read): put on the server directly, since their codebook replica only pulls.
   * Without it, a lead's machine would wait for this coder's codings' coder forever. Retried while
   * the server is away.
   */
  private async putOwnCoder(db: SyncDatabase, docs: SyncDoc[]): Promise<void> {
    const replica = await this.open(db);
    if (!replica) return;
    try {
      await putDocs(replica.remote, docs.map((d) => ({ ...d, origin: this.o.deviceId })));
    } catch {
      setTimeout(() => this.run(() => this.putOwnCoder(db, docs)), RETRY_MS);
    }
  }

  // ---- inbound: the replicas' changes → sync.apply ----

  private scheduleFlush(): void {
    this.changed();
    if (this.flushTimer !== null || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.run(() => this.flush());
    }, FLUSH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    const batch = this.inbox.splice(0, BATCH);
    const latest = new Map<string, { db: SyncDatabase; change: Change }>();
    const seqs = new Map<string, string | number>();
    for (const item of batch) {
      const key = databaseKey(item.db);
      latest.set(`${key}\n${item.change.id}`, item);
      seqs.set(key, item.change.seq);
    }
    const docs: PulledDoc[] = [];
    const deleted: DeletedDoc[] = [];
    for (const c of this.checkpoints.values()) for (const d of c.deferred) docs.push({ db: d.db, doc: d.doc });
    for (const [conflictKey, { db, change }] of latest) {
      const raw = change.doc as (SyncDoc & { _conflicts?: string[] }) | undefined;
      if (raw?._conflicts?.length) this.conflicts.set(conflictKey, { db, docId: change.id });
      else this.conflicts.delete(conflictKey);
      if (change.deleted) {
        deleted.push({ db, docId: change.id });
        continue;
      }
      const doc = asSyncDoc(raw);
      // Our own writes come back through the feed: Dexie already holds them.
      if (doc === null || doc.origin === this.o.deviceId) continue;
      docs.push({ db, doc: withoutMeta(doc) });
    }

    let deferred: DeferredDoc[] = [];
    let appliedAny = false;
    if (docs.length > 0 || deleted.length > 0) {
      const applied = await applySyncBatch(this.o.store, { docs, deleted }, await this.o.env());
      if (!applied.ok) {
        // Not lost: the batch goes back in front and is tried again.
        this.inbox = [...batch, ...this.inbox];
        this.applyError = `Could not take in the team’s changes: ${applied.error.message}`;
        setTimeout(() => this.scheduleFlush(), RETRY_MS);
        return;
      }
      this.applyError = null;
      const r = applied.value.result;
      deferred = r.deferred;
      appliedAny = r.added + r.changed + r.removed > 0;
    }
    const deferredByKey = new Map<string, DeferredDoc[]>();
    for (const d of deferred) deferredByKey.set(databaseKey(d.db), [...(deferredByKey.get(databaseKey(d.db)) ?? []), d]);
    for (const [key, checkpoint] of this.checkpoints) {
      const next = { since: seqs.get(key) ?? checkpoint.since, deferred: deferredByKey.get(key) ?? [] };
      if (next.since === checkpoint.since && next.deferred.length === 0 && checkpoint.deferred.length === 0) continue;
      this.checkpoints.set(key, next);
      await this.o.progress.saveCheckpoint(key, next);
    }
    if (this.o.user.lead && (await this.addLayerCoders(deferred))) appliedAny = true;
    if (this.inbox.length > 0 || (appliedAny && deferred.length > 0)) this.scheduleFlush();
    // A lead follows every coder's layer, including a coder who joined since.
    if (appliedAny && this.o.user.lead) {
      const coders = await this.o.store.read((r) => r.coders());
      for (const db of readableDatabases(this.o.user, coders)) await this.open(db);
    }
  }

  /**
   * A coder's first codings wait for their coder record, which only a lead may write to the
   * codebook: the lead's machine adds the coder named as the layer's user, with the id their codings
   * carry, and pushes it like any change. True when one was added.
   */
  private async addLayerCoders(deferred: readonly DeferredDoc[]): Promise<boolean> {
    const wanted = new Map<string, string>();
    for (const d of deferred) {
      const coderId = d.doc.table !== 'posts' && d.doc.table !== 'journal' ? (d.doc.record as { coderId?: unknown }).coderId : undefined;
      if (d.db.kind === 'layer' && typeof coderId === 'string' && d.waitsFor === `coder ${coderId}`) wanted.set(coderId, d.db.user);
    }
    let added = false;
    for (const [id, name] of wanted) {
      const result = await runOperation(this.o.store, addCoder, { id, name }, await this.o.env());
      if (result.ok && result.value.result.id === id) added = true;
    }
    return added;
  }
}

/** A document as the core reads it: PouchDB's bookkeeping left out. */
function withoutMeta(doc: SyncDoc): SyncDoc {
  const { _rev: _r, _conflicts: _c, ...rest } = doc;
  return rest as SyncDoc;
}

/** The same content, whatever the revision and device. */
function sameDoc(a: object, b: object): boolean {
  return canonical(withoutMeta(a as SyncDoc), true) === canonical(withoutMeta(b as SyncDoc), true);
}

function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([k, v]) => v !== undefined && !(top && k === 'origin'));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a write to a replica's local database and has the replica push when it wrote something, or
 * failed part-way (what did get written must go too).
 */
async function writing(replica: Replica, write: () => Promise<number>): Promise<void> {
  let written = -1;
  try {
    written = await write();
  } finally {
    if (written !== 0) replica.wrote();
  }
}

/** Puts documents on their current revision, skipping those unchanged; a write that raced replication is tried once more. How many were written. */
async function putDocs(local: PouchDB.Database, docs: SyncDoc[], retry = true): Promise<number> {
  if (docs.length === 0) return 0;
  const found = await local.allDocs({ keys: docs.map((d) => d._id), include_docs: true });
  const toSave: SyncDoc[] = [];
  docs.forEach((doc, i) => {
    const row = found.rows[i] as { value?: { rev: string; deleted?: boolean }; doc?: object | null } | undefined;
    const current = row?.value && !row.value.deleted ? row.doc : null;
    if (current && sameDoc(current, doc)) return;
    toSave.push(row?.value ? { ...doc, _rev: row.value.rev } : doc);
  });
  if (toSave.length === 0) return 0;
  const results = await local.bulkDocs(toSave);
  const raced = toSave.filter((_, i) => (results[i] as { status?: number }).status === 409);
  const again = raced.length > 0 && retry ? await putDocs(local, raced.map((d) => withoutMeta(d)), false) : 0;
  return results.filter((r) => 'ok' in r && r.ok).length + again;
}

/** Deletes keep the document's fields (`owner`, `table`), which validate_doc_update checks. How many were deleted. */
async function deleteDocs(local: PouchDB.Database, ids: string[], origin: string): Promise<number> {
  if (ids.length === 0) return 0;
  const found = await local.allDocs({ keys: ids, include_docs: true });
  const gone = found.rows.flatMap((row) => {
    const r = row as { value?: { deleted?: boolean }; doc?: object | null };
    return r.doc && !r.value?.deleted ? [{ ...r.doc, _deleted: true, origin }] : [];
  });
  if (gone.length > 0) await local.bulkDocs(gone);
  return gone.length;
}

async function pagesOfThread(local: PouchDB.Database, threadId: string) {
  const prefix = `posts:${threadId}:`;
  const found = await local.allDocs({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true });
  return found.rows.flatMap((row) => {
    const doc = asSyncDoc(row.doc);
    return doc?.table === 'posts' ? [doc] : [];
  });
}

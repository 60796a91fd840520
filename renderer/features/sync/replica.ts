/**
 * One server database on this machine: a local PouchDB replica, kept in step with the server
 * (both ways where the user may write, from the server only where they may only read) by short
 * requests, retried with backoff while the server is away, and the state of that in words.
 */
import type PouchDBBrowser from 'pouchdb-browser';

import { databaseName, type SyncDatabase } from '@shared/sync/names';

import { forReplication } from './replication-handle';
import { errorInWords, type ReplicationState } from './sync-status';

export type PouchStatic = typeof PouchDBBrowser;

/** How often a replica asks the server whether its database changed: one short request. */
const POLL_MS = 1_000;
/** How long a watched replica's `_changes?feed=longpoll` may wait on the server before it asks again. */
const LONGPOLL_MS = 25_000;
const BACK_OFF_MS = { first: 500, most: 10_000 };
type Replication = PouchDB.Replication.Replication<object>;
export type PouchDatabase = PouchDB.Database;

export interface ReplicaOptions {
  Pouch: PouchStatic;
  /** The local replica's name (an IndexedDB database of its own in the app). */
  localName: string;
  /** PouchDB options for the local replica: `{ adapter: 'memory' }` in tests. */
  localOptions?: PouchDB.Configuration.LocalDatabaseConfiguration;
  serverUrl: string;
  projectKey: string;
  db: SyncDatabase;
  writable: boolean;
  /** How requests to the server authenticate: a password (basic auth), or the browser's session cookie. */
  auth: { user: string; password: string } | { cookie: true };
  onState(state: ReplicationState): void;
  /** Replication's own count of documents still to come from the server, when it says. */
  onPending(pending: number): void;
  /** A pull brought documents someone else wrote (the engine watches the databases that change most). */
  onReceived?(): void;
}

export class Replica {
  readonly local: PouchDatabase;
  readonly remote: PouchDatabase;
  private replication: Replication | null = null;
  private running: Promise<void> | null = null;
  /** Local changes not yet pushed. */
  private dirty = false;
  /** The server database's update sequence when last pulled. */
  private seenSeq: unknown = undefined;
  private wake: ((force: boolean) => void) | null = null;
  private stopped = false;
  /** Watched: between pulls the replica waits on the server's `_changes?feed=longpoll` instead of asking every second. */
  private watching = false;
  /** The update sequence a long poll answered with: the server changed, so the next round pulls without asking again. */
  private announcedSeq: unknown = undefined;

  constructor(private readonly options: ReplicaOptions) {
    const { Pouch } = options;
    this.local = new Pouch(options.localName, options.localOptions);
    const remoteOptions: PouchDB.Configuration.RemoteDatabaseConfiguration = { skip_setup: true };
    if ('password' in options.auth) remoteOptions.auth = { username: options.auth.user, password: options.auth.password };
    else remoteOptions.fetch = (url, init) => Pouch.fetch(url, { ...init, credentials: 'include' });
    const name = databaseName(options.projectKey, options.db);
    this.remote = forReplication(new Pouch(`${options.serverUrl}/${name}`, remoteOptions), name, () => this.seenSeq);
  }

  get db(): SyncDatabase {
    return this.options.db;
  }

  get writable(): boolean {
    return this.options.writable;
  }

  /**
   * Starts following the server; a lost server is retried with backoff, a refusal reported.
   * Not PouchDB's live replication: each live pull holds a long-poll request open, and a browser
   * gives one server 6 connections at once (HTTP/1.1), so a lead following six databases or more
   * starved every other request and nothing more arrived. Here every request is short: the replica
   * asks the server for its database's update sequence every second and pulls when it moved, and
   * pushes as soon as the engine wrote to the local replica (wrote()). A writable replica pushes once
   * at start, so what was written before a crash or while away goes too.
   */
  start(): void {
    this.options.onState({ kind: 'connecting' });
    this.dirty = this.options.writable;
    this.running = this.follow();
  }

  /**
   * The engine wrote to the local replica: pushed at once (after the backoff while the server is
   * away). Said by the writer rather than read from the replica's changes feed, which lists a pull's
   * documents too: each pull then set off a push with nothing to send, four requests that held up
   * the next pull.
   */
  wrote(): void {
    if (!this.options.writable) return;
    this.dirty = true;
    this.wake?.(false);
  }

  private async follow(): Promise<void> {
    const { onState } = this.options;
    let backOff = 0;
    while (!this.stopped) {
      const push = this.dirty;
      this.dirty = false;
      try {
        if (push) await this.replicate(this.local.replicate.to(this.remote, { batch_size: 100 }), true);
        const seq = this.announcedSeq ?? (await this.serverSeq());
        this.announcedSeq = undefined;
        if (this.stopped) return;
        if (seq !== this.seenSeq) {
          const pulled = await this.replicate(this.local.replicate.from(this.remote, { batch_size: 100 }), false);
          this.seenSeq = seq;
          if (((pulled as { docs_written?: number } | undefined)?.docs_written ?? 0) > 0) this.options.onReceived?.();
        }
        backOff = 0;
        if (!this.stopped) onState({ kind: 'idle' });
      } catch (error) {
        if (push) this.dirty = true;
        if (this.stopped) return;
        const words = errorInWords(error);
        onState(words.offline ? { kind: 'offline' } : { kind: 'error', message: words.message });
        backOff = backOff === 0 ? BACK_OFF_MS.first : Math.min(backOff * 2, BACK_OFF_MS.most);
      }
      // While the server is away, a local change waits for the backoff; else it goes at once.
      // A local change made during this round goes at once.
      if (backOff === 0 && this.dirty) continue;
      if (backOff === 0 && this.watching) await this.serverChange();
      else await this.pause(backOff || POLL_MS, backOff === 0);
    }
  }

  /**
   * Watches this database (or stops): a watched replica holds one request open on the server,
   * which answers as soon as the database changes, so a change is pulled at once rather than at
   * the next second's poll. Only a few are watched at a time: each holds one of the browser's six
   * connections to the server (the engine chooses; decision 0015).
   */
  watch(on: boolean): void {
    if (this.watching === on) return;
    this.watching = on;
    // A longpoll in flight ends; the loop goes on in the new mode.
    if (!on) this.wake?.(true);
  }

  get watched(): boolean {
    return this.watching;
  }

  /**
   * Waits until the server's database changes after the update sequence last pulled (or
   * LONGPOLL_MS), a local change, stop() or unwatch. A failed request waits one polling period:
   * the next round's info() reports what is wrong. An answer listing changes names the server's
   * update sequence with them (all changes since, not `limit=1`: the sequence of the first change
   * alone would set off one pull per change), so the next round pulls without asking again.
   */
  private async serverChange(): Promise<void> {
    const abort = new AbortController();
    this.wake = () => abort.abort();
    const since = this.seenSeq === undefined ? 'now' : String(this.seenSeq as string | number);
    try {
      const answer = (await this.serverChanges(`feed=longpoll&timeout=${LONGPOLL_MS}&since=${encodeURIComponent(since)}`, abort.signal)) as { results?: unknown[]; last_seq?: unknown };
      if (answer.results?.length && answer.last_seq !== undefined) this.announcedSeq = answer.last_seq;
    } catch {
      if (!abort.signal.aborted && !this.stopped) await this.pause(POLL_MS, true);
    } finally {
      this.wake = null;
    }
  }

  /**
   * The server database's update sequence: `_changes?since=now&limit=0` (its `last_seq`), not
   * `GET /<db>`: a database's info costs the server more (a cluster asks every shard for its
   * sizes; pouchdb-server walks its data folder for them), and this is asked every second.
   */
  private async serverSeq(): Promise<unknown> {
    return ((await this.serverChanges('since=now&limit=0')) as { last_seq?: unknown }).last_seq;
  }

  /** One GET of the server database's `_changes` with these parameters, signed in as the replica is. */
  private async serverChanges(query: string, signal?: AbortSignal): Promise<unknown> {
    const { auth, Pouch } = this.options;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if ('password' in auth) headers.Authorization = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${auth.user}:${auth.password}`)))}`;
    const url = `${this.options.serverUrl}/${encodeURIComponent(databaseName(this.options.projectKey, this.options.db))}/_changes?${query}`;
    const response = await Pouch.fetch(url, { headers, ...(signal ? { signal } : {}), ...('cookie' in auth ? { credentials: 'include' as const } : {}) });
    const body = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
    if (!response.ok) throw new ServerError(response.status, body.error, body.reason);
    return body;
  }

  /** One replication run to its end, its progress reported (documents moving = active). */
  private async replicate(replication: Replication, moving: boolean): Promise<unknown> {
    this.replication = replication;
    if (moving) this.options.onState({ kind: 'active' });
    void replication.on('change', (info?: { pending?: number }) => {
      if (this.stopped) return;
      if (typeof info?.pending === 'number') this.options.onPending(info.pending);
      this.options.onState({ kind: 'active' });
    });
    try {
      return await replication;
    } finally {
      this.replication = null;
    }
  }

  private pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = (force) => {
        if (force || wakeable) done();
      };
    });
  }

  /** One pull of what the server has, before a first push: documents already there are then not written again as rivals. */
  async pullOnce(): Promise<void> {
    await this.local.replicate.from(this.remote, { batch_size: 100 });
  }

  /** Stops following the server (waits, briefly, for requests in flight); the local replica stays. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.replication?.cancel();
    this.wake?.(true);
    const running = this.running;
    this.running = null;
    if (running) await Promise.race([running.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }

  /**
   * Stops; the local replica is left open: PouchDB's IndexedDB adapter shares one connection per
   * name, and the engine that follows (the project opened again) uses the same replicas.
   */
  async close(): Promise<void> {
    await this.stop();
    await this.remote.close().catch(() => undefined);
  }
}

/** A failed request as PouchDB reports one (errorInWords reads it): the status, CouchDB's error and reason. */
class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly error: string | undefined,
    readonly reason: string | undefined,
  ) {
    super(reason ?? error ?? `status ${status}`);
    this.name = error ?? 'ServerError';
  }
}

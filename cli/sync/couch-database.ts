/**
 * The few CouchDB requests `threadmark sync` makes on one database, as the signed-in user: every
 * document (winning revisions with their `_conflicts`, and deleted ids) paged through `_changes`,
 * documents written in batches through `_bulk_docs`, one revision read by `?rev=`. Every answer the
 * caller must act on is a value; "no answer" (server down) is a Problem in words.
 */
import { problem, type Problem } from '@shared/problem/problem';
import { err, ok, type Result } from '@shared/util/result';

import { couchFetch, couchPath, couchReason, httpProblem, type CouchAuth, type CouchRequest, type CouchResponse } from '../../node/couch/couch-http';

/** Documents per `_changes` page: a post page is up to 1,000 posts, so pages stay a few MB. */
const CHANGES_PAGE = 25;
/** At most this many documents, and about this many bytes, per `_bulk_docs` request (servers cap request sizes). */
const BULK_BATCH = 100;
const BULK_BYTES = 4 * 2 ** 20;

/** Documents in batches of at most BULK_BATCH and about BULK_BYTES of JSON (a bigger document goes alone). */
function batches<T>(docs: readonly T[]): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = JSON.stringify(doc).length;
    if (batch.length > 0 && (batch.length >= BULK_BATCH || bytes + size > BULK_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(doc);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/**
 * couchFetch, once more when the server closed the connection before answering: a kept-alive
 * connection the server dropped while idle (after its keep-alive timeout) fails the next request
 * before it reaches the server, so sending it again is safe (every write names its revision).
 */
export async function couchRequest(url: string, request: CouchRequest): Promise<Result<CouchResponse, Problem>> {
  const first = await couchFetch(url, request);
  if (first.ok || !first.error.message.includes('closed the connection before answering')) return first;
  return couchFetch(url, request);
}

export interface RawDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}

export interface DatabaseContent {
  /** Winning revisions by id (design documents left out). */
  docs: Map<string, RawDoc>;
  /** Ids deleted on the server. */
  deleted: Map<string, string>;
}

export type ReadOutcome = { kind: 'read'; content: DatabaseContent } | { kind: 'denied'; status: number; reason: string } | { kind: 'missing' };

export interface BulkResult {
  id: string;
  rev?: string;
  error?: string;
  reason?: string;
}

export class CouchDatabase {
  constructor(
    readonly url: string,
    readonly name: string,
    private readonly auth: CouchAuth,
  ) {}

  /** Every document, paged by `_changes` (which, unlike `_all_docs`, also lists deletions). */
  async readAll(): Promise<Result<ReadOutcome, Problem>> {
    const content: DatabaseContent = { docs: new Map(), deleted: new Map() };
    let since: unknown = 0;
    for (;;) {
      const query = `?include_docs=true&conflicts=true&style=main_only&limit=${CHANGES_PAGE}&since=${encodeURIComponent(String(since))}`;
      const answer = await couchRequest(this.url, { path: `${couchPath(this.name, '_changes')}${query}`, auth: this.auth, timeoutMs: 120_000 });
      if (!answer.ok) return answer;
      const { status, json } = answer.value;
      if (status === 401 || status === 403) return ok({ kind: 'denied', status, reason: couchReason(json) });
      if (status === 404) return ok({ kind: 'missing' });
      if (status !== 200) return err(httpProblem(`Reading ${this.name}`, answer.value));
      const page = json as { results: Array<{ id: string; deleted?: boolean; changes: Array<{ rev: string }>; doc?: RawDoc }>; last_seq: unknown; pending?: number };
      for (const row of page.results) {
        if (row.id.startsWith('_design/')) continue;
        if (row.deleted === true) {
          content.docs.delete(row.id);
          content.deleted.set(row.id, row.changes[0]?.rev ?? '');
        } else if (row.doc) {
          content.deleted.delete(row.id);
          content.docs.set(row.id, row.doc);
        }
      }
      // CouchDB says how many changes remain (`pending`); pouchdb-server does not: a short page is the last.
      const done = page.results.length === 0 || (typeof page.pending === 'number' ? page.pending === 0 : page.results.length < CHANGES_PAGE);
      if (done) return ok({ kind: 'read', content });
      since = page.last_seq;
    }
  }

  /** Writes documents in batches; each document's outcome (a new rev, or CouchDB's error) in order. */
  async bulk(docs: readonly object[], options: { newEdits?: boolean } = {}): Promise<Result<BulkResult[], Problem>> {
    const results: BulkResult[] = [];
    for (const batch of batches(docs)) {
      const body = options.newEdits === false ? { docs: batch, new_edits: false } : { docs: batch };
      const answer = await couchRequest(this.url, { method: 'POST', path: couchPath(this.name, '_bulk_docs'), body, auth: this.auth, timeoutMs: 120_000 });
      if (!answer.ok) return answer;
      const { status, json } = answer.value;
      if (status === 401 || status === 403) {
        for (const doc of batch) results.push({ id: (doc as { _id: string })._id, error: status === 401 ? 'unauthorized' : 'forbidden', reason: couchReason(json) });
        continue;
      }
      if (status !== 201 && status !== 200) return err(httpProblem(`Writing to ${this.name}`, answer.value));
      if (options.newEdits === false) {
        // CouchDB answers only the documents it refused (validate_doc_update): the others are stored.
        const refused = new Map(((Array.isArray(json) ? json : []) as BulkResult[]).filter((r) => r.error !== undefined).map((r) => [r.id, r]));
        for (const doc of batch) {
          const id = (doc as { _id: string })._id;
          results.push(refused.get(id) ?? { id, rev: (doc as { _rev: string })._rev });
        }
      }
      else results.push(...(json as BulkResult[]));
    }
    return ok(results);
  }

  /** One document: its winning revision (with `_revisions` when asked), or a given revision; null when absent. */
  async get(id: string, query: { rev?: string; revs?: boolean; conflicts?: boolean } = {}): Promise<Result<RawDoc | null, Problem>> {
    const params = new URLSearchParams();
    if (query.rev !== undefined) params.set('rev', query.rev);
    if (query.revs) params.set('revs', 'true');
    if (query.conflicts) params.set('conflicts', 'true');
    const search = params.size > 0 ? `?${params.toString()}` : '';
    const answer = await couchRequest(this.url, { path: `${couchPath(this.name, id)}${search}`, auth: this.auth });
    if (!answer.ok) return answer;
    if (answer.value.status === 404) return ok(null);
    if (answer.value.status !== 200) return err(problem(`Reading ${id} in ${this.name} failed: HTTP ${answer.value.status} (${couchReason(answer.value.json)})`));
    return ok(answer.value.json as RawDoc);
  }
}

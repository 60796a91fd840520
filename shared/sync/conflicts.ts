/**
 * Conflicts are never resolved silently (docs/sync.md). When two machines changed the same document
 * offline, CouchDB keeps both: one revision wins (deterministically, not by meaning) and the others
 * are listed in `_conflicts`. A ConflictItem shows a lead the winning and the losing versions and
 * which fields differ, in words; a resolution (keep one version, or a merged record) becomes the
 * document to put on the winning revision and the losing revisions to delete, after which the
 * document has one version again on every replica.
 */
import type { AnyRecord } from '../project/tables';
import { parseDocId, type SyncDoc } from './doc-mapping';
import type { SyncDatabase } from './names';

export interface ConflictVersion {
  rev: string;
  doc: SyncDoc;
}

export interface FieldDifference {
  field: string;
  winner: unknown;
  loser: unknown;
  /** `memo: “a” vs “b”` */
  words: string;
}

export interface ConflictItem {
  db: SyncDatabase;
  docId: string;
  /** How the record is named to a person: `memo m-1`, `code “Irony” (c-1)`. */
  label: string;
  winner: ConflictVersion;
  /** Each losing revision with the fields where it differs from the winner. */
  losers: Array<ConflictVersion & { differences: FieldDifference[] }>;
}

/** Fields every revision has anyway: not worth showing as a difference. */
const NOISE = new Set(['updatedAt']);
const MAX_SHOWN = 80;

/** A value in a few words: strings quoted (shortened), empty as “”, absent as "none". */
export function valueInWords(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'string') return `“${[...value].length > MAX_SHOWN ? `${[...value].slice(0, MAX_SHOWN - 1).join('')}…` : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What a version holds, as the fields a person compares: the record, or a page's post count. */
function contentOf(doc: SyncDoc): Record<string, unknown> {
  if (doc._deleted === true) return { deleted: true };
  if (doc.table === 'posts') return { posts: doc.posts.length, postIds: doc.posts.map((p) => p.id), texts: doc.posts.map((p) => p.text) };
  if (doc.table === 'journal') return { summary: doc.entry.summary };
  return doc.record as unknown as Record<string, unknown>;
}

/** The fields where two versions differ, in key order of the winner then the loser. */
export function differingFields(winner: SyncDoc, loser: SyncDoc): FieldDifference[] {
  const a = contentOf(winner);
  const b = contentOf(loser);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOISE.has(k));
  return keys.filter((k) => !same(a[k], b[k])).map((field) => ({ field, winner: a[field], loser: b[field], words: `${field}: ${valueInWords(a[field])} vs ${valueInWords(b[field])}` }));
}

function labelOf(doc: SyncDoc): string {
  const named = parseDocId(doc._id);
  if (named?.kind === 'posts') return `posts of thread ${named.threadId}`;
  if (named?.kind === 'journal') return `journal entry ${named.entryId}`;
  if (named?.kind !== 'record') return doc._id;
  const noun = named.table.replace(/s$/, '').replace(/ie$/, 'y');
  const name = doc.table !== 'posts' && doc.table !== 'journal' ? (doc.record as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? `${noun} “${name}” (${named.id})` : `${noun} ${named.id}`;
}

/**
 * The conflict a winning document (read with `conflicts=true`) stands for, given its losing
 * revisions (read with `?rev=` each); null when it has none. A loser identical to the winner is
 * still listed (with no differences): resolving removes it.
 */
export function conflictItem(db: SyncDatabase, winning: SyncDoc, losing: readonly SyncDoc[]): ConflictItem | null {
  if ((winning._conflicts ?? []).length === 0 && losing.length === 0) return null;
  const winner = { rev: winning._rev ?? '', doc: winning };
  return {
    db,
    docId: winning._id,
    label: labelOf(winning),
    winner,
    losers: losing.map((doc) => ({ rev: doc._rev ?? '', doc, differences: differingFields(winning, doc) })),
  };
}

/** One line per losing version: `memo m-1: memo: “a” vs “b”; text: …`. */
export function conflictLines(item: ConflictItem): string[] {
  return item.losers.map((l) => `${item.label}: ${l.differences.length === 0 ? 'the same content in two revisions' : l.differences.map((d) => d.words).join('; ')}`);
}

export type ConflictResolution = { keep: 'winner' } | { keep: 'loser'; rev: string } | { merged: AnyRecord };

export interface ResolvedConflict {
  /** The document to put (on the winning revision), or null when the winner is kept as it is. */
  put: SyncDoc | null;
  /** The losing revisions, as deletions for `_bulk_docs`. */
  deletes: Array<{ _id: string; _rev: string; _deleted: true }>;
}

/** A lead's resolution → what to write so that every replica ends with one version. */
export function resolveConflict(item: ConflictItem, resolution: ConflictResolution): ResolvedConflict {
  const deletes = item.losers.map((l) => ({ _id: item.docId, _rev: l.rev, _deleted: true as const }));
  const onWinner = (content: SyncDoc): SyncDoc => {
    const { _conflicts: _ignored, ...rest } = content;
    return { ...rest, _id: item.docId, _rev: item.winner.rev };
  };
  if ('merged' in resolution) {
    const base = item.winner.doc;
    if (base.table === 'posts' || base.table === 'journal') return { put: null, deletes };
    return { put: onWinner({ ...base, record: resolution.merged }), deletes };
  }
  if (resolution.keep === 'winner') return { put: null, deletes };
  const kept = item.losers.find((l) => l.rev === resolution.rev);
  return { put: kept ? onWinner(kept.doc) : null, deletes };
}

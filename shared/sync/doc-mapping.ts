/**
 * Records ↔ CouchDB documents (docs/sync.md). Every record keeps its stable id: a document's `_id`
 * is `<table>:<record id>`. Posts are immutable and numerous, so they travel in pages of up to
 * POST_PAGE_SIZE posts of one thread (`posts:<thread id>:<first post id>`): a 100,000-post corpus is
 * a hundred documents, not a hundred thousand. Where a record lives decides who may read and
 * write it (names.ts, security.ts): the corpus and codebook are shared, a coder's codings, memos
 * and relations are in their own layer, the consensus coder's in the consensus database.
 */
import { CONSENSUS_CODER_ID, type Post } from '../model/records';
import type { JournalEntry } from '../project/journal-entry';
import type { AnyRecord, ProjectRecords, TableName } from '../project/tables';
import { userNameOf, type SyncDatabase } from './names';

/** Format marker on every document Threadmark writes (a design document has none). */
export const DOC_FORMAT = 1;
export const POST_PAGE_SIZE = 1000;

interface DocBase {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  tm: typeof DOC_FORMAT;
  /** The device (an id made once per installation) whose change wrote this revision: lets a client skip its own echoes. */
  origin?: string;
}

/** One record of any table but posts. `owner` (a user name) is set on layer documents: validate_doc_update checks it. */
export interface RecordDoc extends DocBase {
  table: Exclude<TableName, 'posts'>;
  record: AnyRecord;
  owner?: string;
}

/** Up to POST_PAGE_SIZE posts of one thread, in the order they were added. */
export interface PostPageDoc extends DocBase {
  table: 'posts';
  threadId: string;
  posts: Post[];
  /**
   * Where the page's first post is in its thread's reading order (0 for the first page): a client
   * adds a page only after the posts before it, so pages arriving out of order keep reading order.
   */
  start?: number;
}

/** A journal entry that changed the codebook, kept append-only in the codebook database for the team's history. */
export interface JournalDoc extends DocBase {
  table: 'journal';
  entry: JournalEntry;
}

export type SyncDoc = RecordDoc | PostPageDoc | JournalDoc;

/** Tables whose records every member reads and only leads write. */
const CORPUS_TABLES: ReadonlySet<TableName> = new Set(['projects', 'threads', 'posts', 'attributes', 'attributeValues']);
const CODEBOOK_TABLES: ReadonlySet<TableName> = new Set(['codes', 'codebookVersions', 'coders', 'rounds', 'assignments', 'relationCodes']);
/** Tables whose records belong to the coder in `coderId`. */
const LAYER_TABLES: ReadonlySet<TableName> = new Set(['codings', 'memos', 'relations']);
/** Tables a codebook journal entry is about. */
const CODEBOOK_JOURNAL_TABLES: ReadonlySet<TableName> = new Set(['codes', 'codebookVersions', 'relationCodes']);

/**
 * The tables whose documents a database of this kind holds (the codebook also holds `journal`
 * documents): what its validate_doc_update accepts (security.ts).
 */
export function tablesIn(kind: SyncDatabase['kind']): TableName[] {
  if (kind === 'corpus') return [...CORPUS_TABLES];
  if (kind === 'codebook') return [...CODEBOOK_TABLES];
  if (kind === 'layer') return [...LAYER_TABLES];
  return ['decisions', ...LAYER_TABLES];
}

export const recordDocId = (table: TableName, id: string): string => `${table}:${id}`;
export const postPageDocId = (threadId: string, firstPostId: string): string => `posts:${threadId}:${firstPostId}`;
export const journalDocId = (entryId: string): string => `journal:${entryId}`;

/**
 * The database a record lives in, given the coders' names by id; null when a layer record's coder
 * is unknown (the caller reports it). Decisions are the consensus coder's.
 */
export function homeOf<K extends TableName>(table: K, record: ProjectRecords[K], coderNames: ReadonlyMap<string, string>): SyncDatabase | null {
  if (CORPUS_TABLES.has(table)) return { kind: 'corpus' };
  if (CODEBOOK_TABLES.has(table)) return { kind: 'codebook' };
  if (table === 'decisions') return { kind: 'consensus' };
  if (!LAYER_TABLES.has(table)) return null;
  const coderId = (record as { coderId: string }).coderId;
  if (coderId === CONSENSUS_CODER_ID) return { kind: 'consensus' };
  const name = coderNames.get(coderId);
  return name === undefined ? null : { kind: 'layer', user: userNameOf(name) };
}

export function recordDoc<K extends Exclude<TableName, 'posts'>>(table: K, record: ProjectRecords[K], home: SyncDatabase, origin?: string): RecordDoc {
  const doc: RecordDoc = { _id: recordDocId(table, record.id), tm: DOC_FORMAT, table, record };
  if (home.kind === 'layer') doc.owner = userNameOf(home.user);
  if (origin !== undefined) doc.origin = origin;
  return doc;
}

/**
 * A thread's added posts as pages, in the order given (an import's reading order); `start`: how many
 * posts the thread had before them, when known.
 */
export function postPageDocs(threadId: string, posts: readonly Post[], origin?: string, start?: number): PostPageDoc[] {
  const pages: PostPageDoc[] = [];
  for (let i = 0; i < posts.length; i += POST_PAGE_SIZE) {
    const chunk = posts.slice(i, i + POST_PAGE_SIZE);
    const page: PostPageDoc = { _id: postPageDocId(threadId, chunk[0]!.id), tm: DOC_FORMAT, table: 'posts', threadId, posts: chunk };
    if (start !== undefined) page.start = start + i;
    if (origin !== undefined) page.origin = origin;
    pages.push(page);
  }
  return pages;
}

export function journalDoc(entry: JournalEntry, origin?: string): JournalDoc {
  const doc: JournalDoc = { _id: journalDocId(entry.id), tm: DOC_FORMAT, table: 'journal', entry };
  if (origin !== undefined) doc.origin = origin;
  return doc;
}

/** Whether an entry changed the codebook, so that it travels to the codebook database. */
export const isCodebookEntry = (entry: JournalEntry): boolean => entry.changes.some((c) => CODEBOOK_JOURNAL_TABLES.has(c.table));

/** What a document's `_id` names: a record, a thread's post page, a journal entry; null for a design or foreign document. */
export function parseDocId(docId: string): { kind: 'record'; table: Exclude<TableName, 'posts'>; id: string } | { kind: 'posts'; threadId: string } | { kind: 'journal'; entryId: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0) return null;
  const prefix = docId.slice(0, colon);
  const rest = docId.slice(colon + 1);
  if (prefix === 'journal') return { kind: 'journal', entryId: rest };
  if (prefix === 'posts') {
    const threadEnd = rest.indexOf(':');
    return threadEnd <= 0 ? null : { kind: 'posts', threadId: rest.slice(0, threadEnd) };
  }
  if (!CORPUS_TABLES.has(prefix as TableName) && !CODEBOOK_TABLES.has(prefix as TableName) && !LAYER_TABLES.has(prefix as TableName) && prefix !== 'decisions') return null;
  return { kind: 'record', table: prefix as Exclude<TableName, 'posts'>, id: rest };
}

/** A document as Threadmark wrote it (format marker and a known table), else null. */
export function asSyncDoc(doc: unknown): SyncDoc | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Partial<SyncDoc>;
  if (d.tm !== DOC_FORMAT || typeof d._id !== 'string') return null;
  if (d.table === 'posts') return Array.isArray((d as PostPageDoc).posts) && typeof (d as PostPageDoc).threadId === 'string' ? (d as PostPageDoc) : null;
  if (d.table === 'journal') return typeof (d as JournalDoc).entry === 'object' ? (d as JournalDoc) : null;
  return parseDocId(d._id)?.kind === 'record' && typeof (d as RecordDoc).record === 'object' ? (d as RecordDoc) : null;
}

/**
 * The port every project store implements: the Dexie adapter in the app (renderer/db) and the
 * bundle adapter in the CLI (over memory-store.ts). Operations read through a ProjectReader and
 * write only by handing a change-set and its journal entry to `apply` inside `transact`.
 */
import type { CancelSignal } from '../import/stream/byte-source';
import type { ExistingPosts, StoredPost } from '../import/assemble-threads';
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Platform, Post, Project, Relation, RelationCode, Round, Thread } from '../model/records';
import type { ChangeSet } from './change-set';
import type { JournalEntry } from './journal-entry';
import type { PostFacts } from './post-facts';
import type { TableName } from './tables';

export interface ThreadStats {
  postCount: number;
  startedAt: string | null;
}

/** A consistent view of the project: inside `read` or `transact`, nothing else writes meanwhile. */
export interface ProjectReader {
  project(): Promise<Project | undefined>;
  threads(): Promise<Thread[]>;
  /** Each thread's post count and when it started (its first dated post); threads without posts absent. */
  threadStats(): Promise<Map<string, ThreadStats>>;
  /** The whole codebook (a few thousand codes at most), in no particular order. */
  codes(): Promise<Code[]>;
  coders(): Promise<Coder[]>;
  versions(): Promise<CodebookVersion[]>;
  assignments(): Promise<Assignment[]>;
  /** The team loop's rounds, in no particular order. */
  rounds(): Promise<Round[]>;
  /** Adjudicated disagreements, in no particular order. */
  decisions(): Promise<Decision[]>;
  /** Project, thread, post and code memos (coding memos are on the codings), in no particular order. */
  memos(): Promise<Memo[]>;
  /** User-defined author and thread attributes, in no particular order. */
  attributes(): Promise<Attribute[]>;
  /** Their values, in no particular order. */
  attributeValues(): Promise<AttributeValue[]>;
  /** The relation codebook, in no particular order. */
  relationCodes(): Promise<RelationCode[]>;
  /** Every relation between posts, in no particular order. */
  relations(): Promise<Relation[]>;
  /** A thread's relations. */
  relationsOfThread(threadId: string): Promise<Relation[]>;
  /** Every coding, in no particular order. */
  allCodings(): Promise<Coding[]>;
  codingsByIds(ids: readonly string[]): Promise<Map<string, Coding>>;
  codingsOfCodes(codeIds: readonly string[]): Promise<Coding[]>;
  codingsOfCoder(coderId: string): Promise<Coding[]>;
  codingsOfThread(threadId: string): Promise<Coding[]>;
  codingsOfPosts(postIds: readonly string[]): Promise<Coding[]>;
  /** The ids of the coders who have at least one coding. */
  codersWithCodings(): Promise<Set<string>>;
  /** Per thread id, how many of its posts have at least one coding (threads without codings absent). */
  codedPostCounts(): Promise<Map<string, number>>;
  /** Codings per code id (codes without codings absent). */
  codingCountsByCode(): Promise<Map<string, number>>;
  /** Codings per code id, then per coder id (codes without codings absent): counted, not read. */
  codingCountsByCodeAndCoder(): Promise<Map<string, Map<string, number>>>;
  /** Codings of each of these codes (every id listed, 0 when none): counted, not read. */
  codingCountsOf(codeIds: readonly string[]): Promise<Map<string, number>>;
  /** The stored posts among `ids`, by id. */
  posts(ids: readonly string[]): Promise<Map<string, Post>>;
  /** A thread's posts in reading order. */
  postsOfThread(threadId: string): Promise<Post[]>;
  /** Every post, thread after thread (threads by id), each thread in reading order. */
  allPosts(): Promise<Post[]>;
  /**
   * Every post's facts (author, platform, time and the values attributes derive from: post-facts.ts),
   * in allPosts' order, without reading the posts: what tables, attributes and pickers need.
   */
  postFacts(): Promise<PostFacts[]>;
  /** Which (platform, platform id) pairs are stored. */
  storedPlatformIds(platforms: readonly Platform[]): Promise<ExistingPosts>;
  /** Where stored platform posts are, by `platform\u0000platformId` key. */
  locatePosts(keys: readonly string[]): Promise<Map<string, StoredPost>>;
  /** The journal in order (seq ascending). */
  journal(): Promise<JournalEntry[]>;
  journalEntry(id: string): Promise<JournalEntry | undefined>;
  /** The last entry's seq, 0 for an empty journal. */
  lastSeq(): Promise<number>;
}

export interface ApplyOptions {
  /** Called between batches while posts are written, with how many are written so far. */
  progress?: (written: number) => void;
  /** Checked between batches; a cancelled write throws CancelledError and nothing is kept. */
  signal?: CancelSignal;
}

export interface ProjectTransaction extends ProjectReader {
  /** Stages the change-set and its journal entry: kept when `transact`'s function resolves, never partly. */
  apply(changes: ChangeSet, entry: JournalEntry, options?: ApplyOptions): Promise<void>;
}

export interface ProjectStore {
  read<T>(fn: (reader: ProjectReader) => Promise<T>): Promise<T>;
  /**
   * All or nothing: what `fn` applied is kept only if it resolves; a throw keeps nothing.
   * `tables`: the only tables `fn` reads or writes besides the journal (Operation.tables); every table when left out.
   */
  transact<T>(fn: (tx: ProjectTransaction) => Promise<T>, tables?: readonly TableName[]): Promise<T>;
  /** Told after each applied entry is stored. Returns an unsubscribe function. */
  subscribe(listener: (entry: JournalEntry) => void): () => void;
}

/** Per thread, its posts with at least one coding: ProjectReader.codedPostCounts over the codings' keys. */
export function countCodedPosts(codings: Iterable<{ threadId: string; postId: string }>): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const { threadId, postId } of codings) {
    const key = `${threadId}\u0000${postId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts.set(threadId, (counts.get(threadId) ?? 0) + 1);
  }
  return counts;
}

/**
 * A ProjectStore over plain data in memory: the engine of the CLI's bundle adapter and of tests.
 * Transactions run one at a time; what one applies is staged and kept only when it resolves.
 */
import type { ExistingPosts, StoredPost } from '../import/assemble-threads';
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Platform, Post, Project, Relation, RelationCode, Round, Thread } from '../model/records';
import { CancelledError } from '../util/cancelled';
import { rowsOf, type ChangeSet, type RowChange } from './change-set';
import type { JournalEntry } from './journal-entry';
import { postFactsOf } from './post-facts';
import { countCodedPosts, type ApplyOptions, type ProjectReader, type ProjectStore, type ProjectTransaction } from './project-store';

/** Everything a project holds, as plain arrays (a bundle's records, say). */
export interface ProjectData {
  project: Project | null;
  threads: Thread[];
  /** Each thread's posts in reading order (threads' posts may interleave; order within a thread counts). */
  posts: Post[];
  codes: Code[];
  coders: Coder[];
  codings: Coding[];
  codebookVersions: CodebookVersion[];
  assignments: Assignment[];
  rounds: Round[];
  decisions: Decision[];
  memos: Memo[];
  attributes: Attribute[];
  attributeValues: AttributeValue[];
  relationCodes?: RelationCode[];
  relations?: Relation[];
  journal: JournalEntry[];
}


export class MemoryProjectStore implements ProjectStore {
  private project: Project | null;
  private readonly threads = new Map<string, Thread>();
  private readonly postsByThread = new Map<string, Post[]>();
  private readonly postIndex = new Map<string, Post>();
  /** platform → platform id → the first post stored with it (nested: no million joined key strings). */
  private readonly platformIndex = new Map<string, Map<string, Post>>();
  private readonly codes = new Map<string, Code>();
  private readonly coders = new Map<string, Coder>();
  private readonly codings = new Map<string, Coding>();
  private readonly versions = new Map<string, CodebookVersion>();
  private readonly assigned = new Map<string, Assignment>();
  private readonly roundsById = new Map<string, Round>();
  private readonly decided = new Map<string, Decision>();
  private readonly memosById = new Map<string, Memo>();
  private readonly relationCodesById = new Map<string, RelationCode>();
  private readonly relationsById = new Map<string, Relation>();
  private readonly attributesById = new Map<string, Attribute>();
  private readonly valuesById = new Map<string, AttributeValue>();
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(data: Partial<ProjectData> = {}) {
    this.project = data.project ?? null;
    for (const t of data.threads ?? []) this.threads.set(t.id, t);
    this.addPosts(data.posts ?? []);
    for (const c of data.codes ?? []) this.codes.set(c.id, c);
    for (const c of data.coders ?? []) this.coders.set(c.id, c);
    for (const c of data.codings ?? []) this.codings.set(c.id, c);
    for (const v of data.codebookVersions ?? []) this.versions.set(v.id, v);
    for (const a of data.assignments ?? []) this.assigned.set(a.id, a);
    for (const r of data.rounds ?? []) this.roundsById.set(r.id, r);
    for (const d of data.decisions ?? []) this.decided.set(d.id, d);
    for (const m of data.memos ?? []) this.memosById.set(m.id, m);
    for (const r of data.relationCodes ?? []) this.relationCodesById.set(r.id, r);
    for (const r of data.relations ?? []) this.relationsById.set(r.id, r);
    for (const a of data.attributes ?? []) this.attributesById.set(a.id, a);
    for (const v of data.attributeValues ?? []) this.valuesById.set(v.id, v);
    this.entries.push(...(data.journal ?? []));
  }

  read<T>(fn: (reader: ProjectReader) => Promise<T>): Promise<T> {
    return this.serial(() => fn(this.reader()));
  }

  transact<T>(fn: (tx: ProjectTransaction) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const staged: Array<{ changes: ChangeSet; entry: JournalEntry }> = [];
      const tx: ProjectTransaction = {
        ...this.reader(),
        apply: async (changes, entry, options?: ApplyOptions) => {
          if (options?.signal?.cancelled) throw new CancelledError('the write');
          staged.push({ changes, entry });
          options?.progress?.(rowsOf(changes, 'posts').length);
        },
      };
      const result = await fn(tx);
      for (const { changes, entry } of staged) this.commit(changes, entry);
      for (const { entry } of staged) for (const listener of [...this.listeners]) listener(entry);
      return result;
    });
  }

  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything, as plain arrays: threads, codes, coders, codings, versions in the order stored; posts thread by thread. */
  data(): ProjectData {
    return {
      project: this.project,
      threads: [...this.threads.values()],
      posts: [...this.postsByThread.values()].flat(),
      codes: [...this.codes.values()],
      coders: [...this.coders.values()],
      codings: [...this.codings.values()],
      codebookVersions: [...this.versions.values()],
      assignments: [...this.assigned.values()],
      rounds: [...this.roundsById.values()],
      decisions: [...this.decided.values()],
      memos: [...this.memosById.values()],
      attributes: [...this.attributesById.values()],
      attributeValues: [...this.valuesById.values()],
      relationCodes: [...this.relationCodesById.values()],
      relations: [...this.relationsById.values()],
      journal: [...this.entries],
    };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private reader(): ProjectReader {
    const codingsWhere = (test: (c: Coding) => boolean): Coding[] => [...this.codings.values()].filter(test);
    return {
      project: async () => this.project ?? undefined,
      threads: async () => [...this.threads.values()],
      threadStats: async () =>
        new Map([...this.postsByThread].map(([id, list]) => [id, { postCount: list.length, startedAt: list.find((p) => p.createdAt !== null)?.createdAt ?? null }])),
      codes: async () => [...this.codes.values()],
      coders: async () => [...this.coders.values()],
      versions: async () => [...this.versions.values()],
      assignments: async () => [...this.assigned.values()],
      rounds: async () => [...this.roundsById.values()],
      decisions: async () => [...this.decided.values()],
      memos: async () => [...this.memosById.values()],
      attributes: async () => [...this.attributesById.values()],
      attributeValues: async () => [...this.valuesById.values()],
      relationCodes: async () => [...this.relationCodesById.values()],
      relations: async () => [...this.relationsById.values()],
      relationsOfThread: async (id) => [...this.relationsById.values()].filter((r) => r.threadId === id),
      allCodings: async () => [...this.codings.values()],
      codersWithCodings: async () => new Set([...this.codings.values()].map((c) => c.coderId)),
      codingsByIds: async (ids) => new Map(ids.flatMap((id) => (this.codings.has(id) ? [[id, this.codings.get(id)!] as const] : []))),
      codingsOfCodes: async (ids) => {
        const wanted = new Set(ids);
        return codingsWhere((c) => wanted.has(c.codeId));
      },
      codingsOfCoder: async (id) => codingsWhere((c) => c.coderId === id),
      codingsOfThread: async (id) => codingsWhere((c) => c.threadId === id),
      codingsOfPosts: async (ids) => {
        const wanted = new Set(ids);
        return codingsWhere((c) => wanted.has(c.postId));
      },
      codingCountsOf: async (ids) => {
        const counts = new Map(ids.map((id) => [id, 0]));
        for (const c of this.codings.values()) if (counts.has(c.codeId)) counts.set(c.codeId, counts.get(c.codeId)! + 1);
        return counts;
      },
      codedPostCounts: async () => countCodedPosts(this.codings.values()),
      codingCountsByCode: async () => {
        const counts = new Map<string, number>();
        for (const c of this.codings.values()) counts.set(c.codeId, (counts.get(c.codeId) ?? 0) + 1);
        return counts;
      },
      codingCountsByCodeAndCoder: async () => {
        const counts = new Map<string, Map<string, number>>();
        for (const c of this.codings.values()) {
          let byCoder = counts.get(c.codeId);
          if (!byCoder) counts.set(c.codeId, (byCoder = new Map()));
          byCoder.set(c.coderId, (byCoder.get(c.coderId) ?? 0) + 1);
        }
        return counts;
      },
      posts: async (ids) => {
        const found = new Map<string, Post>();
        for (const id of ids) {
          const post = this.postIndex.get(id);
          if (post) found.set(id, post);
        }
        return found;
      },
      postsOfThread: async (id) => [...(this.postsByThread.get(id) ?? [])],
      allPosts: async () => [...this.postsByThread.keys()].sort().flatMap((id) => this.postsByThread.get(id)!),
      postFacts: async () => [...this.postsByThread.keys()].sort().flatMap((id) => this.postsByThread.get(id)!.map(postFactsOf)),
      storedPlatformIds: async (platforms: readonly Platform[]): Promise<ExistingPosts> => {
        const wanted = new Set<string>(platforms);
        return { hasPost: (platform, platformId) => wanted.has(platform) && (this.platformIndex.get(platform)?.has(platformId) ?? false) };
      },
      locatePosts: async (keys) => {
        const found = new Map<string, StoredPost>();
        for (const key of keys) {
          const cut = key.indexOf('\u0000');
          const post = this.platformIndex.get(key.slice(0, cut))?.get(key.slice(cut + 1));
          if (post) found.set(key, { postId: post.id, threadId: post.threadId });
        }
        return found;
      },
      journal: async () => [...this.entries],
      journalEntry: async (id) => this.entries.find((e) => e.id === id),
      lastSeq: async () => this.entries.at(-1)?.seq ?? 0,
    };
  }

  private addPosts(posts: readonly Post[]): void {
    for (const post of posts) {
      let list = this.postsByThread.get(post.threadId);
      if (!list) this.postsByThread.set(post.threadId, (list = []));
      list.push(post);
      this.postIndex.set(post.id, post);
      if (post.platformId !== null) {
        let ids = this.platformIndex.get(post.platform);
        if (!ids) this.platformIndex.set(post.platform, (ids = new Map()));
        if (!ids.has(post.platformId)) ids.set(post.platformId, post);
      }
    }
  }

  /** Changed posts (a tombstone for a post deleted on its platform) keep their place in reading order. */
  private replacePosts(posts: readonly Post[]): void {
    for (const post of posts) {
      const list = this.postsByThread.get(post.threadId);
      const at = list?.findIndex((p) => p.id === post.id) ?? -1;
      if (!list || at < 0) continue;
      list[at] = post;
      this.postIndex.set(post.id, post);
      const ids = post.platformId === null ? undefined : this.platformIndex.get(post.platform);
      if (ids?.get(post.platformId as string)?.id === post.id) ids.set(post.platformId as string, post);
    }
  }

  private removePosts(posts: readonly Post[]): void {
    const gone = new Set(posts.map((p) => p.id));
    for (const threadId of new Set(posts.map((p) => p.threadId))) {
      const left = (this.postsByThread.get(threadId) ?? []).filter((p) => !gone.has(p.id));
      if (left.length > 0) this.postsByThread.set(threadId, left);
      else this.postsByThread.delete(threadId);
    }
    for (const post of posts) {
      this.postIndex.delete(post.id);
      const ids = this.platformIndex.get(post.platform);
      if (post.platformId !== null && ids?.get(post.platformId)?.id === post.id) ids.delete(post.platformId);
    }
  }

  private commit(changes: ChangeSet, entry: JournalEntry): void {
    for (const { before, after } of rowsOf(changes, 'projects')) this.project = after ?? (before && this.project?.id === before.id ? null : this.project);
    putRows(this.threads, rowsOf(changes, 'threads'));
    const postRows = rowsOf(changes, 'posts');
    this.removePosts(postRows.flatMap((r) => (r.after === null && r.before ? [r.before] : [])));
    this.addPosts(postRows.flatMap((r) => (r.after !== null && r.before === null ? [r.after] : [])));
    this.replacePosts(postRows.flatMap((r) => (r.after !== null && r.before !== null ? [r.after] : [])));
    putRows(this.coders, rowsOf(changes, 'coders'));
    putRows(this.codes, rowsOf(changes, 'codes'));
    putRows(this.codings, rowsOf(changes, 'codings'));
    putRows(this.versions, rowsOf(changes, 'codebookVersions'));
    putRows(this.assigned, rowsOf(changes, 'assignments'));
    putRows(this.roundsById, rowsOf(changes, 'rounds'));
    putRows(this.decided, rowsOf(changes, 'decisions'));
    putRows(this.memosById, rowsOf(changes, 'memos'));
    putRows(this.attributesById, rowsOf(changes, 'attributes'));
    putRows(this.valuesById, rowsOf(changes, 'attributeValues'));
    putRows(this.relationCodesById, rowsOf(changes, 'relationCodes'));
    putRows(this.relationsById, rowsOf(changes, 'relations'));
    this.entries.push(entry);
  }
}

function putRows<T extends { id: string }>(map: Map<string, T>, rows: ReadonlyArray<RowChange<T>>): void {
  for (const { before, after } of rows) {
    if (after) map.set(after.id, after);
    else if (before) map.delete(before.id);
  }
}

/**
 * The search index: our own inverted index rather than MiniSearch or FlexSearch, because search
 * needs what they do not keep — code-point offsets checked against the text, our one word rule
 * (tokens.ts) shared with the check, doc numbers in typed arrays that IndexedDB stores as they are,
 * and threads added or dropped without a rebuild. bench/search.ts measures it. One dictionary of
 * folded words (fold.ts) for the whole index; posts are added a batch of threads at a time, each
 * batch one immutable segment (postings of every word in compressed-row form, doc numbers
 * ascending). Removing a thread only marks its block; the owner rebuilds when too much is removed.
 * Placeholder posts are not indexed: there is nothing of the author's in them.
 *
 * The index keeps the post texts it was built from (to check hits and cut KWIC lines) but does not
 * serialize them: a restored index gets them back with `attachTexts`.
 */
import type { Platform, Post, Thread } from '../../model/records';
import { SegmentBuilder, SpellingTable, type Dictionary, type Segment } from './segment-builder';

/** One thread's posts in the index: a contiguous range of doc numbers. */
export interface ThreadBlock {
  threadId: string;
  platform: Platform;
  /** The first doc number and how many indexed posts (placeholders left out). */
  first: number;
  count: number;
  /** The thread's post count when indexed (placeholders included): the fingerprint. */
  postCount: number;
  removed: boolean;
}

export interface ThreadPosts {
  thread: Pick<Thread, 'id' | 'platform'>;
  /** In reading order; the thread's stored post count is `posts.length`. */
  posts: readonly Post[];
}

/** The structured-clonable form kept in IndexedDB (texts left out). */
export interface SerializedSearchIndex {
  format: 1;
  terms: string[];
  segments: Segment[];
  postIds: string[];
  authors: string[];
  times: Float64Array;
  docBlock: Int32Array;
  blocks: ThreadBlock[];
}

const isPlaceholder = (post: Post): boolean => post.meta.placeholder !== undefined;


export class SearchIndex {
  private dictionary: Dictionary = { terms: [], ids: new Map() };
  /** Spellings seen by any batch, with their word ids: a cache, not serialized. */
  private readonly spellings = new SpellingTable();
  private segments: Segment[] = [];
  private sortedTerms: string[] | null = null;
  /** Per doc number. */
  readonly postIds: string[] = [];
  readonly authors: string[] = [];
  readonly times: number[] = [];
  readonly docBlock: number[] = [];
  readonly texts: (string | undefined)[] = [];
  readonly blocks: ThreadBlock[] = [];
  private blockOf = new Map<string, number>();
  private docOfPost: Map<string, number> | null = null;
  private ordered: ThreadBlock[] | null = null;

  get docCount(): number {
    return this.postIds.length;
  }

  get termCount(): number {
    return this.dictionary.terms.length;
  }

  /** The indexed threads (not removed) and their post counts when indexed. */
  indexedThreads(): Map<string, number> {
    const out = new Map<string, number>();
    for (const b of this.blocks) if (!b.removed) out.set(b.threadId, b.postCount);
    return out;
  }

  /** Share of doc numbers that belong to removed threads (a rebuild is due when large). */
  removedShare(): number {
    let removed = 0;
    for (const b of this.blocks) if (b.removed) removed += b.count;
    return this.docCount === 0 ? 0 : removed / this.docCount;
  }

  /** Adds these threads as one segment. A thread already indexed is replaced. */
  addThreads(batch: readonly ThreadPosts[]): void {
    const docBase = this.docCount;
    const chars = batch.reduce((n, { posts }) => posts.reduce((m, p) => m + p.text.length, n), 0);
    const builder = new SegmentBuilder(this.dictionary, chars, this.spellings);
    for (const { thread, posts } of batch) {
      this.removeThread(thread.id);
      const block: ThreadBlock = { threadId: thread.id, platform: thread.platform, first: this.docCount, count: 0, postCount: posts.length, removed: false };
      const blockIndex = this.blocks.push(block) - 1;
      this.blockOf.set(thread.id, blockIndex);
      for (const post of posts) {
        if (isPlaceholder(post)) continue;
        const doc = this.postIds.push(post.id) - 1;
        this.authors.push(post.author);
        this.times.push(post.createdAt === null ? Number.NaN : Date.parse(post.createdAt));
        this.docBlock.push(blockIndex);
        this.texts.push(post.text);
        block.count++;
        builder.addText(post.text, doc);
      }
    }
    this.docOfPost = null;
    this.ordered = null;
    if (this.docCount === docBase) return;
    this.segments.push(builder.finish());
    this.sortedTerms = null;
  }

  /** Marks a thread's posts as gone; returns whether it was indexed. */
  removeThread(threadId: string): boolean {
    const index = this.blockOf.get(threadId);
    if (index === undefined) return false;
    this.blocks[index]!.removed = true;
    this.blockOf.delete(threadId);
    this.docOfPost = null;
    this.ordered = null;
    return true;
  }

  /** Gives a restored index its texts back, thread by thread; false when the posts differ from the indexed ones. */
  attachTexts(threadId: string, posts: readonly Post[]): boolean {
    const index = this.blockOf.get(threadId);
    if (index === undefined) return false;
    const block = this.blocks[index]!;
    const indexed = posts.filter((p) => !isPlaceholder(p));
    if (posts.length !== block.postCount || indexed.length !== block.count) return false;
    for (let i = 0; i < indexed.length; i++) {
      if (this.postIds[block.first + i] !== indexed[i]!.id) return false;
      this.texts[block.first + i] = indexed[i]!.text;
    }
    return true;
  }

  /** True when every live doc has its text (a restored index after attachTexts). */
  hasAllTexts(): boolean {
    for (const b of this.blocks) {
      if (b.removed) continue;
      for (let d = b.first; d < b.first + b.count; d++) if (this.texts[d] === undefined) return false;
    }
    return true;
  }

  /** The live threads' blocks in reading order (threads by id), kept until threads change. */
  blocksInOrder(): readonly ThreadBlock[] {
    this.ordered ??= this.blocks.filter((b) => !b.removed && b.count > 0).sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0));
    return this.ordered;
  }

  isLive(doc: number): boolean {
    return !this.blocks[this.docBlock[doc]!]!.removed;
  }

  docOf(postId: string): number | undefined {
    if (this.docOfPost === null) {
      this.docOfPost = new Map();
      for (let d = 0; d < this.docCount; d++) if (this.isLive(d)) this.docOfPost.set(this.postIds[d]!, d);
    }
    return this.docOfPost.get(postId);
  }

  /** The docs containing the folded word `key`, ascending. */
  docsOfTerm(key: string): Int32Array {
    const id = this.dictionary.ids.get(key);
    return id === undefined ? new Int32Array(0) : this.docsOfTermIds([id]);
  }

  /** The folded words starting with `prefix`. */
  termsWithPrefix(prefix: string): number[] {
    const sorted = this.sorted();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) ids.push(this.dictionary.ids.get(sorted[i]!)!);
    return ids;
  }

  /** The folded words containing `part` (a regular expression's literal). */
  termsContaining(part: string): number[] {
    const ids: number[] = [];
    for (let t = 0; t < this.dictionary.terms.length; t++) if (this.dictionary.terms[t]!.includes(part)) ids.push(t);
    return ids;
  }

  /** The docs containing any of these words, ascending. */
  docsOfTermIds(ids: readonly number[]): Int32Array {
    if (ids.length === 1) {
      const parts = this.segments.map((s) => (ids[0]! < s.termCount ? s.postings.subarray(s.offsets[ids[0]!]!, s.offsets[ids[0]! + 1]!) : new Int32Array(0)));
      // Segments hold ascending, disjoint doc ranges: concatenation keeps the order.
      return concat(parts);
    }
    const seen = new Uint8Array(this.docCount);
    for (const s of this.segments) {
      for (const id of ids) {
        if (id >= s.termCount) continue;
        for (let i = s.offsets[id]!; i < s.offsets[id + 1]!; i++) seen[s.postings[i]!] = 1;
      }
    }
    return collect(seen);
  }

  serialize(): SerializedSearchIndex {
    return {
      format: 1,
      terms: [...this.dictionary.terms],
      segments: this.segments.map((s) => ({ ...s })),
      postIds: [...this.postIds],
      authors: [...this.authors],
      times: Float64Array.from(this.times),
      docBlock: Int32Array.from(this.docBlock),
      blocks: this.blocks.map((b) => ({ ...b })),
    };
  }

  /** An index from its serialized form, without texts (attachTexts gives them back). */
  static restore(data: SerializedSearchIndex): SearchIndex | null {
    if (data?.format !== 1) return null;
    const index = new SearchIndex();
    index.dictionary.terms = [...data.terms];
    data.terms.forEach((t, i) => index.dictionary.ids.set(t, i));
    index.segments = data.segments.map((s) => ({ ...s }));
    // One push per element: spreading a project's ids as arguments overflows the stack past ~100,000 posts.
    for (const id of data.postIds) index.postIds.push(id);
    for (const author of data.authors) index.authors.push(author);
    for (const t of data.times) index.times.push(t);
    for (const b of data.docBlock) index.docBlock.push(b);
    index.texts.length = data.postIds.length;
    data.blocks.forEach((b, i) => {
      index.blocks.push({ ...b });
      if (!b.removed) index.blockOf.set(b.threadId, i);
    });
    return index;
  }

  /** Sorts the dictionary now (prefix search needs it) rather than on the first prefix query. */
  prepare(): void {
    this.sorted();
    this.blocksInOrder();
  }

  private sorted(): string[] {
    this.sortedTerms ??= [...this.dictionary.terms].sort();
    return this.sortedTerms;
  }
}


function concat(parts: readonly Int32Array[]): Int32Array {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const out = new Int32Array(nonEmpty.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of nonEmpty) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The doc numbers set in `seen`, ascending. */
export function collect(seen: Uint8Array): Int32Array {
  let n = 0;
  for (let d = 0; d < seen.length; d++) n += seen[d]!;
  const out = new Int32Array(n);
  let at = 0;
  for (let d = 0; d < seen.length; d++) if (seen[d]) out[at++] = d;
  return out;
}

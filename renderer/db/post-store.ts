/**
 * Where posts are stored and how they are read back. Every module reads and writes posts through
 * here, never through the tables, so the storage layout is this file's business alone.
 *
 * Layout (migration 0003): a thread's posts in reading order, in pages of up to PAGE_SIZE, one
 * row per page keyed `[threadId+page]`; `threadStats` holds each thread's post count and start.
 * Chromium's IndexedDB costs per request far more than per byte, so an import writes a few
 * hundred page rows instead of a hundred thousand post rows. Posts are immutable after import.
 * Functions that write must run inside a transaction over `postTables(db)` (and whatever else
 * the caller writes).
 *
 * Beside each page, `postFacts` (migration 0010) holds the page's posts' facts (author, platform,
 * time, the values attributes derive from: shared/project/post-facts.ts), written and rewritten
 * with the page, so tables and attributes read a few bytes per post instead of every post.
 */
import { Dexie } from 'dexie';

import type { ExistingPosts, StoredPost } from '@shared/import/assemble-threads';
import type { Platform, Post } from '@shared/model/records';
import { postFactsOf, type PostFacts } from '@shared/project/post-facts';

import type { ThreadmarkDB } from './database';

export const PAGE_SIZE = 500;

/** One page of a thread's posts, in reading order. */
export interface PostPageRow {
  threadId: string;
  page: number;
  posts: Post[];
  /** Multi-entry index: which page holds a post. */
  postIds: string[];
  /** Multi-entry index: `platform\u0000platformId` of the page's platform posts (re-import dedupe). */
  platformKeys: string[];
}

/** The facts of one page's posts, same key, same order (kept in step by every write here). */
export interface PostFactsRow {
  threadId: string;
  page: number;
  facts: PostFacts[];
}

export interface ThreadStatsRow {
  threadId: string;
  postCount: number;
  /** The first dated post's time: when the discussion started. */
  startedAt: string | null;
}

export const platformKey = (platform: Platform | string, platformId: string): string => `${platform}\u0000${platformId}`;

/**
 * The facts table, absent only in a database opened at a schema before 0010 (the upgrade tests
 * write posts at every version); from 0010 on every page write writes its facts too.
 */
const factsTable = (db: ThreadmarkDB): ThreadmarkDB['postFacts'] | undefined => (db.tables.some((t) => t.name === 'postFacts') ? db.postFacts : undefined);

/** The tables a transaction that reads or writes posts must include. */
export const postTables = (db: ThreadmarkDB) => [db.postPages, ...[factsTable(db)].filter((t) => t !== undefined), db.threadStats];

const pagesOfThread = (db: ThreadmarkDB, threadId: string) =>
  db.postPages.where('[threadId+page]').between([threadId, Dexie.minKey], [threadId, Dexie.maxKey]);

function pageRow(threadId: string, page: number, posts: Post[]): PostPageRow {
  return {
    threadId,
    page,
    posts,
    postIds: posts.map((p) => p.id),
    platformKeys: posts.filter((p) => p.platformId !== null).map((p) => platformKey(p.platform, p.platformId as string)),
  };
}

export const factsRow = (page: Pick<PostPageRow, 'threadId' | 'page' | 'posts'>): PostFactsRow => ({ threadId: page.threadId, page: page.page, facts: page.posts.map(postFactsOf) });

/**
 * Adds posts after the ones their threads already have, in the given (reading) order, as new
 * pages; updates the threads' stats.
 */
export async function appendPosts(db: ThreadmarkDB, posts: readonly Post[]): Promise<void> {
  const byThread = new Map<string, Post[]>();
  for (const post of posts) {
    let list = byThread.get(post.threadId);
    if (!list) byThread.set(post.threadId, (list = []));
    list.push(post);
  }
  const threadIds = [...byThread.keys()];
  const [lastPages, stats] = await Promise.all([Promise.all(threadIds.map((t) => pagesOfThread(db, t).last())), db.threadStats.bulkGet(threadIds)]);
  const pages: PostPageRow[] = [];
  const nextStats: ThreadStatsRow[] = [];
  threadIds.forEach((threadId, i) => {
    const list = byThread.get(threadId) as Post[];
    let page = (lastPages[i]?.page ?? -1) + 1;
    for (let at = 0; at < list.length; at += PAGE_SIZE) pages.push(pageRow(threadId, page++, list.slice(at, at + PAGE_SIZE)));
    const before = stats[i];
    nextStats.push({
      threadId,
      postCount: (before?.postCount ?? 0) + list.length,
      startedAt: before?.startedAt ?? list.find((p) => p.createdAt !== null)?.createdAt ?? null,
    });
  });
  await db.postPages.bulkAdd(pages);
  await factsTable(db)?.bulkAdd(pages.map(factsRow));
  await db.threadStats.bulkPut(nextStats);
}

/** A thread's posts in reading order. */
export async function postsOfThreadInOrder(db: ThreadmarkDB, threadId: string): Promise<Post[]> {
  return (await pagesOfThread(db, threadId).toArray()).flatMap((p) => p.posts);
}

/**
 * A thread's first posts in reading order (its first page, PAGE_SIZE at most): enough for the first
 * screen of a thread whose whole read takes seconds (renderer/app/thread-head.ts).
 */
export async function firstPostsOfThread(db: ThreadmarkDB, threadId: string): Promise<Post[]> {
  return (await pagesOfThread(db, threadId).first())?.posts ?? [];
}

/**
 * Pages per request when reading every page. One request for all of them (a backup of a million
 * posts) held Chromium's IndexedDB for minutes: the window's reads queued behind it (opening a
 * thread waited two minutes). In bounded requests, others' requests are answered in between.
 */
const PAGES_PER_READ = 40;

/** Every post, thread by thread (threads in key order), each thread in reading order. */
export async function allPosts(db: ThreadmarkDB, pagesPerRead = PAGES_PER_READ): Promise<Post[]> {
  const posts: Post[] = [];
  let pages = await db.postPages.orderBy(':id').limit(pagesPerRead).toArray();
  for (;;) {
    for (const page of pages) for (const post of page.posts) posts.push(post);
    const last = pages.at(-1);
    if (pages.length < pagesPerRead || !last) return posts;
    pages = await db.postPages.where(':id').above([last.threadId, last.page]).limit(pagesPerRead).toArray();
  }
}

/**
 * One piece of allPosts for a reader that reads in many short transactions (a backup): up to `pages`
 * pages after the page keyed `after` (from the first when null), and the key to continue after
 * (null when these were the last).
 */
export async function postPagesAfter(db: ThreadmarkDB, after: readonly [string, number] | null, pages: number): Promise<{ posts: Post[]; next: [string, number] | null }> {
  const rows = await (after ? db.postPages.where(':id').above(after) : db.postPages.orderBy(':id')).limit(pages).toArray();
  const last = rows.at(-1);
  return { posts: rows.flatMap((page) => page.posts), next: rows.length === pages && last ? [last.threadId, last.page] : null };
}

/** Every post's facts in allPosts' order, read from the facts pages (no post is read). */
export async function allPostFacts(db: ThreadmarkDB): Promise<PostFacts[]> {
  return (await db.postFacts.toArray()).flatMap((p) => p.facts);
}

export async function getPost(db: ThreadmarkDB, id: string): Promise<Post | undefined> {
  const page = await db.postPages.where('postIds').equals(id).first();
  return page?.posts.find((p) => p.id === id);
}

/** Above this many ids, reading every page once beats one index lookup per id. */
const LOOKUPS_BEFORE_FULL_READ = 200;

/** The stored posts among `ids`, by id (absent ids are missing from the map). */
export async function getPosts(db: ThreadmarkDB, ids: readonly string[]): Promise<Map<string, Post>> {
  const wanted = new Set(ids);
  const found = new Map<string, Post>();
  if (wanted.size === 0) return found;
  const pages =
    wanted.size > LOOKUPS_BEFORE_FULL_READ
      ? await db.postPages.toArray()
      : (await Promise.all([...wanted].map((id) => db.postPages.where('postIds').equals(id).first()))).filter((p) => p !== undefined);
  for (const page of pages) for (const post of page.posts) if (wanted.has(post.id)) found.set(post.id, post);
  return found;
}

/** Each thread's post count and start time. */
export async function threadStats(db: ThreadmarkDB): Promise<Map<string, ThreadStatsRow>> {
  return new Map((await db.threadStats.toArray()).map((s) => [s.threadId, s]));
}

/** Which (platform, platform id) pairs are stored, read from index keys only (no posts). */
export async function storedPlatformIds(db: ThreadmarkDB, platforms: readonly Platform[]): Promise<ExistingPosts> {
  const keys = new Set<string>();
  await Promise.all(
    platforms.map(async (platform) => {
      const found = await db.postPages.where('platformKeys').startsWith(`${platform}\u0000`).keys();
      for (const key of found) keys.add(String(key));
    }),
  );
  return { hasPost: (platform, platformId) => keys.has(platformKey(platform, platformId)) };
}

/** Where each of these stored platform posts is (keys from platformKey); absent keys are not stored. */
export async function locatePosts(db: ThreadmarkDB, keys: readonly string[]): Promise<Map<string, StoredPost>> {
  const found = new Map<string, StoredPost>();
  const pages = await Promise.all(keys.map((key) => db.postPages.where('platformKeys').equals(key).first()));
  keys.forEach((key, i) => {
    const post = pages[i]?.posts.find((p) => p.platformId !== null && platformKey(p.platform, p.platformId) === key);
    if (post) found.set(key, { postId: post.id, threadId: post.threadId });
  });
  return found;
}

/**
 * Removes these posts (undoing an import): each page holding one is rewritten without it (an emptied
 * page is deleted) and the threads' stats are recounted. Remaining posts keep their reading order.
 */
export async function removePosts(db: ThreadmarkDB, posts: readonly Post[]): Promise<void> {
  if (posts.length === 0) return;
  const gone = new Set(posts.map((p) => p.id));
  const threadIds = [...new Set(posts.map((p) => p.threadId))];
  for (const threadId of threadIds) {
    const pages = await pagesOfThread(db, threadId).toArray();
    const kept: PostPageRow[] = [];
    const emptied: Array<[string, number]> = [];
    for (const page of pages) {
      if (!page.postIds.some((id) => gone.has(id))) continue;
      const left = page.posts.filter((p) => !gone.has(p.id));
      if (left.length === 0) emptied.push([threadId, page.page]);
      else kept.push(pageRow(threadId, page.page, left));
    }
    await db.postPages.bulkDelete(emptied);
    await factsTable(db)?.bulkDelete(emptied);
    await db.postPages.bulkPut(kept);
    await factsTable(db)?.bulkPut(kept.map(factsRow));
    const remaining = (await pagesOfThread(db, threadId).toArray()).flatMap((p) => p.posts);
    if (remaining.length === 0) await db.threadStats.delete(threadId);
    else await db.threadStats.put({ threadId, postCount: remaining.length, startedAt: remaining.find((p) => p.createdAt !== null)?.createdAt ?? null });
  }
}

/**
 * Writes changed posts over the stored ones in place (a tombstone for a post deleted on its
 * platform): each page holding one is rewritten with the same order; stats do not change.
 */
export async function replacePosts(db: ThreadmarkDB, posts: readonly Post[]): Promise<void> {
  if (posts.length === 0) return;
  const changed = new Map(posts.map((p) => [p.id, p]));
  for (const threadId of new Set(posts.map((p) => p.threadId))) {
    const pages = await pagesOfThread(db, threadId).toArray();
    const rewritten = pages.filter((page) => page.postIds.some((id) => changed.has(id))).map((page) => pageRow(threadId, page.page, page.posts.map((p) => changed.get(p.id) ?? p)));
    await db.postPages.bulkPut(rewritten);
    await factsTable(db)?.bulkPut(rewritten.map(factsRow));
  }
}

import type { Table } from 'dexie';

import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleCoding } from '@shared/bundle/bundle';
import type { Code, CodebookChange, CodebookVersion, Coding, Post } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';
import type { Clock } from '@shared/util/clock';

import { codesInTreeOrder } from './code-tree';
import type { ThreadmarkDB } from './database';
import { byImportThenId, byPosition, compareStrings } from './ordering';
import { allPosts, appendPosts, getPosts, postTables } from './post-store';

export interface ImportCounts {
  threads: number;
  posts: number;
  codes: number;
  coders: number;
  codings: number;
  codebookChanges: number;
  codebookVersions: number;
}

export interface ImportSummary {
  added: ImportCounts;
  skipped: ImportCounts;
}

const allTables = (db: ThreadmarkDB) =>
  [db.projects, db.threads, ...postTables(db), db.codes, db.coders, db.codings, db.codebookChanges, db.codebookVersions] as const;

function toBundleCoding(coding: Coding): BundleCoding {
  const { threadId, ...rest } = coding;
  void threadId;
  return rest;
}

/**
 * Everything in the database as a bundle, read in one transaction (a consistent snapshot), in a
 * stable order: threads by import time then id, each thread's posts in reading order, codes in
 * tree order, coders by name, codings by post order then start, end, id, the codebook's change log
 * by time then id, its versions by creation time then id. Records whose parent record is missing
 * are still written (last), never dropped.
 */
export async function exportBundle(
  db: ThreadmarkDB,
  deps: { clock: Clock; app: { name: string; version: string } },
): Promise<Bundle> {
  const exportedAt = deps.clock.now();
  return db.transaction('r', allTables(db), async () => {
    const [project, threads, postRows, codes, coders, codings, changes, versions] = await Promise.all([
      db.projects.toCollection().first(),
      db.threads.toArray(),
      allPosts(db),
      db.codes.toArray(),
      db.coders.toArray(),
      db.codings.toArray(),
      db.codebookChanges.toArray(),
      db.codebookVersions.toArray(),
    ]);
    if (!project) throw new Error('Nothing to export: the database holds no project.');

    threads.sort(byImportThenId);
    const threadRank = new Map(threads.map((t, i) => [t.id, i]));
    const rankOfThread = (id: string): number => threadRank.get(id) ?? threads.length;
    // Stable: each thread's posts keep their reading order.
    postRows.sort((a, b) => rankOfThread(a.threadId) - rankOfThread(b.threadId) || compareStrings(a.threadId, b.threadId));
    const postRank = new Map(postRows.map((p, i) => [p.id, i]));
    const rankOfPost = (id: string): number => postRank.get(id) ?? postRows.length;
    codings.sort(
      (a, b) =>
        rankOfPost(a.postId) - rankOfPost(b.postId) ||
        compareStrings(a.postId, b.postId) ||
        byPosition(a, b),
    );
    coders.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
    changes.sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id));
    versions.sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id));

    return {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      exportedAt,
      app: { name: deps.app.name, version: deps.app.version },
      project,
      threads,
      posts: postRows,
      codes: codesInTreeOrder(codes),
      coders,
      codings: codings.map(toBundleCoding),
      codebookChanges: changes,
      codebookVersions: versions,
    };
  });
}

/** The records whose id is not stored yet (all of them when the table is empty). */
async function notStored<T extends { id: string }>(table: Table<T, string>, records: readonly T[]): Promise<T[]> {
  if (records.length === 0 || (await table.count()) === 0) return [...records];
  const found = await table.bulkGet(records.map((r) => r.id));
  return records.filter((_, i) => found[i] === undefined);
}

/**
 * Writes a validated bundle in ONE transaction over every table: all or nothing. Records whose id
 * already exists are skipped and counted; stored data is never overwritten (`bulkAdd`, whose
 * failure aborts the whole transaction). The project is written only into a database without one.
 * New posts of a thread get reading positions after the ones it already has. An added code whose
 * shortcut key a stored code already has loses it (keys stay unique). The codebook's change log
 * and versions are added like any record. Only Dexie is awaited inside the transaction
 * (reliability.md §2.2).
 */
export async function importBundle(db: ThreadmarkDB, bundle: Bundle): Promise<ImportSummary> {
  const bundlePosts = new Map(bundle.posts.map((p) => [p.id, p]));
  const bundleChanges = bundle.codebookChanges ?? [];
  const bundleVersions = bundle.codebookVersions ?? [];
  return db.transaction('rw', allTables(db), async () => {
    const hasProject = (await db.projects.count()) > 0;
    const threads = await notStored(db.threads, bundle.threads);
    const storedPosts = await getPosts(db, bundle.posts.map((p) => p.id));
    const posts = bundle.posts.filter((p) => !storedPosts.has(p.id));
    const codes = withFreeShortcuts(await notStored(db.codes, bundle.codes), await db.codes.toArray());
    const coders = await notStored(db.coders, bundle.coders);
    const codings = await notStored(db.codings, bundle.codings);
    const changes: CodebookChange[] = await notStored(db.codebookChanges, bundleChanges);
    const versions: CodebookVersion[] = await notStored(db.codebookVersions, bundleVersions);

    const codingRows = await withStoredPosts(db, codings, bundlePosts);

    if (!hasProject) await db.projects.add(bundle.project);
    await db.threads.bulkAdd(threads);
    await appendPosts(db, posts);
    await db.codes.bulkAdd(codes);
    await db.coders.bulkAdd(coders);
    await db.codings.bulkAdd(codingRows);
    await db.codebookChanges.bulkAdd(changes);
    await db.codebookVersions.bulkAdd(versions);

    return {
      added: {
        threads: threads.length,
        posts: posts.length,
        codes: codes.length,
        coders: coders.length,
        codings: codings.length,
        codebookChanges: changes.length,
        codebookVersions: versions.length,
      },
      skipped: {
        threads: bundle.threads.length - threads.length,
        posts: bundle.posts.length - posts.length,
        codes: bundle.codes.length - codes.length,
        coders: bundle.coders.length - coders.length,
        codings: bundle.codings.length - codings.length,
        codebookChanges: bundleChanges.length - changes.length,
        codebookVersions: bundleVersions.length - versions.length,
      },
    };
  });
}

/** The stored codebook keeps its shortcut keys; an added code whose key is taken goes without. */
function withFreeShortcuts(adding: readonly Code[], stored: readonly Code[]): Code[] {
  const taken = new Set(stored.map((c) => c.shortcut).filter((k) => k !== null));
  return adding.map((code) => (code.shortcut !== null && taken.has(code.shortcut) ? { ...code, shortcut: null } : code));
}

/**
 * Adds `threadId` from the post each coding will point at (the stored one when its id already
 * existed) and refuses the import if a coding's range or quote does not fit that post's text.
 */
async function withStoredPosts(
  db: ThreadmarkDB,
  codings: readonly BundleCoding[],
  bundlePosts: ReadonlyMap<string, Post>,
): Promise<Coding[]> {
  const postIds = [...new Set(codings.map((c) => c.postId))];
  const stored = await getPosts(db, postIds);
  const target = new Map<string, Post>();
  for (const id of postIds) {
    const post = stored.get(id) ?? bundlePosts.get(id);
    if (post) target.set(id, post);
  }
  return codings.map((coding) => {
    const post = target.get(coding.postId);
    if (!post) throw new Error(`Coding ${coding.id} refers to post ${coding.postId}, which is in neither the bundle nor the database.`);
    const fits =
      Number.isSafeInteger(coding.start) &&
      Number.isSafeInteger(coding.end) &&
      coding.start >= 0 &&
      coding.start < coding.end &&
      coding.end <= codePointLength(post.text) &&
      sliceCodePoints(post.text, coding.start, coding.end) === coding.quote;
    if (!fits) throw new Error(`Coding ${coding.id}: its range or quote does not match the text of post ${coding.postId}.`);
    return { ...coding, threadId: post.threadId };
  });
}

/** True when no project, thread, post, code, coder, coding or codebook history is stored (settings don't count). */
export async function isDatabaseEmpty(db: ThreadmarkDB): Promise<boolean> {
  return db.transaction('r', allTables(db), async () => {
    const counts = await Promise.all(allTables(db).map((t) => t.count()));
    return counts.every((n) => n === 0);
  });
}

/**
 * The whole project as a bundle, in the one canonical record order both front ends write: threads
 * by import time then id; each thread's posts in reading order; codes in tree order; coders by name
 * then id; codings by their post's place then start, end, id; versions by creation time then id;
 * the journal by seq. Records whose parent is missing are still written (last), never dropped.
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleCoding } from '../../bundle/bundle';
import { codesInTreeOrder } from '../../codebook/code-tree';
import type { Coding } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { ProjectReader } from '../project-store';
import { byImportThenId, byPosition, compareStrings } from '../record-order';
import { redactDeletedPosts } from '../../platform/redact-journal';
import { sortMemosAndAttributes } from './memo-attribute-order';
import { sortRelations } from './relation-order';

export interface BundleHead {
  exportedAt: string;
  app: { name: string; version: string };
}

/** What the bundle is read from: a store's reader, or records read some other way (a backup's pieces). */
export type BundleSource = Pick<ProjectReader, 'project' | 'threads' | 'allPosts' | 'codes' | 'coders' | 'allCodings' | 'versions' | 'assignments' | 'journal' | 'rounds' | 'decisions' | 'memos' | 'attributes' | 'attributeValues' | 'relationCodes' | 'relations'>;

export async function projectBundle(reader: BundleSource, head: BundleHead): Promise<Result<Bundle, Problem>> {
  const [project, threads, posts, codes, coders, codings, versions, assignments, journal, rounds, decisions, memos, attributes, attributeValues, relationCodes, relations] = await Promise.all([
    reader.project(),
    reader.threads(),
    reader.allPosts(),
    reader.codes(),
    reader.coders(),
    reader.allCodings(),
    reader.versions(),
    reader.assignments(),
    reader.journal(),
    reader.rounds(),
    reader.decisions(),
    reader.memos(),
    reader.attributes(),
    reader.attributeValues(),
    reader.relationCodes(),
    reader.relations(),
  ]);
  if (!project) return err({ record: 'project', message: 'nothing to export: the project has no records yet' });

  threads.sort(byImportThenId);
  const threadRank = new Map(threads.map((t, i) => [t.id, i]));
  const rankOfThread = (id: string): number => threadRank.get(id) ?? threads.length;
  // Stable: each thread's posts keep their reading order.
  posts.sort((a, b) => rankOfThread(a.threadId) - rankOfThread(b.threadId) || compareStrings(a.threadId, b.threadId));
  if (codings.length > 0) {
    // Only the coded posts need a rank (a big corpus has far more posts than coded ones).
    const coded = new Set(codings.map((c) => c.postId));
    const postRank = new Map<string, number>();
    posts.forEach((p, i) => {
      if (coded.has(p.id)) postRank.set(p.id, i);
    });
    const rankOfPost = (id: string): number => postRank.get(id) ?? posts.length;
    codings.sort((a, b) => rankOfPost(a.postId) - rankOfPost(b.postId) || compareStrings(a.postId, b.postId) || byPosition(a, b));
  }
  coders.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  versions.sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id));
  journal.sort((a, b) => a.seq - b.seq);
  const coderRank = new Map(coders.map((c, i) => [c.id, i]));
  assignments.sort((a, b) => (coderRank.get(a.coderId) ?? coders.length) - (coderRank.get(b.coderId) ?? coders.length) || compareStrings(a.id, b.id));

  rounds.sort((a, b) => a.number - b.number || compareStrings(a.id, b.id));
  decisions.sort((a, b) => compareStrings(a.id, b.id));
  sortMemosAndAttributes(memos, attributes, attributeValues);
  sortRelations(relationCodes, relations, posts);

  return ok({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: head.exportedAt,
    app: { name: head.app.name, version: head.app.version },
    project,
    threads,
    posts,
    codes: codesInTreeOrder(codes),
    coders,
    codings: codings.map(toBundleCoding),
    codebookVersions: versions,
    assignments,
    ...(rounds.length > 0 ? { rounds } : {}),
    ...(decisions.length > 0 ? { decisions } : {}),
    ...(memos.length > 0 ? { memos } : {}),
    ...(attributes.length > 0 ? { attributes } : {}),
    ...(attributeValues.length > 0 ? { attributeValues } : {}),
    ...(relationCodes.length > 0 ? { relationCodes } : {}),
    ...(relations.length > 0 ? { relations } : {}),
    // A post deleted on its platform: no journal copy of its words leaves the project.
    journal: redactDeletedPosts(journal, posts),
  });
}

function toBundleCoding(coding: Coding): BundleCoding {
  const { threadId, ...rest } = coding;
  void threadId;
  return rest;
}

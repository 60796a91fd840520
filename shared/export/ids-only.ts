/**
 * The ids-only export for publishing a coded dataset where platform terms forbid sharing texts
 * (docs/formats.md, "Ids-only export"): per post its ids, platform, thread, a SHA-256 of its text
 * and its codings as code, coder and code-point offsets. No text, no quote, no author, no URL, no
 * thread title (a title is the opening post's words). A colleague re-collects the posts by id,
 * checks each text's hash, then applies the offsets (ids-only-rehydrate.ts).
 */
import type { Code, Coder, Coding, Post, Project, Thread } from '../model/records';
import { sha256, toHex } from '../privacy/sha256';
import { isDeletedOnPlatform } from '../platform/tombstone';

export const IDS_ONLY_FORMAT = 'threadmark-ids';
export const IDS_ONLY_FORMAT_VERSION = 1;

export interface IdsOnlyCoding {
  codeId: string;
  coderId: string;
  /** Code points, end exclusive, into the post's text as hashed. */
  start: number;
  end: number;
  quoted?: 'verbatim' | 'paraphrased';
}

export interface IdsOnlyPost {
  /** Threadmark's post id (stable within the project). */
  id: string;
  platform: string;
  /** The platform's post id: what a colleague re-collects by; null for posts without one. */
  platformId: string | null;
  threadId: string;
  parentId: string | null;
  /** SHA-256 (hex) of the post's text as UTF-8, after Threadmark's normalization (NFC, LF). */
  textSha256: string;
  codings: IdsOnlyCoding[];
}

export interface IdsOnlyThread {
  id: string;
  platform: string;
  /** The platform's id of the thread's opening post, when it has one. */
  rootPlatformId: string | null;
  instance?: string;
  collectedAt?: string;
}

export interface IdsOnlyFile {
  format: typeof IDS_ONLY_FORMAT;
  formatVersion: typeof IDS_ONLY_FORMAT_VERSION;
  exportedAt: string;
  projectId: string;
  hash: 'sha256-utf8-nfc';
  codes: Array<{ id: string; name: string; parentId: string | null }>;
  coders: Array<{ id: string; name: string }>;
  threads: IdsOnlyThread[];
  posts: IdsOnlyPost[];
}

export interface IdsOnlyInput {
  project: Pick<Project, 'id'>;
  threads: readonly Thread[];
  /** Thread by thread, in reading order. */
  posts: readonly Post[];
  codes: readonly Code[];
  coders: readonly Coder[];
  /** Codings as stored or as in a bundle (no thread id needed). */
  codings: ReadonlyArray<Pick<Coding, 'postId' | 'codeId' | 'coderId' | 'start' | 'end' | 'quoted'>>;
}

const encoder = new TextEncoder();

export const textSha256 = (text: string): string => toHex(sha256(encoder.encode(text)));

/** Placeholders ("post not in this file") have nothing to re-collect; tombstones are deleted on their platform. */
const publishable = (post: Post): boolean => !isDeletedOnPlatform(post) && post.meta.placeholder === undefined;

export function idsOnlyFile(input: IdsOnlyInput, exportedAt: string): IdsOnlyFile {
  const codingsOf = new Map<string, Array<IdsOnlyInput['codings'][number]>>();
  for (const c of input.codings) {
    let list = codingsOf.get(c.postId);
    if (!list) codingsOf.set(c.postId, (list = []));
    list.push(c);
  }
  const posts = input.posts.filter(publishable);
  const postsById = new Map(input.posts.map((p) => [p.id, p]));
  const threadIds = new Set(posts.map((p) => p.threadId));
  return {
    format: IDS_ONLY_FORMAT,
    formatVersion: IDS_ONLY_FORMAT_VERSION,
    exportedAt,
    projectId: input.project.id,
    hash: 'sha256-utf8-nfc',
    codes: input.codes.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId })),
    coders: input.coders.map((c) => ({ id: c.id, name: c.name })),
    threads: input.threads
      .filter((t) => threadIds.has(t.id))
      .map((t) => ({
        id: t.id,
        platform: t.platform,
        rootPlatformId: postsById.get(t.rootPostId)?.platformId ?? null,
        ...(t.instance ? { instance: t.instance } : {}),
        ...(t.collectedAt ? { collectedAt: t.collectedAt } : {}),
      })),
    posts: posts.map((p) => ({
      id: p.id,
      platform: p.platform,
      platformId: p.platformId,
      threadId: p.threadId,
      parentId: p.parentId,
      textSha256: textSha256(p.text),
      codings: (codingsOf.get(p.id) ?? [])
        .slice()
        .sort((a, b) => a.start - b.start || a.end - b.end || (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0) || (a.coderId < b.coderId ? -1 : a.coderId > b.coderId ? 1 : 0))
        .map((c) => ({ codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end, ...(c.quoted ? { quoted: c.quoted } : {}) })),
    })),
  };
}

/** The file as written: JSON, two-space indented, one final newline. */
export const serializeIdsOnly = (file: IdsOnlyFile): string => `${JSON.stringify(file, null, 2)}\n`;

/**
 * What every format parser produces: posts as the platform describes them, before Threadmark
 * gives them ids, rebuilds reply trees and adds placeholders (assemble-threads.ts). Parsers only
 * read; they never invent structure.
 */
import type { Platform, PostMeta } from '../model/records';
import type { Problem } from '../problem/problem';

export interface RawPost {
  platform: Platform;
  /** The platform's id, always a string (Twitter ids exceed 2^53). */
  platformId: string;
  /** The platform id of the post this one answers; null for a thread's opening post. */
  parentPlatformId: string | null;
  /** Groups posts into threads: the platform's conversation / link / root id. */
  threadKey: string;
  /** A title for the thread when this post opens it (Reddit submission title, video id…). */
  threadTitle?: string;
  author: string;
  /** ISO 8601 UTC, or null when the source has none. */
  createdAt: string | null;
  /** Plain text for coding: HTML already turned into text, entities decoded exactly once. */
  text: string;
  url: string | null;
  /** Platform extras shown as post variables (score, likes, language, hashtags…). */
  meta: PostMeta;
  /** Removed or deleted at the source: kept as a tombstone (meta.deleted = true after assembly). */
  deleted?: boolean;
  /**
   * Replies the source knows of but did not include (Reddit `more` stubs): becomes one
   * "N more replies not in this file" placeholder under this post.
   */
  moreReplies?: number;
  /**
   * The source says replies continue elsewhere without counting them (Reddit's "continue this
   * thread" stub has count 0): becomes one "More replies not in this file" placeholder.
   */
  moreRepliesUncounted?: boolean;
  /** Where the record is in its file, so assembly warnings can name it. */
  location?: { line?: number; record?: string };
}

/**
 * Something imported but worth telling (a reply whose parent is missing, a truncated text…): the
 * one Problem, naming file, line (NDJSON, CSV) or record path (`data[3]`), field, and what. A
 * problem that stops an import is a Problem too.
 */
export type ImportWarning = Problem;

export interface ParsedFile {
  format: string;
  posts: RawPost[];
  warnings: ImportWarning[];
}

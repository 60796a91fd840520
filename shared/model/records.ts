/**
 * The records Threadmark stores and writes. Offsets in every record are Unicode code points,
 * end exclusive, and `quote` equals that slice of the post's text (Python's `text[start:end]`).
 * Times are ISO 8601 UTC strings. Ids are strings (UUIDs for ours; platform ids stay strings).
 */

export type Platform =
  | 'threadmark'
  | 'reddit'
  | 'twitter'
  | 'mastodon'
  | 'bluesky'
  | 'youtube'
  | '4cat'
  | 'csv'
  | 'text';

export interface Project {
  id: string;
  name: string;
  createdAt: string;
}

export interface Thread {
  id: string;
  title: string;
  platform: Platform;
  rootPostId: string;
  importedAt: string;
  /** Where the thread came from: a file name, a URL or "demo". */
  source: string;
}

/** A post's platform extras (score, likes, language, deleted…): shown as post variables. */
export type PostMeta = Record<string, string | number | boolean | null>;

export interface Post {
  id: string;
  threadId: string;
  /** null for the thread's root post. */
  parentId: string | null;
  author: string;
  /** ISO 8601 UTC, or null when the source has no time. */
  createdAt: string | null;
  /** Normalized once at import (no BOM, LF line ends, NFC); immutable afterwards. */
  text: string;
  platform: Platform;
  platformId: string | null;
  url: string | null;
  meta: PostMeta;
}

export interface Code {
  /** Stable GUID, kept across every export (REFI-QDA needs it). */
  id: string;
  name: string;
  parentId: string | null;
  /** "#rrggbb" */
  color: string;
  /** One-sentence definition. */
  description: string;
  /** Order among siblings in the codebook panel (ascending). */
  order: number;
}

export interface Coder {
  id: string;
  name: string;
}

export interface Coding {
  id: string;
  postId: string;
  /** Denormalized from the post so a thread's codings load with one indexed query. */
  threadId: string;
  codeId: string;
  coderId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  quote: string;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

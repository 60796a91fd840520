import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Post, Project, Relation, RelationCode, Round, Thread } from '../model/records';
import type { JournalEntry } from '../project/journal-entry';

export const BUNDLE_FORMAT = 'threadmark';
export const BUNDLE_FORMAT_VERSION = 3;
/** Suggested file name ending: `<name>.threadmark.json`. */
export const BUNDLE_EXTENSION = '.threadmark.json';

/** In a bundle a coding's thread is derived from its post, so `threadId` is not written. */
export type BundleCoding = Omit<Coding, 'threadId'>;

/** The project bundle `*.threadmark.json`, format version 3 (docs/formats.md). */
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  exportedAt: string;
  app: { name: string; version: string };
  project: Project;
  threads: Thread[];
  posts: Post[];
  codes: Code[];
  coders: Coder[];
  codings: BundleCoding[];
  // Optional in the type only, so writers that build a bundle without a history (the CLI import)
  // still compile; validateBundle always fills both and serializeBundle always writes both.
  /** The project journal, in order (seq ascending). */
  journal?: JournalEntry[];
  /** Named snapshots of the codebook, oldest first. */
  codebookVersions?: CodebookVersion[];
  /** Which posts each coder codes (absent: every post). */
  assignments?: Assignment[];
  /** The team loop's rounds, in order. */
  rounds?: Round[];
  /** Adjudicated disagreements (the consensus layer's decisions). */
  decisions?: Decision[];
  /** Project, thread, post and code memos (absent when there are none). */
  memos?: Memo[];
  /** User-defined author and thread attributes (absent when there are none). */
  attributes?: Attribute[];
  /** Their values (absent when there are none). */
  attributeValues?: AttributeValue[];
  /** The relation codebook, in order (absent when there is none). */
  relationCodes?: RelationCode[];
  /** Relations between posts or spans of a thread (absent when there are none). */
  relations?: Relation[];
}

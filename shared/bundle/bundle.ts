import type { Code, CodebookChange, CodebookVersion, Coder, Coding, Post, Project, Thread } from '../model/records';

export const BUNDLE_FORMAT = 'threadmark';
export const BUNDLE_FORMAT_VERSION = 2;
/** Suggested file name ending: `<name>.threadmark.json`. */
export const BUNDLE_EXTENSION = '.threadmark.json';

/** In a bundle a coding's thread is derived from its post, so `threadId` is not written. */
export type BundleCoding = Omit<Coding, 'threadId'>;

/** The project bundle `*.threadmark.json`, format version 2 (docs/formats.md). */
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
  // Optional in the type only, so writers that build a bundle without a codebook history (the CLI
  // import) still compile; validateBundle always fills both and serializeBundle always writes both.
  /** The codebook's change log, oldest first. */
  codebookChanges?: CodebookChange[];
  /** Named snapshots of the codebook, oldest first. */
  codebookVersions?: CodebookVersion[];
}

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

/**
 * `updatedAt` (ISO 8601 UTC) is set by the application core on every record it writes; records
 * stored before the project journal existed have none. Posts are immutable and carry none.
 */
export interface Project {
  id: string;
  name: string;
  createdAt: string;
  /**
   * Set in a project opened from a blind coder package: the project is that coder's, holds only
   * their layer, and codes under the package's codebook version (docs/team-loop.md).
   */
  package?: CoderPackageRef;
  /** The terms of each platform or instance the data comes from (docs/formats.md, "Platform terms"); threads inherit them. */
  platformTerms?: PlatformTerms[];
  /** "YYYY-MM-DD": when the dataset must be deleted or re-checked (a reminder shows from that day). */
  expiresAt?: string;
  /** Each "Apply platform deletions…" run, with its counts, oldest first: kept for reporting. */
  deletionLog?: DeletionLogRecord[];
  /**
   * The project's secret (hex) that aliases are derived from (shared/privacy/aliases.ts): made
   * when the project is created, kept in full bundles, never in a shareable or pseudonymised one.
   */
  pseudonymSecret?: string;
  updatedAt?: string;
}

/** The terms that apply to data from one platform ("reddit") or instance ("mastodon.social"). */
export interface PlatformTerms {
  /** A platform name (as Thread.platform) or an instance's host name. */
  key: string;
  /** The researcher's note: what the terms allow, require (deletions, ids only…) or forbid. */
  terms: string;
}

/** One applied deletion list: what was asked and what it removed, per thread. */
export interface DeletionLogRecord {
  id: string;
  appliedAt: string;
  /** Who applied it (a coder's name at the time). */
  appliedBy: string;
  /** The list named post ids or user ids. */
  listKind: 'posts' | 'users';
  /** Distinct ids on the list. */
  listed: number;
  /** Ids on the list that matched no stored post. */
  unmatched: number;
  posts: number;
  codings: number;
  perThread: Array<{ threadId: string; posts: number; codings: number }>;
}

/** What a blind coder package pins: whose it is, which round, which codebook version. */
export interface CoderPackageRef {
  /** The lead's project the package came from. */
  projectId: string;
  projectName: string;
  roundId: string;
  roundName: string;
  coderId: string;
  coderName: string;
  /** The named codebook version the coder codes under. */
  codebookVersionId: string;
  /** The version of the coder's previous round, when there was one: what changed since is shown on opening. */
  previousCodebookVersionId: string | null;
  /** The lead's instructions for this round. */
  instructions: string;
  /** When the lead prepared the package. */
  preparedAt: string;
  /** The lead's memos on the project and on the package's codes, shown read-only (absent: none). */
  leadMemos?: LeadMemo[];
}

/**
 * A memo of the lead's project carried in a coder package: by someone who codes no post of the
 * round, on the project or a code. Not a Memo of the blind project: read-only there, never returned.
 */
export interface LeadMemo {
  /** A code's id, or the lead's project id for a project memo. */
  target: { kind: 'project' | 'code'; id: string };
  /** Who wrote it (the lead's coder name). */
  by: string;
  text: string;
  updatedAt: string;
}

export interface Thread {
  id: string;
  title: string;
  platform: Platform;
  rootPostId: string;
  importedAt: string;
  /** Where the thread came from: a file name, a URL or "demo". */
  source: string;
  /** When the data was collected from the platform (ISO 8601 UTC), when known. */
  collectedAt?: string;
  /** The tool or file format it was collected with ("4CAT", "zeeschuimer-ndjson"…), when known. */
  collectedWith?: string;
  /** The instance (host name) for federated platforms, e.g. "mastodon.social": picks its terms. */
  instance?: string;
  /** This thread's own terms note; absent: the project's terms for its instance, else its platform. */
  terms?: string;
  /** "YYYY-MM-DD": this thread's expiry, overriding the project's. */
  expiresAt?: string;
  updatedAt?: string;
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
  /**
   * Set when the post was deleted on its platform and removed here (platform-deletions): a tombstone
   * keeping only its ids and place in the reply tree; text and author are empty. ISO 8601 UTC.
   */
  deletedOnPlatform?: string;
}

export interface Code {
  /** Stable GUID, kept across every export (REFI-QDA needs it). */
  id: string;
  name: string;
  parentId: string | null;
  /** "#rrggbb" */
  color: string;
  /** Order among siblings in the codebook panel (ascending). */
  order: number;
  /** What the code means: the definition coders apply. */
  definition: string;
  /** When to apply it (inclusion criteria). */
  inclusion: string;
  /** When not to apply it, and which code to use instead (exclusion criteria). */
  exclusion: string;
  /** Free-text examples, one per entry. */
  examples: string[];
  /** Codings marked as exemplars of this code: shown with their quote. */
  exemplarCodingIds: string[];
  /** One key (a–z or 0–9) that applies the code while reading, or null. */
  shortcut: string | null;
  /** false: a category that only groups codes; nothing can be coded with it. */
  codable: boolean;
  /** Retired codes keep their codings but are no longer offered for coding. */
  retired: boolean;
  updatedAt?: string;
}

/** The structured fields of a code a researcher edits (everything but identity and place). */
export type CodeFields = Pick<Code, 'name' | 'color' | 'definition' | 'inclusion' | 'exclusion' | 'examples' | 'exemplarCodingIds' | 'shortcut' | 'codable' | 'retired'>;

/** Defaults for the structured fields of a code that only has a name (REFI, CSV, v1 bundles). */
export const EMPTY_CODE_FIELDS: Omit<CodeFields, 'name' | 'color'> = {
  definition: '',
  inclusion: '',
  exclusion: '',
  examples: [],
  exemplarCodingIds: [],
  shortcut: null,
  codable: true,
  retired: false,
};

export type CodebookChangeKind = 'add' | 'edit' | 'move' | 'delete' | 'merge' | 'split' | 'import';

/**
 * One entry of the codebook's change log of bundle format 2 and database version 3, read only to
 * become project journal entries (shared/project/journal-from-change-log.ts): who changed which code when, and the code before and
 * after (null before for an added code, null after for a deleted one). One researcher action that
 * touches several codes (a merge, an import) writes one entry per code sharing `operationId`.
 */
export interface CodebookChange {
  id: string;
  operationId: string;
  at: string;
  /** The coder who made the change. */
  coderId: string;
  kind: CodebookChangeKind;
  codeId: string;
  /** A readable sentence: "Renamed “Derailing” to “Derailment”". */
  summary: string;
  before: Code | null;
  after: Code | null;
}

/** A named snapshot of the whole codebook ("v2, sent to coders 12 March"). */
export interface CodebookVersion {
  id: string;
  name: string;
  createdAt: string;
  coderId: string;
  codes: Code[];
  updatedAt?: string;
}

/**
 * Which posts a coder codes. Agreement compares coders only on posts both were assigned; a coder
 * without an assignment is taken to have every post of the project. `source` says where it came
 * from: `file` (the posts a coder's returned file held).
 */
export interface Assignment {
  id: string;
  coderId: string;
  postIds: string[];
  source: string;
  /** The round this assignment belongs to (`source` "round"); absent for a coder file's posts. */
  roundId?: string;
  updatedAt?: string;
}

/** How a round's sample was drawn (shared/team/sample.ts): the same seed draws the same sample. */
export interface SampleSpec {
  /** Posts or whole threads drawn. */
  unit: 'post' | 'thread';
  size: number;
  seed: number;
  /** Each stratum gets its share of the sample (largest remainder), or null for one pool. */
  stratifyBy: 'thread' | 'platform' | null;
}

/**
 * One round of the team loop: which posts which coders code under which codebook version, with the
 * lead's instructions. Its agreement and adjudication are read from the codings of its posts.
 */
export interface Round {
  id: string;
  /** 1, 2, …: the order rounds were started in. */
  number: number;
  name: string;
  createdAt: string;
  codebookVersionId: string;
  coderIds: string[];
  /** Every post the round's coders code, in reading order. */
  postIds: string[];
  /** How the posts were chosen: a drawn sample, or null for threads chosen by hand. */
  sample: SampleSpec | null;
  instructions: string;
  updatedAt?: string;
}

/** The coder layer adjudication writes: one well-known coder, exported like any other. */
export const CONSENSUS_CODER_ID = 'consensus';
export const CONSENSUS_CODER_NAME = 'consensus';

export type DecisionOutcome = 'accept' | 'both' | 'none' | 'adjust' | 'add';

/**
 * One adjudicated disagreement: a code in a post where coders differ. Its consensus codings carry
 * `provenance`; `proposed` marks a majority-rule pre-decision not yet reviewed.
 */
export interface Decision {
  /** `<postId>|<codeId>`: one decision per code and post, whichever round raised it. */
  id: string;
  postId: string;
  codeId: string;
  roundId: string | null;
  outcome: DecisionOutcome;
  /** The coders whose codings were accepted (accept, both). */
  acceptedCoderIds: string[];
  /** The consensus codings this decision made (none: empty). */
  consensusCodingIds: string[];
  memo: string;
  /** Coder id of who decided, and when. */
  decidedBy: string;
  decidedAt: string;
  proposed: boolean;
  updatedAt?: string;
}

export interface Coder {
  id: string;
  name: string;
  updatedAt?: string;
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
  /** The named codebook version the coding was made under (absent: no version was named yet). */
  codebookVersionId?: string;
  /** A consensus coding's origin: absent on a coder's own coding. */
  provenance?: CodingProvenance;
  /** How the coded passage is quoted in a paper (absent: not quoted); the quote report checks verbatim ones. */
  quoted?: QuotedAs;
}

export type QuotedAs = 'verbatim' | 'paraphrased';

export interface CodingProvenance {
  /** The coder codings it was decided from (empty: added by the adjudicator). */
  sourceCodingIds: string[];
  /** Coder id of who decided, and when. */
  decidedBy: string;
  decidedAt: string;
  /** The decision it belongs to. */
  decisionId: string;
}

/** What a memo is about: the whole project, a thread, a post or a code (coding memos stay on Coding.memo). */
export type MemoTargetKind = 'project' | 'thread' | 'post' | 'code';

export interface MemoTarget {
  kind: MemoTargetKind;
  /** The project's, thread's, post's or code's id. */
  id: string;
}

/**
 * A researcher's memo on a project, thread, post or code: one per target and coder (as a coding has
 * one memo), so each coder keeps their own notes; its id is derived from target and coder.
 */
export interface Memo {
  id: string;
  target: MemoTarget;
  coderId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** Who an attribute describes: an author (by author name) or a thread (by id). */
export type AttributeScope = 'author' | 'thread';
export type AttributeType = 'text' | 'number' | 'date';

/** A user-defined variable of authors or threads (cases); platform ones are derived, not stored. */
export interface Attribute {
  id: string;
  scope: AttributeScope;
  name: string;
  type: AttributeType;
  createdAt: string;
  updatedAt?: string;
}

/**
 * One case's value of a user attribute; its id is derived from attribute and subject. `value` is a
 * number for a number attribute, "YYYY-MM-DD" for a date, else text. No record: no value.
 */
export interface AttributeValue {
  id: string;
  attributeId: string;
  /** The author's name or the thread's id. */
  subject: string;
  value: string | number;
  updatedAt?: string;
}

/**
 * A code of the relation codebook: a named, directed relation between two posts or spans of a
 * thread ("deflects to", "equates with", "answers", "quotes"), kept beside the code tree.
 */
export interface RelationCode {
  id: string;
  name: string;
  /** What the relation means: the definition coders apply. */
  definition: string;
  /** "#rrggbb" */
  color: string;
  /** Order in the Relations section (ascending). */
  order: number;
  createdAt: string;
  updatedAt?: string;
}

/**
 * One end of a relation: a whole post, or a span of its text (code points, end exclusive, with the
 * quote of that slice, as a coding has).
 */
export interface RelationEnd {
  postId: string;
  start?: number;
  end?: number;
  quote?: string;
}

/** A coder's relation from one post (or span) to another post (or span) of the same thread. */
export interface Relation {
  id: string;
  relationCodeId: string;
  coderId: string;
  /** The thread both ends are in (denormalized so a thread's relations load by one index). */
  threadId: string;
  from: RelationEnd;
  to: RelationEnd;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

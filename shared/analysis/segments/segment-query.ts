/**
 * What a retrieval of coded segments asks for: the codings of one code (optionally with its
 * sub-codes), optionally combined with a second code, narrowed by filters. The Segments tab, a
 * matrix cell ("open its segments") and `threadmark segments` all build this one shape and hand it
 * to `retrieveSegments` (retrieve-segments.ts). Keep it stable: other features construct it.
 *
 * Codes are named by id here; front ends that take a code path (the CLI) resolve it first
 * (`resolveCodePath`), and an unknown id or path is a Problem, never an empty result.
 */
import type { AttributeCondition } from '../attributes/attribute-filter';

export interface SegmentQuery {
  /** Code A: the rows are codings of this code (and of its sub-codes with `includeSubcodes`). */
  codeId: string;
  /** Also retrieve the codings of every code below `codeId` in the code tree. */
  includeSubcodes: boolean;
  /** A second code B that narrows A's codings; absent: all of A's codings. */
  combine?: SegmentCombination;
  /** Only codings by these coders (coder ids). Absent or empty: every coder. */
  coderIds?: readonly string[];
  /** Only codings in these threads (thread ids). Absent or empty: every thread. */
  threadIds?: readonly string[];
  /** Only codings of posts by these authors (exact author names). Absent or empty: every author. */
  authors?: readonly string[];
  /** Only codings of posts from these platforms. Absent or empty: every platform. */
  platforms?: readonly string[];
  /**
   * Only posts created at or after this time: an ISO 8601 UTC time or a day `YYYY-MM-DD`
   * (its start). Posts without a time are left out when any time filter is set.
   */
  from?: string;
  /** Only posts created before the end of this day / at or before this time (inclusive). */
  to?: string;
  /** Only posts whose `createdAt` falls in this month, `YYYY-MM` (UTC), as the matrices bucket months. */
  month?: string;
  /**
   * Only posts whose author (scope author) or thread (scope thread) has one of the values of each
   * attribute (attribute-filter.ts: text ignoring case, numbers as numbers, "" for no value).
   * Absent or empty: no attribute condition.
   */
  attributes?: readonly AttributeCondition[];
}

/** How code B narrows code A's codings. B's codings are read with the same filters as A's. */
export type SegmentCombination =
  /** A's codings in posts that also hold a B coding. */
  | { kind: 'and-same-post'; codeId: string; includeSubcodes: boolean }
  /** A's codings whose span overlaps a B coding's span (same post, at least one code point shared). */
  | { kind: 'overlap'; codeId: string; includeSubcodes: boolean }
  /** A's codings within `within` code points of a B coding in the same post (gap ≤ within; overlap counts as 0). */
  | { kind: 'near'; codeId: string; includeSubcodes: boolean; within: number }
  /** A's codings in posts that hold no B coding. */
  | { kind: 'not'; codeId: string; includeSubcodes: boolean };

export type SegmentCombinationKind = SegmentCombination['kind'];

export const SEGMENT_COMBINATION_KINDS: readonly SegmentCombinationKind[] = ['and-same-post', 'overlap', 'near', 'not'];

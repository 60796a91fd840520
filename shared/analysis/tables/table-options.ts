import { parseAttributeColumns, type AttributeColumns } from './attribute-columns';

/**
 * What the frequency tables and the co-occurrence matrix can be asked for: the Tables & charts tab
 * and `threadmark table` / `threadmark cooccur` offer exactly these choices.
 */

/** What a code table's columns are: one per thread, author, platform, coder or month. */
export type TableColumnKind = 'thread' | 'author' | 'platform' | 'coder' | 'month';
export const TABLE_COLUMN_KINDS: readonly TableColumnKind[] = ['thread', 'author', 'platform', 'coder', 'month'];

/** A code table's columns: a kind above, or one per value of an attribute (attribute-columns.ts). */
export type TableColumns = TableColumnKind | AttributeColumns;

/**
 * What a cell counts: codings; posts with at least one such coding; or characters (code points)
 * covered, each covered code point of a post counted once however many of the cell's codings cover it.
 */
export type TableCount = 'codings' | 'posts' | 'chars';
export const TABLE_COUNTS: readonly TableCount[] = ['codings', 'posts', 'chars'];

/**
 * The unit two codes co-occur in: `overlap` a post where a coding of one shares at least one code
 * point with a coding of the other; `post` a post holding both; `thread` a thread holding both.
 */
export type CoOccurrenceBy = 'overlap' | 'post' | 'thread';
export const CO_OCCURRENCE_BYS: readonly CoOccurrenceBy[] = ['overlap', 'post', 'thread'];

/** `count`: units where both co-occur; `jaccard`: those over the units holding either. */
export type CoOccurrenceMeasure = 'count' | 'jaccard';
export const CO_OCCURRENCE_MEASURES: readonly CoOccurrenceMeasure[] = ['count', 'jaccard'];

export const COLUMN_KIND_LABELS: Record<TableColumnKind, string> = {
  thread: 'Thread',
  author: 'Author',
  platform: 'Platform',
  coder: 'Coder',
  month: 'Month',
};

/** "Thread", "Author attribute Stance". */
export function columnsLabel(cols: TableColumns): string {
  const attribute = parseAttributeColumns(cols);
  return attribute ? `${attribute.scope === 'author' ? 'Author' : 'Thread'} attribute ${attribute.name}` : COLUMN_KIND_LABELS[cols as TableColumnKind];
}

export const COUNT_LABELS: Record<TableCount, string> = {
  codings: 'Codings',
  posts: 'Posts',
  chars: 'Characters',
};

export const BY_LABELS: Record<CoOccurrenceBy, string> = {
  overlap: 'Overlapping spans',
  post: 'Same post',
  thread: 'Same thread',
};

export const MEASURE_LABELS: Record<CoOccurrenceMeasure, string> = {
  count: 'Count',
  jaccard: 'Jaccard',
};

/** Only codings by these coders (ids); absent or empty: every coder's. */
export type CoderFilter = readonly string[] | undefined;

/** The filter as a predicate on a coding's coder (null: no filter). */
export function coderSet(coderIds: CoderFilter): ReadonlySet<string> | null {
  return coderIds === undefined || coderIds.length === 0 ? null : new Set(coderIds);
}

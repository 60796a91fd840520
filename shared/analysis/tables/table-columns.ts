/**
 * The columns of a code table: which column a coding falls in, and the columns in reading order
 * with their labels. Only columns holding a counted coding are listed, except that months run
 * without gaps from the first to the last (a chart over time needs the empty months too).
 */
import type { Coding } from '../../model/records';
import type { ProjectAttributes } from '../attributes/attributes-of';
import { compareStrings } from '../../project/record-order';
import { attributeColumnKeyer, parseAttributeColumns } from './attribute-columns';
import { monthOf, type TableInput } from './table-input';
import type { TableColumnKind, TableColumns } from './table-options';

/** The month column of posts without a time. */
export const NO_DATE_KEY = '';
export const NO_DATE_LABEL = 'no date';
/** Longer runs of months than this (a stray date in 1970) are listed without filling the gaps. */
const MAX_FILLED_MONTHS = 1200;

export interface TableColumn {
  /** Thread id, author name, platform, coder id, "YYYY-MM" ("" for no date), or an attribute value's key. */
  key: string;
  label: string;
}

const NO_ATTRIBUTES: ProjectAttributes = { author: { scope: 'author', columns: [], cases: [] }, thread: { scope: 'thread', columns: [], cases: [] } };

const collator = new Intl.Collator('en', { numeric: true });

/** The column key of each coding, or undefined when its post is unknown (a column that needs it). */
export function columnKeyer(kind: TableColumns, input: TableInput): (coding: Coding) => string | undefined {
  const attribute = parseAttributeColumns(kind);
  if (attribute) return attributeColumnKeyer(attribute, input.attributes ?? NO_ATTRIBUTES, input.posts).keyOf;
  switch (kind as TableColumnKind) {
    case 'thread':
      return (c) => c.threadId;
    case 'coder':
      return (c) => c.coderId;
    case 'author':
      return (c) => input.posts.get(c.postId)?.author;
    case 'platform':
      return (c) => input.posts.get(c.postId)?.platform;
    case 'month':
      return (c) => {
        const post = input.posts.get(c.postId);
        return post ? ((post.month !== undefined ? post.month : monthOf(post.createdAt)) ?? NO_DATE_KEY) : undefined;
      };
  }
}

/** The columns for these keys, in reading order. */
export function orderColumns(kind: TableColumns, keys: ReadonlySet<string>, input: TableInput): TableColumn[] {
  const attribute = parseAttributeColumns(kind);
  if (attribute) return attributeColumnKeyer(attribute, input.attributes ?? NO_ATTRIBUTES, input.posts).order(keys);
  const byLabel = (columns: TableColumn[]): TableColumn[] => columns.sort((a, b) => collator.compare(a.label, b.label) || compareStrings(a.key, b.key));
  switch (kind as TableColumnKind) {
    case 'thread': {
      const titles = new Map(input.threads.map((t) => [t.id, t.title]));
      return byLabel([...keys].map((key) => ({ key, label: titles.get(key) || key })));
    }
    case 'coder': {
      const names = new Map(input.coders.map((c) => [c.id, c.name]));
      return byLabel([...keys].map((key) => ({ key, label: names.get(key) ?? key })));
    }
    case 'author':
      return byLabel([...keys].map((key) => ({ key, label: key === '' ? '(no author)' : key })));
    case 'platform':
      return byLabel([...keys].map((key) => ({ key, label: key })));
    case 'month':
      return monthColumns(keys);
  }
}

function monthColumns(keys: ReadonlySet<string>): TableColumn[] {
  const months = [...keys].filter((k) => k !== NO_DATE_KEY).sort(compareStrings);
  const filled = fillMonths(months);
  const columns = filled.map((key) => ({ key, label: key }));
  if (keys.has(NO_DATE_KEY)) columns.push({ key: NO_DATE_KEY, label: NO_DATE_LABEL });
  return columns;
}

/** Every month from the first to the last of these sorted "YYYY-MM" keys. */
function fillMonths(months: readonly string[]): string[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const index = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const from = index(first);
  const to = index(last);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to - from >= MAX_FILLED_MONTHS) return [...months];
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

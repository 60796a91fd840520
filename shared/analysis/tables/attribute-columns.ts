/**
 * Attribute columns of a code table ("author-attribute:Stance", "thread-attribute:subreddit"): one
 * column per value of an author's or a thread's attribute, and "(none)" for cases without one.
 * Values group as the attribute filter compares them (attribute-filter.ts: text ignoring case,
 * numbers as numbers), so a cell's query (an attribute condition on its value) retrieves exactly
 * the codings the cell counted. Codings of posts without an author case (no author, placeholders)
 * have no author attributes and are not counted in author-attribute columns.
 */
import type { AttributeScope, Coding } from '../../model/records';
import type { AttributeTable, ProjectAttributes } from '../attributes/attributes-of';
import { compareStrings } from '../../project/record-order';
import type { TableColumn } from './table-columns';
import type { TablePost } from './table-input';

export type AttributeColumns = `author-attribute:${string}` | `thread-attribute:${string}`;

export const NO_VALUE_KEY = '';
export const NO_VALUE_LABEL = '(none)';

export const attributeColumns = (scope: AttributeScope, name: string): AttributeColumns => `${scope}-attribute:${name}`;

/** The scope and attribute name of attribute columns, or null for another kind of columns. */
export function parseAttributeColumns(cols: string): { scope: AttributeScope; name: string } | null {
  const m = /^(author|thread)-attribute:(.+)$/s.exec(cols);
  return m ? { scope: m[1] as AttributeScope, name: m[2]! } : null;
}

/** A value's column key: numbers as written, text and dates lower-cased ("" for no value). */
const keyOfValue = (value: string | number | undefined): string => (value === undefined ? NO_VALUE_KEY : typeof value === 'number' ? String(value) : value.toLowerCase());

interface ValueColumns {
  /** Column key per case subject. */
  keyOf: ReadonlyMap<string, string>;
  /** Label per column key: the value as first spelled (in code-point order of spellings). */
  labelOf: ReadonlyMap<string, string>;
  numeric: boolean;
}

function valueColumns(table: AttributeTable, name: string): ValueColumns {
  const column = table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const keyOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const c of table.cases) {
    const value = column ? c.values[column.name] : undefined;
    const key = keyOfValue(value);
    keyOf.set(c.subject, key);
    const label = value === undefined ? NO_VALUE_LABEL : String(value);
    const seen = labelOf.get(key);
    if (seen === undefined || compareStrings(label, seen) < 0) labelOf.set(key, label);
  }
  return { keyOf, labelOf, numeric: column?.type === 'number' };
}

/** Which column a coding falls in; undefined for a coding whose case is unknown. */
export function attributeColumnKeyer(
  cols: { scope: AttributeScope; name: string },
  attributes: ProjectAttributes,
  posts: ReadonlyMap<string, TablePost>,
): { keyOf: (coding: Coding) => string | undefined; order: (keys: ReadonlySet<string>) => TableColumn[] } {
  const values = valueColumns(attributes[cols.scope], cols.name);
  const keyOf =
    cols.scope === 'thread'
      ? (c: Coding) => values.keyOf.get(c.threadId)
      : (c: Coding) => {
          const author = posts.get(c.postId)?.author;
          return author === undefined ? undefined : values.keyOf.get(author);
        };
  return { keyOf, order: (keys) => orderValueColumns(keys, values) };
}

const collator = new Intl.Collator('en', { numeric: true });

/** Numbers ascending, else by label; "(none)" last. */
function orderValueColumns(keys: ReadonlySet<string>, values: ValueColumns): TableColumn[] {
  const listed = [...keys].filter((k) => k !== NO_VALUE_KEY).map((key) => ({ key, label: values.labelOf.get(key) ?? key }));
  listed.sort((a, b) => (values.numeric ? Number(a.key) - Number(b.key) : 0) || collator.compare(a.label, b.label) || compareStrings(a.key, b.key));
  if (keys.has(NO_VALUE_KEY)) listed.push({ key: NO_VALUE_KEY, label: NO_VALUE_LABEL });
  return listed;
}

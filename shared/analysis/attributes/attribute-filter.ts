/**
 * Attributes narrowing a retrieval: "author.Stance=pro" picks the authors (or threads) whose
 * attribute has that value, and a SegmentQuery's `authors` / `threadIds` become those cases (kept
 * to the ones it already named). The retrieval itself stays as it is: attributes only choose cases.
 * Values compare as shown in the table (text ignoring case, numbers as numbers); `a|b` is either.
 */
import type { AttributeScope } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { SegmentQuery } from '../segments/segment-query';
import type { AttributeTable, ProjectAttributes } from './attributes-of';

export interface AttributeCondition {
  scope: AttributeScope;
  /** The column's name (platform or user attribute). */
  name: string;
  /** Accepted values (any of them). */
  values: string[];
}

const CONDITION = /^(author|thread)\.([^=]+)=(.*)$/s;

export function parseAttributeCondition(text: string): Result<AttributeCondition, string> {
  const m = CONDITION.exec(text.trim());
  if (!m) return err(`"${text}" is not SCOPE.ATTRIBUTE=VALUE (e.g. author.Stance=pro, thread.subreddit=AskHistorians)`);
  return ok({ scope: m[1] as AttributeScope, name: m[2]!.trim(), values: m[3]!.split('|').map((v) => v.trim()) });
}

function sameValue(value: string | number | undefined, wanted: string): boolean {
  if (value === undefined) return wanted === '';
  if (typeof value === 'number') return wanted.trim() !== '' && Number(wanted) === value;
  return value.toLowerCase() === wanted.toLowerCase();
}

/** The subjects (author names or thread ids) whose attribute has one of the values. */
export function casesWhere(table: AttributeTable, condition: AttributeCondition): Result<string[], Problem> {
  const column = table.columns.find((c) => c.name.toLowerCase() === condition.name.toLowerCase());
  if (!column) {
    const known = table.columns.map((c) => c.name).join(', ');
    return err({ field: 'attribute', message: `${condition.scope}s have no attribute “${condition.name}”${known ? ` (they have: ${known})` : ''}` });
  }
  return ok(table.cases.filter((c) => condition.values.some((v) => sameValue(c.values[column.name], v))).map((c) => c.subject));
}

/** The query narrowed to the cases every condition picks (intersected with its own authors / threads). */
export function narrowByAttributes(query: SegmentQuery, tables: ProjectAttributes, conditions: readonly AttributeCondition[]): Result<SegmentQuery, Problem> {
  let authors = query.authors && query.authors.length > 0 ? new Set(query.authors) : null;
  let threads = query.threadIds && query.threadIds.length > 0 ? new Set(query.threadIds) : null;
  for (const condition of conditions) {
    const picked = casesWhere(tables[condition.scope], condition);
    if (!picked.ok) return picked;
    const set = new Set(picked.value);
    if (condition.scope === 'author') authors = new Set(authors === null ? set : [...authors].filter((a) => set.has(a)));
    else threads = new Set(threads === null ? set : [...threads].filter((t) => set.has(t)));
  }
  // No case left: a filter value nobody matches, so nothing can match (never "no filter").
  const none = '\u0000no case matches';
  return ok({
    ...query,
    ...(authors === null ? {} : { authors: authors.size > 0 ? [...authors] : [none] }),
    ...(threads === null ? {} : { threadIds: threads.size > 0 ? [...threads] : [none] }),
  });
}

/** Each case's value of a column as a group label (a matrix axis): "" for no value. */
export function attributeGroups(table: AttributeTable, name: string): Map<string, string> {
  const column = table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return new Map(table.cases.map((c) => [c.subject, column ? String(c.values[column.name] ?? '') : '']));
}

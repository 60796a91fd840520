/** A query's filters in words ("coder: Ada", "thread: Men's rights"), for a report's header. */
import type { SegmentQuery } from './segment-query';

export interface FilterNames {
  coderNames: ReadonlyMap<string, string>;
  threadTitles: ReadonlyMap<string, string>;
}

export function describeSegmentFilters(query: SegmentQuery, names: FilterNames): string[] {
  const out: string[] = [];
  const list = (label: string, values: readonly string[] | undefined, name: (v: string) => string = (v) => v) => {
    if (values && values.length > 0) out.push(`${label}: ${values.map(name).join(', ')}`);
  };
  list('coder', query.coderIds, (id) => names.coderNames.get(id) ?? id);
  list('thread', query.threadIds, (id) => names.threadTitles.get(id) ?? id);
  list('author', query.authors);
  list('platform', query.platforms);
  if (query.from) out.push(`from ${query.from}`);
  if (query.to) out.push(`to ${query.to}`);
  if (query.month) out.push(`month: ${query.month}`);
  for (const a of query.attributes ?? []) out.push(`${a.scope}.${a.name}: ${a.values.map((v) => (v === '' ? '(none)' : v)).join(' or ')}`);
  return out;
}

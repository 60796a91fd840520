/**
 * Every author's and thread's attributes, platform-derived and user-defined, as two case tables:
 * what the Attributes tab shows, `threadmark attributes` prints, the CSV export writes, and what
 * retrieval and matrices filter or group by. One read of the port; the rest is pure.
 */
import type { Attribute, AttributeScope, AttributeType, AttributeValue, Thread } from '../../model/records';
import type { PostFacts } from '../../project/post-facts';
import type { ProjectReader } from '../../project/project-store';
import { byImportThenId, compareStrings } from '../../project/record-order';
import { AUTHOR_PLATFORM_COLUMNS, authorPlatformValues, THREAD_PLATFORM_COLUMNS, threadPlatformValues, type CaseValues, type DerivedColumn } from './platform-attributes';

export interface AttributeColumn {
  name: string;
  type: AttributeType;
  /** `platform`: derived from the corpus, read-only; `user`: defined and edited by researchers. */
  source: 'platform' | 'user';
  /** The user attribute's id (absent for platform ones). */
  attributeId?: string;
}

export interface AttributeCase {
  /** The author's name or the thread's id. */
  subject: string;
  /** What a person reads: the author's name, the thread's title. */
  label: string;
  /** By column name; a column without a value for this case is absent. */
  values: Record<string, string | number>;
}

export interface AttributeTable {
  scope: AttributeScope;
  columns: AttributeColumn[];
  cases: AttributeCase[];
}

export interface ProjectAttributes {
  author: AttributeTable;
  thread: AttributeTable;
}

export async function attributesOf(reader: ProjectReader): Promise<ProjectAttributes> {
  const [threads, posts, attributes, values] = await Promise.all([reader.threads(), reader.postFacts(), reader.attributes(), reader.attributeValues()]);
  return attributeTables(threads, posts, attributes, values);
}

/** The pure part of attributesOf, over plain records; `posts` in allPosts' order (postFactsOf of a bundle's posts works). */
export function attributeTables(threads: readonly Thread[], posts: readonly PostFacts[], attributes: readonly Attribute[], values: readonly AttributeValue[]): ProjectAttributes {
  const postsByThread = new Map<string, PostFacts[]>();
  for (const p of posts) {
    let list = postsByThread.get(p.threadId);
    if (!list) postsByThread.set(p.threadId, (list = []));
    list.push(p);
  }
  const authorDerived = authorPlatformValues(posts);
  const threadDerived = threadPlatformValues(threads, (id) => postsByThread.get(id) ?? []);
  const orderedThreads = [...threads].sort(byImportThenId);
  return {
    author: table('author', AUTHOR_PLATFORM_COLUMNS, authorDerived, [...authorDerived.keys()].sort(compareStrings).map((a) => ({ subject: a, label: a })), attributes, values),
    thread: table('thread', THREAD_PLATFORM_COLUMNS, threadDerived, orderedThreads.map((t) => ({ subject: t.id, label: t.title })), attributes, values),
  };
}

function table(
  scope: AttributeScope,
  derivedColumns: readonly DerivedColumn[],
  derived: ReadonlyMap<string, CaseValues>,
  subjects: ReadonlyArray<{ subject: string; label: string }>,
  attributes: readonly Attribute[],
  values: readonly AttributeValue[],
): AttributeTable {
  const own = attributes.filter((a) => a.scope === scope).sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  const ownIds = new Map(own.map((a) => [a.id, a]));
  const userValues = new Map<string, Map<string, string | number>>();
  for (const v of values) {
    const attribute = ownIds.get(v.attributeId);
    if (!attribute) continue;
    let map = userValues.get(v.subject);
    if (!map) userValues.set(v.subject, (map = new Map()));
    map.set(attribute.name, v.value);
  }
  // A user value for an author no longer in the corpus still shows (their posts may come back).
  const listed = new Set(subjects.map((s) => s.subject));
  const orphans = scope === 'author' ? [...userValues.keys()].filter((s) => !listed.has(s)).sort(compareStrings).map((s) => ({ subject: s, label: s })) : [];
  // Keys in column order (platform, then user attributes as defined), whatever order the store gave.
  const cases = [...subjects, ...orphans].map(({ subject, label }) => {
    const row: Record<string, string | number> = {};
    const platform = derived.get(subject);
    const user = userValues.get(subject);
    for (const { name } of derivedColumns) {
      const value = platform?.get(name);
      if (value !== undefined) row[name] = value;
    }
    for (const { name } of own) {
      const value = user?.get(name);
      if (value !== undefined) row[name] = value;
    }
    return { subject, label, values: row };
  });
  const present = new Set(cases.flatMap((c) => Object.keys(c.values)));
  const columns: AttributeColumn[] = [
    ...derivedColumns.filter((c) => present.has(c.name)).map((c) => ({ name: c.name, type: c.type, source: 'platform' as const })),
    ...own.map((a) => ({ name: a.name, type: a.type, source: 'user' as const, attributeId: a.id })),
  ];
  return { scope, columns, cases };
}

/** One case's value of a column, by name (what a filter or a matrix axis asks). */
export function attributeValueOf(table: AttributeTable, subject: string, column: string): string | number | undefined {
  return table.cases.find((c) => c.subject === subject)?.values[column];
}

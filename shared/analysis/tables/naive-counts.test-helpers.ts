/**
 * The tables' figures computed the slow, obvious way (sets of units and of covered code points),
 * independently of code-table.ts and co-occurrence.ts, to check them against.
 */
import type { Coding } from '../../model/records';
import type { RandomTableProject } from './random-project.test-helpers';
import type { CoOccurrenceBy, TableColumnKind, TableCount } from './table-options';

/** Every code point a coding covers, as "post:offset". */
const points = (c: Coding): string[] => Array.from({ length: c.end - c.start }, (_, i) => `${c.postId}:${c.start + i}`);

export function naiveMeasure(codings: readonly Coding[], count: TableCount): number {
  if (count === 'codings') return codings.length;
  if (count === 'posts') return new Set(codings.map((c) => c.postId)).size;
  return new Set(codings.flatMap(points)).size;
}

export function naiveColumnKey(project: RandomTableProject, kind: TableColumnKind, c: Coding): string {
  const post = project.posts.find((p) => p.id === c.postId)!;
  switch (kind) {
    case 'thread':
      return c.threadId;
    case 'coder':
      return c.coderId;
    case 'author':
      return post.author;
    case 'platform':
      return post.platform;
    case 'month':
      return post.createdAt === null ? '' : new Date(post.createdAt).toISOString().slice(0, 7);
  }
}

export function filteredCodings(project: RandomTableProject, coderIds?: readonly string[]): Coding[] {
  return project.codings.filter((c) => !coderIds || coderIds.length === 0 || coderIds.includes(c.coderId));
}

/** The units (posts or threads) holding a coding of the code. */
export function naiveUnits(codings: readonly Coding[], codeId: string, by: CoOccurrenceBy): Set<string> {
  return new Set(codings.filter((c) => c.codeId === codeId).map((c) => (by === 'thread' ? c.threadId : c.postId)));
}

/** The units where codes a and b co-occur. */
export function naiveTogether(codings: readonly Coding[], a: string, b: string, by: CoOccurrenceBy): Set<string> {
  if (by !== 'overlap') {
    const withB = naiveUnits(codings, b, by);
    return new Set([...naiveUnits(codings, a, by)].filter((u) => withB.has(u)));
  }
  const out = new Set<string>();
  for (const x of codings.filter((c) => c.codeId === a)) {
    const covered = new Set(points(x));
    for (const y of codings.filter((c) => c.codeId === b && c.postId === x.postId)) if (points(y).some((p) => covered.has(p))) out.add(x.postId);
  }
  return out;
}

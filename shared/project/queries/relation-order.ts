/**
 * The canonical order of the relation codebook (by `order`, then name, then id) and of relations
 * (by their `from` post's place in `posts`, its start, then the `to` post's place, its start, id).
 * Sorted in place; `posts` are the project's posts in bundle order.
 */
import type { Post, Relation, RelationCode } from '../../model/records';
import { compareStrings } from '../record-order';

export function sortRelationCodes(codes: RelationCode[]): RelationCode[] {
  return codes.sort((a, b) => a.order - b.order || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}

export function sortRelations(codes: RelationCode[], relations: Relation[], posts: readonly Post[]): void {
  sortRelationCodes(codes);
  if (relations.length === 0) return;
  const wanted = new Set(relations.flatMap((r) => [r.from.postId, r.to.postId]));
  const rank = new Map<string, number>();
  posts.forEach((p, i) => {
    if (wanted.has(p.id)) rank.set(p.id, i);
  });
  const rankOf = (id: string): number => rank.get(id) ?? posts.length;
  relations.sort(
    (a, b) =>
      rankOf(a.from.postId) - rankOf(b.from.postId) ||
      (a.from.start ?? -1) - (b.from.start ?? -1) ||
      rankOf(a.to.postId) - rankOf(b.to.postId) ||
      (a.to.start ?? -1) - (b.to.start ?? -1) ||
      compareStrings(a.id, b.id),
  );
}

/**
 * Relations between posts as W3C Web Annotations with two targets: motivation "linking", the
 * source end first and the target end second (the model keeps a target list's order only as
 * written; Threadmark writes and documents it source → target). A span end is a SpecificResource
 * with a TextQuoteSelector and a TextPositionSelector (code points, as for codings); a whole-post
 * end is the post's IRI. Bodies: the relation code (purpose "tagging", id
 * `urn:threadmark:relation-code:<id>`), the memo (purpose "commenting").
 */
import type { Bundle } from '../bundle/bundle';
import type { Post, RelationEnd } from '../model/records';
import { urnOf } from './exchange-annotation';
import type { JsonObject } from './json-input';
import { quoteContext } from './quote-anchor';

export function relationAnnotations(bundle: Pick<Bundle, 'posts' | 'coders' | 'relationCodes' | 'relations'>, iriOf: (post: Post) => string): JsonObject[] {
  const relations = bundle.relations ?? [];
  if (relations.length === 0) return [];
  const wanted = new Set(relations.flatMap((r) => [r.from.postId, r.to.postId]));
  const posts = new Map(bundle.posts.filter((p) => wanted.has(p.id)).map((p) => [p.id, p]));
  const codes = new Map((bundle.relationCodes ?? []).map((c) => [c.id, c]));
  const coders = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const target = (end: RelationEnd): JsonObject | string | null => {
    const post = posts.get(end.postId);
    if (!post) return null;
    if (end.start === undefined || end.end === undefined) return iriOf(post);
    const { exact, prefix, suffix } = quoteContext(post.text, end.start, end.end);
    return {
      type: 'SpecificResource',
      source: iriOf(post),
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start: end.start, end: end.end },
      ],
    };
  };
  return relations.flatMap((r) => {
    const from = target(r.from);
    const to = target(r.to);
    if (from === null || to === null) return [];
    const body: JsonObject[] = [{ type: 'TextualBody', purpose: 'tagging', id: urnOf('relation-code', r.relationCodeId), value: codes.get(r.relationCodeId)?.name ?? r.relationCodeId }];
    if (r.memo !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: r.memo, format: 'text/plain' });
    return [
      {
        id: urnOf('relation', r.id),
        type: 'Annotation',
        motivation: 'linking',
        creator: { id: urnOf('coder', r.coderId), type: 'Person', name: coders.get(r.coderId) ?? r.coderId },
        created: r.createdAt,
        modified: r.updatedAt,
        body,
        target: [from, to],
      },
    ];
  });
}

/**
 * What each post shows of its relations: one labelled link per relation end in it, "deflects to →
 * Ben’s post" on the source and "← deflects to, from Ana’s post" on the target. Pure, so the
 * thread view builds it once per change of relations.
 */
import type { Post, Relation, RelationCode } from '@shared/model/records';
import { excerpt } from '@shared/project/operations/excerpt';

export interface RelationLink {
  relationId: string;
  direction: 'out' | 'in';
  /** "deflects to → Ben’s post “What about…”" */
  label: string;
  color: string;
  otherPostId: string;
  memo: string;
}

const whose = (post: Post | undefined): string => `${post?.author || 'an anonymous'}’s post`;

export function relationLinks(relations: readonly Relation[], codes: ReadonlyMap<string, RelationCode>, postsById: ReadonlyMap<string, Post>): Map<string, RelationLink[]> {
  const out = new Map<string, RelationLink[]>();
  const push = (postId: string, link: RelationLink) => {
    const list = out.get(postId);
    if (list) list.push(link);
    else out.set(postId, [link]);
  };
  for (const r of relations) {
    const code = codes.get(r.relationCodeId);
    const name = code?.name ?? 'related to';
    const color = code?.color ?? '#666666';
    const fromSpan = r.from.quote === undefined ? '' : ` “${excerpt(r.from.quote, 24)}”`;
    const toSpan = r.to.quote === undefined ? '' : ` “${excerpt(r.to.quote, 24)}”`;
    push(r.from.postId, { relationId: r.id, direction: 'out', label: `${fromSpan ? `${fromSpan.trim()} ` : ''}${name} → ${whose(postsById.get(r.to.postId))}${toSpan}`, color, otherPostId: r.to.postId, memo: r.memo });
    push(r.to.postId, { relationId: r.id, direction: 'in', label: `${toSpan ? `${toSpan.trim()} ` : ''}← ${name}, from ${whose(postsById.get(r.from.postId))}${fromSpan}`, color, otherPostId: r.from.postId, memo: r.memo });
  }
  return out;
}

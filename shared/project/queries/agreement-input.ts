/**
 * What agreement compares, read from a project the same way in the app and the CLI: posts in
 * reading order (threads by import time), placeholders ("[missing]", "[more]") left out, and each
 * post rated by the coders assigned it. A coder without an assignment rated every post; a coder
 * added from a file rated the posts that file held. So a pair of coders is compared only on posts
 * both had, and α over more coders treats a post a coder never had as missing, not as "not coded".
 */
import type { AgreementInput, AgreementPost } from '../../agreement/units/coding-layers';
import { codesInTreeOrder } from '../../codebook/code-tree';
import type { Post } from '../../model/records';
import { codePointLength } from '../../text/offsets';
import type { ProjectReader } from '../project-store';
import { byImportThenId, compareStrings } from '../record-order';

export interface AgreementSourceData {
  input: AgreementInput;
  /** The posts compared, by id (the disagreement panel shows their text). */
  posts: Post[];
  /** Codings per coder id, to offer only coders who coded something. */
  codingCounts: Map<string, number>;
}

export const isPlaceholder = (post: Post): boolean => post.meta.placeholder !== undefined;

export async function agreementSource(reader: ProjectReader): Promise<AgreementSourceData> {
  const [threads, allPosts, codes, coders, codings, assignments] = await Promise.all([
    reader.threads(),
    reader.allPosts(),
    reader.codes(),
    reader.coders(),
    reader.allCodings(),
    reader.assignments(),
  ]);
  threads.sort(byImportThenId);
  const rank = new Map(threads.map((t, i) => [t.id, i]));
  const posts = allPosts
    .filter((p) => !isPlaceholder(p))
    // Stable: each thread keeps its reading order.
    .sort((a, b) => (rank.get(a.threadId) ?? threads.length) - (rank.get(b.threadId) ?? threads.length) || compareStrings(a.threadId, b.threadId));

  const assigned = new Map<string, Set<string>>();
  for (const a of assignments) {
    let set = assigned.get(a.coderId);
    if (!set) assigned.set(a.coderId, (set = new Set()));
    for (const id of a.postIds) set.add(id);
  }
  const everywhere = coders.filter((c) => !assigned.has(c.id)).map((c) => c.id);
  const ratedBy = (postId: string): string[] => [...everywhere, ...[...assigned].filter(([, ids]) => ids.has(postId)).map(([coderId]) => coderId)];

  const codingCounts = new Map<string, number>();
  for (const c of codings) codingCounts.set(c.coderId, (codingCounts.get(c.coderId) ?? 0) + 1);
  const agreementPosts: AgreementPost[] = posts.map((p) => (assigned.size === 0 ? { id: p.id, length: codePointLength(p.text) } : { id: p.id, length: codePointLength(p.text), ratedBy: ratedBy(p.id) }));
  return {
    input: {
      posts: agreementPosts,
      codes: codesInTreeOrder(codes),
      coders: [...coders].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id)).map((c) => ({ id: c.id, name: c.name })),
      codings: codings.map(({ postId, codeId, coderId, start, end }) => ({ postId, codeId, coderId, start, end })),
    },
    posts,
    codingCounts,
  };
}

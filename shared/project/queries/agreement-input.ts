/**
 * What agreement compares, read from a project the same way in the app and the CLI: posts in
 * reading order (threads by import time), placeholders ("[missing]", "[more]") left out, and each
 * post rated by the coders assigned it. A coder without an assignment rated every post; a coder
 * added from a file rated the posts that file held. So a pair of coders is compared only on posts
 * both had, and α over more coders treats a post a coder never had as missing, not as "not coded".
 * The consensus layer is left out (docs/team-loop.md).
 */
import type { AgreementInput, AgreementPost } from '../../agreement/units/coding-layers';
import { codesInTreeOrder } from '../../codebook/code-tree';
import { CONSENSUS_CODER_ID, type Post } from '../../model/records';
import { codePointLength } from '../../text/offsets';
import type { ProjectReader } from '../project-store';
import { compareStrings } from '../record-order';
import { postRaters } from './post-raters';
import { postsInReadingOrder } from './reading-order';

export interface AgreementSourceData {
  input: AgreementInput;
  /** The posts compared, by id (the disagreement panel shows their text). */
  posts: Post[];
  /** Codings per coder id, to offer only coders who coded something. */
  codingCounts: Map<string, number>;
}

/** A placeholder for a post the source left out, or a tombstone of one deleted on its platform: nothing to rate, sample or decide. */
export const isPlaceholder = (post: Post): boolean => post.meta.placeholder !== undefined || post.deletedOnPlatform !== undefined;

export async function agreementSource(reader: ProjectReader): Promise<AgreementSourceData> {
  const [threads, allPosts, codes, storedCoders, storedCodings, assignments] = await Promise.all([
    reader.threads(),
    reader.allPosts(),
    reader.codes(),
    reader.coders(),
    reader.allCodings(),
    reader.assignments(),
  ]);
  const posts = postsInReadingOrder(threads, allPosts.filter((p) => !isPlaceholder(p)));
  // The consensus layer is what coders are compared to settle, not one more rater: counting it
  // would raise every coefficient over "all coders" once decisions exist.
  const coders = storedCoders.filter((c) => c.id !== CONSENSUS_CODER_ID);
  const codings = storedCodings.filter((c) => c.coderId !== CONSENSUS_CODER_ID);
  const raters = postRaters(coders.map((c) => c.id), assignments);

  const codingCounts = new Map<string, number>();
  for (const c of codings) codingCounts.set(c.coderId, (codingCounts.get(c.coderId) ?? 0) + 1);
  const agreementPosts: AgreementPost[] = posts.map((p) => (raters.anyAssigned ? { id: p.id, length: codePointLength(p.text), ratedBy: raters.ratedBy(p.id) } : { id: p.id, length: codePointLength(p.text) }));
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

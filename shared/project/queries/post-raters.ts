/**
 * Who rated (was assigned) each post, read from assignments the one way agreement and adjudication
 * both use: a coder with assignments rated the posts they list (all of their assignments together);
 * a coder without any assignment rated every post.
 */
import type { Assignment } from '../../model/records';

export interface PostRaters {
  /** True when some coder has an assignment (otherwise every coder rated every post). */
  anyAssigned: boolean;
  /** The coders who rated the post: the unassigned ones in the order given, then the assigned ones. */
  ratedBy(postId: string): string[];
}

export function postRaters(coderIds: readonly string[], assignments: readonly Assignment[]): PostRaters {
  const assigned = new Map<string, Set<string>>();
  for (const a of assignments) {
    let set = assigned.get(a.coderId);
    if (!set) assigned.set(a.coderId, (set = new Set()));
    for (const id of a.postIds) set.add(id);
  }
  const everywhere = coderIds.filter((id) => !assigned.has(id));
  const sets = [...assigned];
  return {
    anyAssigned: assigned.size > 0,
    ratedBy: (postId) => {
      const out = [...everywhere];
      for (const [coderId, ids] of sets) if (ids.has(postId)) out.push(coderId);
      return out;
    },
  };
}

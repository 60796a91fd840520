/** Which posts of a reply's chain the context rail shows. Pure, so it is tested without a DOM. */

export interface RailItems<T> {
  /** The chain's first post: the thread's opening post (null when there is no chain). */
  opening: T | null;
  /** Posts between the opening post and `near` left out ("… N more"). */
  hidden: number;
  /** The nearest parents, farthest first; the last one is the post the reply answers. */
  near: T[];
}

/**
 * The opening post, then the `maxNear` nearest parents; what lies between is counted, not shown.
 * `ancestors` runs from the opening post down to the direct parent.
 */
export function railItems<T>(ancestors: readonly T[], maxNear: number): RailItems<T> {
  const [opening, ...rest] = ancestors;
  if (opening === undefined) return { opening: null, hidden: 0, near: [] };
  const near = rest.slice(Math.max(0, rest.length - Math.max(0, maxNear)));
  return { opening, hidden: rest.length - near.length, near };
}

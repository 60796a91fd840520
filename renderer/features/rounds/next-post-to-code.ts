/** A post of a blind package in reading order (thread by thread). */
export interface PackagePost {
  id: string;
  threadId: string;
}

/**
 * The coder's next post without a coding after `afterPostId` in reading order, wrapping around
 * to the start; null when every assigned post has one. A post not in `ordered` (a context post,
 * none focused) starts from the beginning.
 */
export function nextPostToCode(ordered: readonly PackagePost[], coded: ReadonlySet<string>, afterPostId: string | null): PackagePost | null {
  const at = afterPostId === null ? -1 : ordered.findIndex((p) => p.id === afterPostId);
  for (let step = 1; step <= ordered.length; step++) {
    const post = ordered[(at + step) % ordered.length]!;
    if (!coded.has(post.id)) return post;
  }
  return null;
}

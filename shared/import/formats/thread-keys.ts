/**
 * Thread keys for sources without a conversation id (X/Twitter v1.1 and the account archive,
 * Mastodon): each post takes the key of its topmost ancestor in the file (docs/thread-formats.md,
 * "Rebuilding reply trees").
 *
 * Parsers give every post a provisional key first: the platform's conversation id when there is
 * one, else the parent's id for a reply, else the post's own id. Inheriting from the topmost
 * ancestor in the file then yields the conversation root when the chain is complete, and the
 * nearest absent parent when it is not, so two replies to the same missing post share one thread
 * (and one "missing post" placeholder) instead of becoming two threads. A conversation id, where
 * present, is the same on every post of the chain, so inheriting never changes it.
 *
 * It runs over the whole file after the per-record functions (a streaming importer calls it once
 * on the collected posts). Mastodon uses it too; it lives here because this session may only
 * write files named after its platforms.
 */
import type { RawPost } from '../raw-post';

export function inheritRootThreadKeys(posts: readonly RawPost[]): RawPost[] {
  const byId = new Map<string, RawPost>();
  for (const post of posts) if (!byId.has(post.platformId)) byId.set(post.platformId, post);
  const resolved = new Map<string, string>();

  const keyOf = (start: RawPost): string => {
    const known = resolved.get(start.platformId);
    if (known !== undefined) return known;
    // Walk up until a post whose parent is absent (or already resolved); the `seen` set stops a
    // parent cycle in malformed data, which then keeps the key of the post where the cycle closed.
    const chain: RawPost[] = [];
    const seen = new Set<string>();
    let top = start;
    let key: string | undefined;
    for (;;) {
      chain.push(top);
      seen.add(top.platformId);
      const parentId = top.parentPlatformId;
      const parent = parentId === null ? undefined : byId.get(parentId);
      if (parent === undefined || seen.has(parent.platformId)) break;
      key = resolved.get(parent.platformId);
      if (key !== undefined) break;
      top = parent;
    }
    const rootKey = key ?? top.threadKey;
    for (const post of chain) resolved.set(post.platformId, rootKey);
    return rootKey;
  };

  return posts.map((post) => {
    const threadKey = keyOf(post);
    return threadKey === post.threadKey ? post : { ...post, threadKey };
  });
}

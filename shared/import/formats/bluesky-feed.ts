/**
 * Bluesky feeds (docs/thread-formats.md, "Bluesky"): `getAuthorFeed`, `getTimeline`, `getFeed`
 * items (`feedViewPost`: `post`, an optional hydrated `reply.root` / `reply.parent`, an optional
 * `reason`), and `{posts: [postView]}` from `searchPosts` / `getPosts`. A feed is a list, not a
 * thread: its posts group into threads by their own root uris, and the hydrated root and parent
 * join the file so a reply is shown under the post it answers.
 */
import { isImportProblem } from '../import-problem';
import { addPost, nodeKind, unavailablePost, unavailableWarning, type BlueskyOut } from './bluesky-nodes';
import { blueskyPostView } from './bluesky-post-view';
import { inside, isObject, stringOrNull, type RecordWhere } from './json-fields';

export function readFeed(feed: unknown[], where: RecordWhere, out: BlueskyOut): void {
  for (const [i, item] of feed.entries()) {
    const at = inside(where, `feed[${i}]`);
    if (!isObject(item) || !isObject(item.post)) {
      out.problems.add({ ...at, message: 'expected a feed item with "post"' });
      continue;
    }
    const post = blueskyPostView(item.post, inside(at, 'post'));
    // A repost is not a new post: the item shows someone else's post, so who reposted it is kept.
    const by = repostedBy(item.reason);
    addPost(out, by === null || isImportProblem(post) ? post : { ...post, meta: { ...post.meta, repostedBy: by } });
    if (isObject(item.reply)) readReplyContext(item.reply, inside(at, 'reply'), out);
    if (out.problems.full) return;
  }
}

export function readPosts(posts: unknown[], where: RecordWhere, out: BlueskyOut): void {
  for (const [i, view] of posts.entries()) {
    const at = inside(where, `posts[${i}]`);
    if (isObject(view)) addPost(out, blueskyPostView(view, at));
    else out.problems.add({ ...at, message: 'expected a postView' });
    if (out.problems.full) return;
  }
}

function repostedBy(reason: unknown): string | null {
  if (!isObject(reason) || typeof reason.$type !== 'string' || !reason.$type.endsWith('#reasonRepost') || !isObject(reason.by)) return null;
  return stringOrNull(reason.by.handle) ?? stringOrNull(reason.by.did);
}

/** The hydrated `root` and `parent` of a feed reply: posts, or tombstones when unavailable. */
function readReplyContext(reply: Record<string, unknown>, where: RecordWhere, out: BlueskyOut): void {
  const rootUri = isObject(reply.root) ? stringOrNull(reply.root.uri) : null;
  for (const slot of ['root', 'parent'] as const) {
    const node = reply[slot];
    if (!isObject(node)) continue;
    const at = inside(where, slot);
    const kind = nodeKind(node);
    if (kind === 'post') addPost(out, blueskyPostView(node, at));
    else if (kind === 'notFound' || kind === 'blocked') {
      // The root opens its thread (parent null); a missing parent elsewhere has an unknown place.
      if (node.uri === rootUri && rootUri !== null) {
        if (slot === 'root') addPost(out, unavailablePost(node, null, rootUri, at));
      } else out.warnings.push(unavailableWarning(node, at));
    } else out.problems.add({ ...at, message: 'expected a postView, notFoundPost or blockedPost' });
  }
}

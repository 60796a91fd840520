/**
 * `app.bsky.feed.getPostThread` (docs/thread-formats.md, "Bluesky"): `thread` is a threadViewPost
 * whose `parent` chains up towards the root and whose `replies` nest down. Both directions are
 * walked without recursion, so a deep thread (depth goes to 1000) cannot overflow the stack.
 */
import type { RawPost } from '../raw-post';
import { addPost, nodeKind, unavailablePost, unavailableWarning, type BlueskyOut } from './bluesky-nodes';
import { blueskyPostView } from './bluesky-post-view';
import { inside, isObject, type JsonObject, type RecordWhere } from './json-fields';

export function readPostThread(thread: unknown, where: RecordWhere, out: BlueskyOut): void {
  const kind = nodeKind(thread);
  if (kind === 'notFound' || kind === 'blocked') {
    // The requested post itself is gone: nothing says where it stood, and nothing else is here.
    out.warnings.push(unavailableWarning(thread as JsonObject, where));
    return;
  }
  if (kind !== 'thread' || !isObject(thread) || !isObject(thread.post)) {
    out.problems.add({ ...where, message: 'expected a threadViewPost ({post, parent, replies})' });
    return;
  }
  const focal = addPost(out, blueskyPostView(thread.post, inside(where, 'post')));
  if (focal === null) return;
  readParents(thread, focal, where, out);
  readReplies(thread, focal, where, out);
}

/** Up the `parent` chain. An unavailable parent is a root tombstone only when it is the root. */
function readParents(start: JsonObject, focal: RawPost, where: RecordWhere, out: BlueskyOut): void {
  let node = start;
  let child = focal;
  let at = where;
  while (isObject(node.parent)) {
    const parent = node.parent;
    at = inside(at, 'parent');
    const kind = nodeKind(parent);
    if (kind === 'thread' && isObject(parent.post)) {
      const post = addPost(out, blueskyPostView(parent.post, inside(at, 'post')));
      if (post === null) return;
      node = parent;
      child = post;
      continue;
    }
    if (kind === 'notFound' || kind === 'blocked') {
      if (parent.uri === child.threadKey) addPost(out, unavailablePost(parent, null, child.threadKey, at));
      else out.warnings.push(unavailableWarning(parent, at));
      return;
    }
    out.problems.add({ ...at, message: 'expected a threadViewPost, notFoundPost or blockedPost' });
    return;
  }
}

/** Down the `replies` tree, depth first in reading order (a reply, then its replies, then its next sibling). */
function readReplies(start: JsonObject, focal: RawPost, where: RecordWhere, out: BlueskyOut): void {
  const stack: Array<{ reply: unknown; parent: RawPost; at: RecordWhere }> = [];
  const pushReplies = (node: JsonObject, parent: RawPost, at: RecordWhere): void => {
    if (!Array.isArray(node.replies)) return;
    for (let i = node.replies.length - 1; i >= 0; i--) stack.push({ reply: node.replies[i], parent, at: inside(at, `replies[${i}]`) });
  };
  pushReplies(start, focal, where);
  while (stack.length > 0 && !out.problems.full) {
    const { reply, parent, at } = stack.pop() as (typeof stack)[number];
    const kind = nodeKind(reply);
    if (kind === 'thread' && isObject(reply) && isObject(reply.post)) {
      const post = addPost(out, blueskyPostView(reply.post, inside(at, 'post')));
      if (post !== null) pushReplies(reply, post, at);
    } else if ((kind === 'notFound' || kind === 'blocked') && isObject(reply)) {
      addPost(out, unavailablePost(reply, parent.platformId, parent.threadKey, at));
    } else {
      out.problems.add({ ...at, message: 'expected a threadViewPost, notFoundPost or blockedPost' });
    }
  }
}

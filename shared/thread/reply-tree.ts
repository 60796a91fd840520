import type { Post } from '../model/records';

/** A reply tree over a thread's posts, in reading order (each parent before its replies). */
export interface ReplyTree {
  roots: readonly Post[];
  byId: ReadonlyMap<string, Post>;
  childrenOf: ReadonlyMap<string, readonly Post[]>;
  /** Number of replies below each post, at any depth. */
  descendantCount: ReadonlyMap<string, number>;
}

/** One visible line of the thread view. */
export interface TreeRow {
  post: Post;
  depth: number;
  replyCount: number;
  collapsed: boolean;
}

/**
 * Builds the tree from parent pointers. A post whose parent is not among the posts is shown as a
 * root rather than dropped, so no text ever disappears from view. Sibling order is the input order.
 */
export function buildReplyTree(posts: readonly Post[]): ReplyTree {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const childrenOf = new Map<string, Post[]>();
  const roots: Post[] = [];
  for (const post of posts) {
    const parentKnown = post.parentId !== null && post.parentId !== post.id && byId.has(post.parentId);
    if (!parentKnown) {
      roots.push(post);
      continue;
    }
    const siblings = childrenOf.get(post.parentId as string);
    if (siblings) siblings.push(post);
    else childrenOf.set(post.parentId as string, [post]);
  }
  const descendantCount = new Map<string, number>();
  const seen = new Set<string>();
  countDescendants(roots, childrenOf, descendantCount, seen);
  // Posts in a parent cycle are reachable from no root; show the first of each cycle as a root.
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    roots.push(post);
    countDescendants([post], childrenOf, descendantCount, seen);
  }
  return { roots, byId, childrenOf, descendantCount };
}

/** Iterative post-order, so a 10,000-deep chain cannot overflow the stack. */
function countDescendants(
  from: readonly Post[],
  childrenOf: ReadonlyMap<string, readonly Post[]>,
  counts: Map<string, number>,
  seen: Set<string>,
): void {
  // An entry with `children` set is on its way back up: its replies are counted.
  const stack: Array<{ post: Post; children?: readonly Post[] }> = from.map((post) => ({ post }));
  while (stack.length > 0) {
    const top = stack.pop() as { post: Post; children?: readonly Post[] };
    if (top.children) {
      let count = 0;
      for (const child of top.children) count += 1 + (counts.get(child.id) ?? 0);
      counts.set(top.post.id, count);
      continue;
    }
    if (seen.has(top.post.id)) continue;
    seen.add(top.post.id);
    const children = (childrenOf.get(top.post.id) ?? []).filter((c) => !seen.has(c.id));
    stack.push({ post: top.post, children });
    for (const child of children) stack.push({ post: child });
  }
}

/** The rows a reader sees: depth-first, skipping the replies below collapsed posts. */
export function visibleRows(tree: ReplyTree, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Array<{ post: Post; depth: number }> = [];
  for (let i = tree.roots.length - 1; i >= 0; i--) stack.push({ post: tree.roots[i] as Post, depth: 0 });
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { post, depth } = stack.pop() as { post: Post; depth: number };
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    const isCollapsed = collapsed.has(post.id);
    rows.push({ post, depth, replyCount: tree.descendantCount.get(post.id) ?? 0, collapsed: isCollapsed });
    if (isCollapsed) continue;
    const children = tree.childrenOf.get(post.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ post: children[i] as Post, depth: depth + 1 });
  }
  return rows;
}

/** The chain of posts a reply answers, outermost first, excluding the post itself. */
export function ancestorsOf(tree: ReplyTree, postId: string): Post[] {
  const chain: Post[] = [];
  const seen = new Set<string>([postId]);
  let parentId = tree.byId.get(postId)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = tree.byId.get(parentId);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return chain;
}

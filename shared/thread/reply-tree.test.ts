import { describe, expect, it } from 'vitest';

import type { Post } from '../model/records';
import { ancestorsOf, buildReplyTree, visibleRows } from './reply-tree';

const post = (id: string, parentId: string | null): Post => ({
  id,
  threadId: 't',
  parentId,
  author: `author-${id}`,
  createdAt: null,
  text: `text ${id}`,
  platform: 'threadmark',
  platformId: null,
  url: null,
  meta: {},
});

// root ─ a ─ a1 ─ a1x
//      │    └ a2
//      └ b
const posts = [post('root', null), post('a', 'root'), post('a1', 'a'), post('a1x', 'a1'), post('a2', 'a'), post('b', 'root')];

describe('reply tree', () => {
  it('lists posts depth first with their depth and reply counts', () => {
    const rows = visibleRows(buildReplyTree(posts), new Set());
    expect(rows.map((r) => [r.post.id, r.depth, r.replyCount])).toEqual([
      ['root', 0, 5],
      ['a', 1, 3],
      ['a1', 2, 1],
      ['a1x', 3, 0],
      ['a2', 2, 0],
      ['b', 1, 0],
    ]);
  });

  it('hides the replies under a collapsed post but keeps the post itself', () => {
    const rows = visibleRows(buildReplyTree(posts), new Set(['a']));
    expect(rows.map((r) => r.post.id)).toEqual(['root', 'a', 'b']);
    expect(rows[1]?.collapsed).toBe(true);
  });

  it('shows a reply whose parent is missing as a root instead of dropping it', () => {
    const rows = visibleRows(buildReplyTree([post('root', null), post('orphan', 'gone')]), new Set());
    expect(rows.map((r) => [r.post.id, r.depth])).toEqual([
      ['root', 0],
      ['orphan', 0],
    ]);
  });

  it('gives the ancestor chain outermost first', () => {
    const tree = buildReplyTree(posts);
    expect(ancestorsOf(tree, 'a1x').map((p) => p.id)).toEqual(['root', 'a', 'a1']);
    expect(ancestorsOf(tree, 'root')).toEqual([]);
  });

  it('survives a parent cycle without looping', () => {
    const cyclic = [post('x', 'y'), post('y', 'x')];
    const tree = buildReplyTree(cyclic);
    expect(ancestorsOf(tree, 'x').map((p) => p.id)).toEqual(['y']);
    expect(visibleRows(tree, new Set()).map((r) => [r.post.id, r.depth])).toEqual([
      ['x', 0],
      ['y', 1],
    ]);
  });

  it('handles a 20,000-deep chain without overflowing the stack', () => {
    const chain = [post('p0', null)];
    for (let i = 1; i < 20000; i++) chain.push(post(`p${i}`, `p${i - 1}`));
    const rows = visibleRows(buildReplyTree(chain), new Set());
    expect(rows).toHaveLength(20000);
    expect(rows[19999]?.depth).toBe(19999);
    expect(rows[0]?.replyCount).toBe(19999);
  });
});

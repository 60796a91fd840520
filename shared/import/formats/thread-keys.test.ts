import { describe, expect, it } from 'vitest';

import type { RawPost } from '../raw-post';
import { inheritRootThreadKeys } from './thread-keys';

/** A post with the provisional key a parser gives it: the conversation id, else parent, else itself. */
const post = (id: string, parent: string | null, conversation?: string): RawPost => ({
  platform: 'twitter',
  platformId: id,
  parentPlatformId: parent,
  threadKey: conversation ?? parent ?? id,
  author: '',
  createdAt: null,
  text: id,
  url: null,
  meta: {},
});

const keys = (posts: RawPost[]): Record<string, string> =>
  Object.fromEntries(inheritRootThreadKeys(posts).map((p) => [p.platformId, p.threadKey]));

describe('inheritRootThreadKeys', () => {
  it('gives every post of a chain its root, in any input order', () => {
    expect(keys([post('c', 'b'), post('a', null), post('b', 'a')])).toEqual({ a: 'a', b: 'a', c: 'a' });
  });

  it('keys a chain whose root is absent by the nearest absent parent', () => {
    expect(keys([post('b', 'gone'), post('c', 'b'), post('d', 'gone')])).toEqual({ b: 'gone', c: 'gone', d: 'gone' });
  });

  it('never changes a conversation id the platform gave', () => {
    expect(keys([post('b', 'a', 'root'), post('c', 'b', 'root')])).toEqual({ b: 'root', c: 'root' });
  });

  it('stops at a parent cycle', () => {
    const result = keys([post('x', 'y'), post('y', 'x')]);
    expect(Object.keys(result)).toEqual(['x', 'y']);
    expect(result.x).toBe(result.y);
  });

  it('walks a 100,000-post chain without recursion', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => post(`p${i}`, i === 0 ? null : `p${i - 1}`));
    const out = inheritRootThreadKeys(chain.reverse());
    expect(out.every((p) => p.threadKey === 'p0')).toBe(true);
  });

  it('returns unchanged posts as the same objects', () => {
    const root = post('a', null);
    expect(inheritRootThreadKeys([root])[0]).toBe(root);
  });
});

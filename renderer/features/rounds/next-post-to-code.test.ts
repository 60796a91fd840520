import { describe, expect, it } from 'vitest';

import { nextPostToCode } from './next-post-to-code';

const posts = [
  { id: 'a', threadId: 't1' },
  { id: 'b', threadId: 't1' },
  { id: 'c', threadId: 't2' },
];

describe('nextPostToCode', () => {
  it('takes the next uncoded post after the focused one, across threads', () => {
    expect(nextPostToCode(posts, new Set(['b']), 'a')).toEqual({ id: 'c', threadId: 't2' });
  });

  it('wraps around to the start, and starts there when no assigned post is focused', () => {
    expect(nextPostToCode(posts, new Set(['c']), 'c')?.id).toBe('a');
    expect(nextPostToCode(posts, new Set(), 'context-post')?.id).toBe('a');
    expect(nextPostToCode(posts, new Set(), null)?.id).toBe('a');
  });

  it('is null once every post has a coding', () => {
    expect(nextPostToCode(posts, new Set(['a', 'b', 'c']), 'a')).toBeNull();
    expect(nextPostToCode([], new Set(), null)).toBeNull();
  });
});

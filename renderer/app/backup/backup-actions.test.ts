import { describe, expect, it } from 'vitest';

import { backedUpMessage } from './backup-actions';

describe('backedUpMessage', () => {
  it('counts posts and codings in the singular and the plural', () => {
    expect(backedUpMessage({ posts: 57, codings: 1 })).toBe('Backed up and verified: 57 posts, 1 coding.');
    expect(backedUpMessage({ posts: 1, codings: 0 })).toBe('Backed up and verified: 1 post, 0 codings.');
    expect(backedUpMessage({ posts: 100000, codings: 2 })).toBe(`Backed up and verified: ${(100000).toLocaleString()} posts, 2 codings.`);
  });
});

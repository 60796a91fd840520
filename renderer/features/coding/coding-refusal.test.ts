import { describe, expect, it } from 'vitest';

import { isPlaceholderPost, placeholderRefusal } from './coding-refusal';

describe('placeholderRefusal', () => {
  it('refuses "[missing]" and "[more]" placeholders and lets real posts be coded', () => {
    expect(placeholderRefusal({ meta: { placeholder: 'missing', platformId: 'x' } })).toMatch(/missing from the thread/);
    expect(placeholderRefusal({ meta: { placeholder: 'more', count: 3 } })).toMatch(/replies the source did not include/);
    expect(placeholderRefusal({ meta: {} })).toBeNull();
    expect(placeholderRefusal(undefined)).toBeNull();
    expect(isPlaceholderPost({ meta: { deleted: true } })).toBe(false);
  });
});

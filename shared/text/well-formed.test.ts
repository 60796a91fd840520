import { describe, expect, it } from 'vitest';

import { firstUnpairedSurrogate } from './well-formed';

describe('firstUnpairedSurrogate', () => {
  it('accepts well-formed text with emoji, ZWJ sequences and combining marks', () => {
    expect(firstUnpairedSurrogate('I 👩‍👩‍👧 agree, café, e\u0301, 🏳️‍🌈')).toBe(-1);
    expect(firstUnpairedSurrogate('')).toBe(-1);
  });

  it('finds a lone high surrogate, a lone low surrogate and a reversed pair', () => {
    expect(firstUnpairedSurrogate('ab\ud800c')).toBe(2);
    expect(firstUnpairedSurrogate('ab\udc00')).toBe(2);
    expect(firstUnpairedSurrogate('😀\udc00\ud800')).toBe(2);
    expect(firstUnpairedSurrogate('x\ud83d')).toBe(1);
  });
});

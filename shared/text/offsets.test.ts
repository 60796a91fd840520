import { describe, expect, it } from 'vitest';

import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from './offsets';

const GRIN = '😀'; // U+1F600: one code point, two UTF-16 units
const FAMILY = '👩‍👩‍👧'; // woman ZWJ woman ZWJ girl: 5 code points, 8 units
const E_ACUTE = 'e\u0301'; // e + combining acute: 2 code points (not NFC-composed)
const FLAG = '🇫🇷'; // two regional indicators: 2 code points, 4 units

describe('codePointLength', () => {
  it('counts code points the way Python len() does', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength(GRIN)).toBe(1);
    expect(codePointLength(FAMILY)).toBe(5);
    expect(codePointLength(E_ACUTE)).toBe(2);
    expect(codePointLength(FLAG)).toBe(2);
    expect(codePointLength(`a${GRIN}b\n${FAMILY}`)).toBe(9);
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('a\ud800b')).toBe(3);
    expect(codePointLength('\udc00\ud800')).toBe(2);
  });
});

describe('utf16ToCodePoint', () => {
  const text = `a${GRIN}b${FAMILY}c`; // units: a=0, 😀=1..2, b=3, family=4..11, c=12

  it('maps indices on code point boundaries', () => {
    expect(utf16ToCodePoint(text, 0)).toBe(0);
    expect(utf16ToCodePoint(text, 1)).toBe(1);
    expect(utf16ToCodePoint(text, 3)).toBe(2);
    expect(utf16ToCodePoint(text, 4)).toBe(3);
    expect(utf16ToCodePoint(text, 12)).toBe(8);
    expect(utf16ToCodePoint(text, 13)).toBe(9);
  });

  it('rounds an index inside a surrogate pair down to the pair start', () => {
    expect(utf16ToCodePoint(text, 2)).toBe(1);
    expect(utf16ToCodePoint(FLAG, 1)).toBe(0);
    expect(utf16ToCodePoint(FLAG, 3)).toBe(1);
  });

  it('clamps out-of-range indices', () => {
    expect(utf16ToCodePoint(text, -5)).toBe(0);
    expect(utf16ToCodePoint(text, Number.NaN)).toBe(0);
    expect(utf16ToCodePoint(text, 999)).toBe(9);
  });
});

describe('codePointToUtf16', () => {
  it('inverts utf16ToCodePoint on boundaries', () => {
    const text = `x${FAMILY}${E_ACUTE}${FLAG}${GRIN}`;
    for (let unit = 0; unit <= text.length; unit++) {
      const cp = utf16ToCodePoint(text, unit);
      const back = codePointToUtf16(text, cp);
      expect(back).toBeLessThanOrEqual(unit);
      expect(unit - back).toBeLessThanOrEqual(1); // only a mid-pair index moves, by one unit
    }
  });

  it('clamps out-of-range code points', () => {
    expect(codePointToUtf16(GRIN, -1)).toBe(0);
    expect(codePointToUtf16(GRIN, 1)).toBe(2);
    expect(codePointToUtf16(GRIN, 50)).toBe(2);
  });
});

describe('sliceCodePoints', () => {
  it('matches Python slicing on astral characters', () => {
    const text = `I ${GRIN} it`;
    expect(sliceCodePoints(text, 2, 3)).toBe(GRIN);
    expect(sliceCodePoints(text, 4, 6)).toBe('it');
    expect(sliceCodePoints(FAMILY, 0, 5)).toBe(FAMILY);
    expect(sliceCodePoints(FAMILY, 0, 1)).toBe('👩');
    expect(sliceCodePoints(FAMILY, 1, 2)).toBe('\u200d');
    expect(sliceCodePoints(`caf${E_ACUTE}!`, 3, 5)).toBe(E_ACUTE);
    expect(sliceCodePoints(`${FLAG}`, 1, 2)).toBe('🇷');
  });

  it('gives the worked example of docs/formats.md', () => {
    const text = 'Hi 😀 there 👩‍👩‍👧';
    expect([codePointLength(text), text.length]).toEqual([16, 20]);
    expect(sliceCodePoints(text, 5, 10)).toBe('there');
    expect(sliceCodePoints(text, 11, 16)).toBe(FAMILY);
    expect([utf16ToCodePoint(text, 6), utf16ToCodePoint(text, 12), utf16ToCodePoint(text, 20)]).toEqual([5, 11, 16]);
  });

  it('clamps and returns empty for inverted or empty ranges', () => {
    expect(sliceCodePoints('abc', -3, 2)).toBe('ab');
    expect(sliceCodePoints('abc', 1, 99)).toBe('bc');
    expect(sliceCodePoints('abc', 2, 1)).toBe('');
    expect(sliceCodePoints('abc', 5, 9)).toBe('');
  });

  it('agrees with Array.from on a long mixed string', () => {
    const text = `ab${GRIN}\n${FAMILY} ${E_ACUTE}${FLAG}`.repeat(500);
    const points = Array.from(text);
    expect(codePointLength(text)).toBe(points.length);
    for (const [s, e] of [[0, 1], [2, 3], [17, 40], [4000, 4555], [points.length - 3, points.length]] as const) {
      expect(sliceCodePoints(text, s, e)).toBe(points.slice(s, e).join(''));
    }
  });
});

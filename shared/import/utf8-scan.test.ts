import { describe, expect, it } from 'vitest';

import { describeBytes, firstInvalidUtf8, lineOfByte, scanUtf8 } from './utf8-scan';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scanUtf8', () => {
  it('accepts ASCII, 2-, 3- and 4-byte sequences', () => {
    expect(scanUtf8(utf8('a é € 😀 👩‍👩‍👧'))).toEqual({ kind: 'valid' });
  });

  it('names the lead byte of the first bad sequence', () => {
    expect(firstInvalidUtf8(bytes(0x68, 0x69, 0xc3, 0x28))).toBe(2); // "hi" + broken é
    expect(firstInvalidUtf8(bytes(0x61, 0xff))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0); // a lone continuation byte
  });

  it('rejects overlong forms, encoded surrogates and code points past U+10FFFF like TextDecoder', () => {
    const cases = [bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf5, 0x80, 0x80, 0x80)];
    for (const c of cases) {
      expect(firstInvalidUtf8(c)).toBe(0);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(c)).toThrow();
    }
  });

  it('tells a sequence cut off by the range end from a broken one', () => {
    const euro = utf8('€');
    expect(scanUtf8(euro, 0, 2)).toEqual({ kind: 'incomplete', offset: 0 });
    expect(scanUtf8(bytes(0xe2, 0x41))).toEqual({ kind: 'invalid', offset: 0 });
  });

  it('counts lines and formats bytes for messages', () => {
    expect(lineOfByte(utf8('a\nb\nc'), 4)).toBe(3);
    expect(lineOfByte(utf8('abc'), 1)).toBe(1);
    expect(describeBytes(bytes(0xc3, 0x28), 0, 2)).toBe('0xC3 0x28');
  });
});

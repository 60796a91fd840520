// eslint-disable-next-line no-restricted-imports -- test-only: Node's own CRC-32 as the independent check
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../agreement/seeded-random';
import { crc32 } from './crc32';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the published check values', () => {
    // The CRC catalogue's check value for CRC-32/ISO-HDLC, and two widely quoted ones.
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(bytes(''))).toBe(0);
    expect(crc32(bytes('a'))).toBe(0xe8b7be43);
    expect(crc32(bytes('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });

  it('agrees with zlib on random data of every length around the 8-byte steps, and when continued piece by piece', () => {
    const random = mulberry32(7);
    for (let length = 0; length < 80; length++) {
      const data = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(crc32(data)).toBe(zlibCrc32(data));
    }
    const big = Uint8Array.from({ length: 100_003 }, () => Math.floor(random() * 256));
    expect(crc32(big)).toBe(zlibCrc32(big));
    expect(crc32(big.subarray(12_345), crc32(big.subarray(0, 12_345)))).toBe(zlibCrc32(big));
  });
});

import { describe, expect, it } from 'vitest';

import { hmacSha256, sha256, toHex } from './sha256';

const bytes = (s: string) => new TextEncoder().encode(s);

// Digests computed with Node's crypto (createHash / createHmac) for inputs across the 55/56/64-byte
// padding edges, non-ASCII included.
const DIGESTS: Array<[number, string]> = [
  [0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [1, '75ffd91e9de1dcdd5f349e17f877dd3ea559667e1bdbf4c8f3560ca0b81a0b02'],
  [55, 'a037293537c175af1aece8d25e04d0737811b176ed52346168e90847df391240'],
  [56, 'b82869cf9a2c0828143490de6a76dcf66f1535fec4dacf5a9dcda45d724eaf15'],
  [63, '32e30eb95ef9583ef640749cbcee91dfc9f8016cc6b5fadb3992c38f97c3fef0'],
  [64, 'f77e4b80a0069d8c5c8732cd04b94a1887f17a5b3a5cc5e7a10351c8e3f2eaf8'],
  [65, '1f64b73edea291d74ac91e4205e73465e7c86bf0201a7e0ab7699ddce83ff470'],
  [119, 'ca85cf99fac271c7813d32698b4cad46f54b51b1842c4ff1bc907a466758d572'],
  [120, '7a138fa786ae5063ee6ba0e89248417e343e7fc844ee00d7b0b066bf0f24c098'],
  [200, 'fe7e06bf62a1020b6087c2c99b015d8a27e723a36580853b0e9f386c4113d5d9'],
];

describe('sha256 and hmacSha256', () => {
  it('match Node’s crypto on lengths around the block and padding edges', () => {
    for (const [n, digest] of DIGESTS) expect(toHex(sha256(bytes('é'.repeat(n).slice(0, n) + 'x'.repeat(n % 7))))).toBe(digest);
  });

  it('HMAC matches Node’s for short and long keys (RFC 2104: a key over 64 bytes is hashed first)', () => {
    expect(toHex(hmacSha256(bytes('k'), bytes('reddit:spez')))).toBe('9132ea3017cdd447782ca88d8c48c5ae919e8862c38da971ce89047b10ea9fbc');
    expect(toHex(hmacSha256(bytes('a'.repeat(64)), bytes('reddit:spez')))).toBe('f56db1b177c0282f60db38766e0d84e361c25739bd7257bf9ad58f60ac765845');
    expect(toHex(hmacSha256(bytes('b'.repeat(100)), bytes('reddit:spez')))).toBe('442e8bc58de4ce610e66437e17c8eb8c98b384d1131a0dd906a9ba3b49414903');
  });
});

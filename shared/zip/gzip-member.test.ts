// eslint-disable-next-line no-restricted-imports -- test-only: Node's gzip makes members with and without a plain header
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { crc32 } from './crc32';
import { deflatedOfGzipMember } from './gzip-member';
import { deflateRaw, platformDeflate } from './write-zip';

const text = (s: string) => new TextEncoder().encode(s);
const samples = [text('a'), text('Ünïcode 🙂 👩‍👩‍👧\r\n'.repeat(5_000)), new Uint8Array(70_000).map((_, i) => (i * 7919) % 251)];

describe('deflatedOfGzipMember', () => {
  it('gives the raw DEFLATE the platform makes and the CRC-32 of the input', async () => {
    for (const data of samples) {
      const deflated = await platformDeflate(data);
      expect(deflated.crc).toBe(crc32(data));
      expect(Buffer.from(deflated.bytes).equals(Buffer.from(await deflateRaw(data)))).toBe(true);
    }
  });

  it('refuses a member with a name in its header, another length, or no gzip at all', () => {
    const data = text('some text to deflate');
    const named = new Uint8Array(gzipSync(data));
    named[3] = 0x08; // FNAME: a name would follow the 10 bytes
    expect(deflatedOfGzipMember(named, data.length)).toBeNull();
    expect(deflatedOfGzipMember(new Uint8Array(gzipSync(data)), data.length + 1)).toBeNull();
    expect(deflatedOfGzipMember(data, data.length)).toBeNull();
    expect(deflatedOfGzipMember(new Uint8Array(gzipSync(data)), data.length)?.crc).toBe(crc32(data));
  });
});

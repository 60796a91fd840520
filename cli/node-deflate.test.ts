import { inflateRawSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { mulberry32 } from '@shared/agreement/seeded-random';
import { crc32 } from '@shared/zip/crc32';
import { platformDeflate, writeZip } from '@shared/zip/write-zip';

import { nodeDeflateRaw } from './node-deflate';

const random = mulberry32(5);
const INPUTS: Array<[string, Uint8Array]> = [
  ['text', new TextEncoder().encode('<PlainTextSelection guid="x"/>\n👩‍👩‍👧 Ünïcode\n'.repeat(5000))],
  ['noise', Uint8Array.from({ length: 70_000 }, () => Math.floor(random() * 256))],
  ['one byte', Uint8Array.of(42)],
];

describe('nodeDeflateRaw', () => {
  it.each(INPUTS)('gives raw DEFLATE that inflates back, and the CRC-32 of the input (%s)', async (_, data) => {
    const { bytes, crc } = await nodeDeflateRaw(data);
    expect(new Uint8Array(inflateRawSync(bytes))).toEqual(data);
    expect(crc).toBe(crc32(data));
  });

  it('gives the zip the platform CompressionStream gives, byte for byte', async () => {
    const entries = INPUTS.map(([name, data]) => ({ name, data }));
    const at = '2025-05-01T12:00:00.000Z';
    const [viaNode, viaPlatform] = await Promise.all([writeZip(entries, at, nodeDeflateRaw), writeZip(entries, at, platformDeflate)]);
    expect(viaNode.ok && viaPlatform.ok).toBe(true);
    if (viaNode.ok && viaPlatform.ok) expect(viaNode.value).toEqual(viaPlatform.value);
  });
});

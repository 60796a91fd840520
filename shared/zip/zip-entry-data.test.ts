// eslint-disable-next-line no-restricted-imports -- test-only: Node's deflate makes the inputs
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { buildZip, type TestZipEntry } from '../codebook/refi/zip.test-helpers';
import { zipDirectory, type ZipDirectoryEntry } from './zip-directory';
import { inflateRaw, zipEntryData } from './zip-entry-data';

function only(entry: TestZipEntry): { bytes: Uint8Array; entry: ZipDirectoryEntry } {
  const bytes = buildZip([entry]);
  const first = zipDirectory(bytes).next().value;
  if (!first?.ok) throw new Error('no entry');
  return { bytes, entry: first.value };
}

const text = 'Ünïcode 🙂 '.repeat(500);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('zipEntryData', () => {
  it.each(['store', 'deflate'] as const)('reads a %s entry back byte for byte', async (method) => {
    const { bytes, entry } = only({ name: 'a.txt', data: text, method });
    const data = await zipEntryData(bytes, entry);
    expect(data.ok && decode(data.value)).toBe(text);
  });

  it('takes the sizes from the directory when the local header leaves them to a data descriptor (flag bit 3)', async () => {
    const { bytes, entry } = only({ name: 'a.txt', data: text, flags: 0x0808 });
    const view = new DataView(bytes.buffer);
    for (const field of [14, 18, 22]) view.setUint32(field, 0, true); // the local CRC and sizes
    const data = await zipEntryData(bytes, entry);
    expect(data.ok && decode(data.value)).toBe(text);
  });

  it('refuses a wrong CRC, a size that lies either way, and a local header that is missing or disagrees', async () => {
    const read = async (e: TestZipEntry, change?: (bytes: Uint8Array) => void) => {
      const { bytes, entry } = only(e);
      change?.(bytes);
      const data = await zipEntryData(bytes, entry);
      return data.ok ? 'read' : `${data.error.kind}: ${data.error.detail}`;
    };
    expect(await read({ name: 'a', data: text, declaredCrc: 1 })).toBe('corrupt: Invalid CRC32');
    expect(await read({ name: 'a', data: text, declaredCrc: 1, method: 'store' })).toBe('corrupt: Invalid CRC32');
    expect(await read({ name: 'a', data: text, declaredSize: 100 })).toBe('corrupt: Invalid uncompressed size');
    expect(await read({ name: 'a', data: text, declaredSize: 100_000 })).toBe('corrupt: Invalid uncompressed size');
    expect(await read({ name: 'a', data: text, declaredSize: 100, method: 'store' })).toBe('corrupt: Invalid uncompressed size');
    expect(await read({ name: 'a', data: text }, (b) => (b[0] = 0))).toBe('corrupt: a: Local file header not found');
    expect(await read({ name: 'a', data: text }, (b) => (b[8] = 0))).toBe('corrupt: a: the local header and the central directory name different compression methods');
    expect(await read({ name: 'a', data: text }, (b) => (b[6] = b[6]! | 1))).toBe('encrypted: the entry is encrypted');
    expect(await read({ name: 'a', data: text, flags: 0x0801 })).toBe('encrypted: the entry is encrypted');
    expect(await read({ name: 'a', data: text, methodNumber: 99 })).toBe('encrypted: the entry is encrypted');
    expect(await read({ name: 'a', data: text, methodNumber: 12 })).toBe('unsupported: uses compression method 12 (a)');
  });
});

describe('inflateRaw', () => {
  it('refuses a bomb once its output passes the declared size, keeping no more than that', async () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(16 * 1024 * 1024)));
    expect(await inflateRaw(bomb, 1000)).toEqual({ ok: false, error: { kind: 'corrupt', detail: 'Invalid uncompressed size' } });
  });

  it('refuses a stream cut short, and one that is not deflate', async () => {
    const whole = new Uint8Array(deflateRawSync(new TextEncoder().encode(text)));
    const cut = await inflateRaw(whole.subarray(0, whole.length >> 1), text.length * 2);
    expect(cut.ok ? 'read' : cut.error.kind).toBe('corrupt');
    const noise = await inflateRaw(Uint8Array.from({ length: 64 }, (_, i) => (i * 97) & 0xff), 100);
    expect(noise.ok ? 'read' : noise.error.kind).toBe('corrupt');
  });
});

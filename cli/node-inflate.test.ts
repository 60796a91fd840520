import { deflateRawSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { generatedBundle, withMemosAttributesRelations } from '@shared/refi/qdpx.test-helpers';
import { prepareQdpxImport } from '@shared/refi/prepare-qdpx-import';
import { writeQdpx } from '@shared/refi/write-qdpx';
import { zipDirectory } from '@shared/zip/zip-directory';
import { inflateRaw, zipEntryData } from '@shared/zip/zip-entry-data';

import { nodeInflateRaw } from './node-inflate';

const text = new TextEncoder().encode('<PlainTextSelection guid="x"/>\n👩‍👩‍👧 Ünïcode\n'.repeat(5000));
const whole = new Uint8Array(deflateRawSync(text));

async function realQdpx(): Promise<Uint8Array> {
  const written = await writeQdpx(withMemosAttributesRelations(generatedBundle(4, 6)), { origin: 'Threadmark test', positions: 'code-points' });
  if (!written.ok) throw new Error('the .qdpx was not written');
  return written.value;
}

describe('nodeInflateRaw', () => {
  it('gives every entry of a real .qdpx the bytes DecompressionStream gives', async () => {
    const qdpx = await realQdpx();
    let inflated = 0;
    for (const entry of zipDirectory(qdpx)) {
      if (!entry.ok) throw new Error(entry.error.detail);
      if (entry.value.directory) continue;
      const [viaNode, viaPlatform] = [await zipEntryData(qdpx, entry.value, nodeInflateRaw), await zipEntryData(qdpx, entry.value)];
      expect(viaNode.ok).toBe(true);
      expect(viaNode).toEqual(viaPlatform);
      if (entry.value.method === 8) inflated += 1;
    }
    expect(inflated).toBeGreaterThan(1);
  });

  it('imports the .qdpx as the default does', async () => {
    const qdpx = await realQdpx();
    const options = { split: 'source', at: '2025-05-01T12:00:00.000Z', app: { name: 'Threadmark', version: 'test' } } as const;
    const [viaNode, viaPlatform] = [await prepareQdpxImport(qdpx, 'a.qdpx', options, { inflate: nodeInflateRaw }), await prepareQdpxImport(qdpx, 'a.qdpx', options)];
    expect(viaNode.ok).toBe(true);
    expect(viaNode).toEqual(viaPlatform);
  });

  it('refuses a bomb, a size that lies either way, a stream cut short and one that is not deflate, as the default does', async () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(16 * 1024 * 1024)));
    const cases: Array<[string, Uint8Array, number]> = [
      ['bomb', bomb, 1000],
      ['declared smaller', whole, text.length - 1],
      ['declared larger', whole, text.length + 1],
      ['declared empty', whole, 0],
      ['cut short', whole.subarray(0, whole.length >> 1), text.length],
      ['not deflate', Uint8Array.from({ length: 64 }, (_, i) => (i * 97) & 0xff), 100],
      ['nothing', new Uint8Array(0), 10],
    ];
    for (const [name, compressed, size] of cases) {
      const [viaNode, viaPlatform] = [await nodeInflateRaw(compressed, size), await inflateRaw(compressed, size)];
      expect(viaNode.ok, name).toBe(false);
      expect(viaNode, name).toEqual(viaPlatform);
    }
    expect(await nodeInflateRaw(bomb, 1000)).toEqual({ ok: false, error: { kind: 'corrupt', detail: 'Invalid uncompressed size' } });
  });

  it('reads an empty entry and gives a plain Uint8Array, not a Buffer', async () => {
    const empty = await nodeInflateRaw(new Uint8Array(deflateRawSync(new Uint8Array(0))), 0);
    expect(empty).toEqual({ ok: true, value: new Uint8Array(0) });
    const read = await nodeInflateRaw(whole, text.length);
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Uint8Array.prototype);
    expect(read.ok && new TextDecoder().decode(read.value)).toBe(new TextDecoder().decode(text));
  });
});

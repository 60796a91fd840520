import { describe, expect, it } from 'vitest';

import { gunzipChunks, gunzipText, gzipChunks, gzipText } from './gzip';

describe('gzip in the renderer (CompressionStream)', () => {
  it('writes gzip (its magic bytes) and reads it back exactly, emoji and all', async () => {
    const text = `{"text":"What about 👩‍👩‍👧 families?"}\n`.repeat(1000);
    const bytes = await gzipText(text);
    expect(bytes.length).toBeLessThan(text.length / 10);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(await gunzipText(bytes)).toBe(text);
  });

  it('refuses a cut-off stream instead of returning part of it', async () => {
    const bytes = await gzipText('x'.repeat(10000));
    await expect(gunzipText(bytes.slice(0, bytes.length - 8))).rejects.toThrow();
  });

  it('gzips bytes given in pieces as the joined text, and unzips them in pieces, cut anywhere', async () => {
    const text = `{"text":"What about 👩‍👩‍👧 families?"}\n`.repeat(5000);
    const all = new TextEncoder().encode(text);
    const pieces = [all.subarray(0, 1), all.subarray(1, 7), all.subarray(7, 70_001), all.subarray(70_001)];
    const bytes = await gzipChunks(pieces);
    expect(await gunzipText(bytes)).toBe(text);
    const back: Uint8Array[] = [];
    for await (const piece of gunzipChunks(bytes)) back.push(piece);
    expect(new TextDecoder().decode(Buffer.concat(back))).toBe(text);
  });

  it('throws while unzipping a cut-off stream in pieces', async () => {
    const bytes = await gzipChunks([new TextEncoder().encode('x'.repeat(10000))]);
    const read = async () => {
      for await (const piece of gunzipChunks(bytes.slice(0, bytes.length - 8))) void piece;
    };
    await expect(read()).rejects.toThrow();
  });
});

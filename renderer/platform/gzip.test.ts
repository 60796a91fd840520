import { describe, expect, it } from 'vitest';

import { gunzipText, gzipText } from './gzip';

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
});

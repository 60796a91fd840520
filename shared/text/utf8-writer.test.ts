import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../agreement/seeded-random';
import { Utf8Writer } from './utf8-writer';

const PIECES = ['<Coding guid="', 'a', '"/>', 'Ünïcode', '🙂', '👩‍👩‍👧', '\uFFFD', '', 'ß'.repeat(700), 'x'.repeat(70_000), '中文'];

describe('Utf8Writer', () => {
  it('gives the bytes TextEncoder gives for the pieces joined, across batches and chunks', () => {
    const random = mulberry32(7);
    const pieces: string[] = [];
    // Over 4 MB of UTF-8: several chunks, and a piece longer than a batch.
    for (let length = 0; length < 5_000_000; ) {
      const piece = PIECES[Math.floor(random() * PIECES.length)]!;
      pieces.push(piece);
      length += piece.length;
    }
    pieces.push('y'.repeat(2_000_000)); // larger than a chunk's third: a chunk of its own size
    const writer = new Utf8Writer();
    for (const piece of pieces) writer.write(piece);
    const got = writer.bytes();
    const want = new TextEncoder().encode(pieces.join(''));
    expect(got.length).toBe(want.length);
    expect(firstDifference(got, want)).toBe(-1);
  });

  it('writes lines with a line feed each, and is empty after its bytes are taken', () => {
    const writer = new Utf8Writer();
    writer.line('<a>');
    writer.line('</a>');
    expect(new TextDecoder().decode(writer.bytes())).toBe('<a>\n</a>\n');
    expect(writer.bytes()).toHaveLength(0);
    writer.write('é');
    expect(writer.bytes()).toEqual(Uint8Array.of(0xc3, 0xa9));
  });
});

/** Where two byte arrays first differ, -1 if nowhere (toEqual on megabytes takes minutes). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

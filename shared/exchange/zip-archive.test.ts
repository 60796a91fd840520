import { describe, expect, it } from 'vitest';

import { isZipArchive, readsAsBytes } from './zip-archive';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('which coder files are read as bytes', () => {
  it('a zip archive by its signature, whatever its name', () => {
    expect(isZipArchive(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe(true);
    expect(readsAsBytes('nora-export.json', bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
  });

  it('a file named .qdpx (any case) even when it is no archive, so the .qdpx reader names what is wrong', () => {
    expect(readsAsBytes('cy.QDPX', bytes(0x7b, 0x7d))).toBe(true);
  });

  it('text files are not: JSON, JSON Lines, a "PK" that is not the local header, an empty file', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(readsAsBytes('ben.threadmark.json', text('{"format":"threadmark"}'))).toBe(false);
    expect(readsAsBytes('doccano.jsonl', text('{"text":"x"}\n'))).toBe(false);
    expect(readsAsBytes('notes.json', text('PK is a name'))).toBe(false);
    expect(isZipArchive(bytes(0x50, 0x4b, 0x05, 0x06))).toBe(false);
    expect(readsAsBytes('empty.json', bytes())).toBe(false);
  });
});

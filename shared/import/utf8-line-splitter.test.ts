import { describe, expect, it } from 'vitest';

import { readFixtureBytes } from './files.test-helpers';
import { Utf8LineSplitter, type SplitLine } from './utf8-line-splitter';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Feeds `bytes` in chunks of `size` and returns every line, or the first error. */
function splitAll(bytes: Uint8Array, size: number, maxLineBytes?: number): SplitLine[] | string {
  const splitter = new Utf8LineSplitter('f.ndjson', maxLineBytes === undefined ? {} : { maxLineBytes });
  const lines: SplitLine[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const r = splitter.push(bytes.subarray(at, at + size));
    if (!r.ok) return `${r.error.line}: ${r.error.message}`;
    lines.push(...r.value);
  }
  const r = splitter.end();
  if (!r.ok) return `${r.error.line}: ${r.error.message}`;
  return [...lines, ...r.value];
}

describe('Utf8LineSplitter', () => {
  const text = '\ufeff{"a":"😀 é"}\r\n{"b":"👩‍👩‍👧"}\n\n{"c":"last, no newline"}';
  const expected = ['{"a":"😀 é"}', '{"b":"👩‍👩‍👧"}', '', '{"c":"last, no newline"}'];

  it('splits on LF and CRLF at every chunk size, with multi-byte characters cut across chunks', () => {
    const bytes = utf8(text);
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) {
      const lines = splitAll(bytes, size);
      expect(Array.isArray(lines) && lines.map((l) => l.text)).toEqual(expected);
    }
  });

  it('numbers lines and gives each line its byte offset in the file', () => {
    const lines = splitAll(utf8('ab\r\ncd\nef'), 3) as SplitLine[];
    expect(lines).toEqual([
      { line: 1, byteOffset: 0, text: 'ab' },
      { line: 2, byteOffset: 4, text: 'cd' },
      { line: 3, byteOffset: 7, text: 'ef' },
    ]);
  });

  it('keeps a lone CR inside the line and drops only the CR of CRLF', () => {
    const lines = splitAll(utf8('a\rb\r\n'), 2) as SplitLine[];
    expect(lines.map((l) => l.text)).toEqual(['a\rb']);
  });

  it('reports invalid UTF-8 with its line and file byte offset, whatever the chunking', () => {
    for (const size of [1, 4, 1000]) {
      const result = splitAll(readFixtureBytes('reddit-dump-invalid-utf8.ndjson'), size);
      expect(typeof result).toBe('string');
      expect(result).toMatch(/^2: not valid UTF-8: byte 0xE9 at byte offset \d+ \(line 2\)/);
    }
    const cut = splitAll(utf8('ok\n€').subarray(0, 5), 2);
    expect(cut).toContain('ends inside a character');
  });

  it('refuses a line over the size cap without buffering the rest', () => {
    const splitter = new Utf8LineSplitter('big.ndjson', { maxLineBytes: 10 });
    expect(splitter.push(utf8('short\n')).ok).toBe(true);
    const r = splitter.push(utf8('x'.repeat(20)));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.line).toBe(2);
    // Failed for good: later chunks get the same error.
    expect(splitter.push(utf8('\n')).ok).toBe(false);
    expect(splitAll(utf8('0123456789\n'), 4, 10)).not.toBeTypeOf('string');
    expect(splitAll(utf8('0123456789A\n'), 4, 10)).toMatch(/^1: line 1 .* longer than/);
  });

  it('says UTF-16 when a UTF-16 file is streamed', () => {
    const result = splitAll(readFixtureBytes('reddit-dump-slice-utf16le.ndjson'), 64);
    expect(result).toContain('UTF-16');
  });

  it('strips the BOM of the CRLF fixture and yields its seven records', () => {
    const lines = splitAll(readFixtureBytes('reddit-dump-slice-bom-crlf.ndjson'), 100) as SplitLine[];
    expect(lines).toHaveLength(7);
    for (const l of lines) expect(() => JSON.parse(l.text) as unknown).not.toThrow();
  });
});

/** Issue 14: a 600 MB CSV field killed the CLI (V8 fatal error) and was "Invalid array length" in the app. */
import { describe, expect, it } from 'vitest';

import { parseUnitsCsv } from '../agreement/units-csv';
import { formatParsers } from './formats';
import { MAX_CSV_RECORD_CHARS, MAX_WHOLE_TEXT_BYTES } from './input-limits';
import { memorySource, type ByteSource } from './stream/byte-source';
import { readImportSource, type ReadOptions } from './stream/read-source';

const whole: ReadOptions = { parsers: formatParsers, forced: null, mapping: null, streamThreshold: Number.POSITIVE_INFINITY };
const streaming: ReadOptions = { ...whole, streamThreshold: 0 };

// Just past the cap: proves the limit without being slow (the 600 MB case is in the bench).
const hugeField = 'x'.repeat(MAX_CSV_RECORD_CHARS + 1);
const csv = `id,author,text\n1,ana,short\n2,ben,"${hugeField}"\n3,cy,after\n`;

describe('a CSV record past the cap is refused on its line', () => {
  it.each([
    ['streamed (the app, the CLI on big files)', streaming],
    ['read whole', whole],
  ])('%s', async (_label, options) => {
    const read = await readImportSource(memorySource('posts.csv', csv, 1024 * 1024), { ...options, forced: formatParsers.find((p) => p.id === 'csv')! });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toHaveLength(1);
    expect(read.error[0]).toMatchObject({ file: 'posts.csv', line: 3 });
    expect(read.error[0]!.message).toMatch(/^the record starting on this line is longer than 1,048,576 characters, so the file was not read further/);
  });

  it('an unclosed quote in the units CSV of `threadmark agree --units` stops at the cap too', () => {
    const read = parseUnitsCsv(`unit,coder,value\nu1,ana,"${hugeField}`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error[0]).toMatch(/^line 2: /);
  });
});

describe('a file read as one document, past what one string can hold', () => {
  it('is refused by its size, naming it, before a byte is read (it was "not valid UTF-8")', async () => {
    const size = 600 * 1024 * 1024;
    const head = new TextEncoder().encode('{"data": [');
    const source: ByteSource = {
      name: 'thread.json',
      size,
      head: async () => head,
      bytes: () => Promise.reject(new Error('read whole')),
      chunks: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('read in chunks')) }) }),
    };
    const read = await readImportSource(source, { ...whole, forced: formatParsers.find((p) => p.id === 'reddit-thread') ?? formatParsers[0]! });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toHaveLength(1);
    expect(read.error[0]!.file).toBe('thread.json');
    expect(read.error[0]!.message).toContain(`the file is 600 MB;`);
    expect(read.error[0]!.message).toContain(`at most ${MAX_WHOLE_TEXT_BYTES / 1024 / 1024} MB`);
    expect(read.error[0]!.message).not.toContain('UTF-8');
  });
});

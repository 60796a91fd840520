import { describe, expect, it } from 'vitest';

import { listFixtures, readFixtureBytes } from '../files.test-helpers';
import { formatParsers } from '../formats';
import { memorySource } from './byte-source';
import { readImportSource, type ReadOptions } from './read-source';

const fixture = readFixtureBytes;

const whole: ReadOptions = { parsers: formatParsers, forced: null, mapping: null, streamThreshold: Number.POSITIVE_INFINITY };
const streaming: ReadOptions = { ...whole, streamThreshold: 0 };

async function read(name: string, bytes: Uint8Array | string, options: ReadOptions, chunk = 64 * 1024) {
  return readImportSource(memorySource(name, bytes, chunk), options);
}

/** What a reader gives the import: the posts, or the problems (not how it read them). */
async function outcome(name: string, bytes: Uint8Array, options: ReadOptions, chunk?: number) {
  const result = await read(name, bytes, options, chunk);
  return result.ok ? { posts: result.value.parsed, format: result.value.parser.id } : { problems: result.error };
}

describe('the app path (always streaming) reads every fixture exactly as the whole-text path does', () => {
  const files = listFixtures();

  it.each(files)('%s', async (path) => {
    const bytes = fixture(path);
    const expected = await outcome(path, bytes, whole);
    // Tiny chunks put boundaries inside characters, quoted CRLFs and JSON lines.
    for (const chunk of [3, 7, 4096]) expect(await outcome(path, bytes, streaming, chunk)).toEqual(expected);
  });

  it('streams NDJSON and CSV, and only those', async () => {
    const streamed = async (path: string) => {
      const r = await read(path, fixture(path), streaming);
      return r.ok && r.value.streamed;
    };
    expect(await streamed('csv/posts-tab.tsv')).toBe(true);
    expect(await streamed('fourcat/x-4cat.csv')).toBe(true);
    expect(await streamed('fourcat/zeeschuimer-x.ndjson')).toBe(true);
    expect(await streamed('reddit-dump-escaped.ndjson')).toBe(true);
    expect(await streamed('twitter/v2-conversation.jsonl')).toBe(true);
    expect(await streamed('mastodon/context-focal-absent.json')).toBe(false);
  });
});

describe('streaming failures name the file, line and byte', () => {
  it('invalid UTF-8 in a CSV names its byte offset and line, wherever the chunk boundary falls', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,text\n1,caf\u00e9\n2,ok\n3,b'), 0xc3, 0x28, 0x0a]);
    for (const chunk of [1, 2, 5, 100]) {
      const result = await read('bad.csv', bytes, streaming, chunk);
      expect(result).toEqual({ ok: false, error: [{ file: 'bad.csv', line: 4, message: expect.stringContaining(`byte offset ${bytes.length - 3}`) }] });
    }
  });

  it('a CSV that ends inside a character is refused', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,text\n1,x'), 0xe2, 0x82]);
    const result = await read('cut.csv', bytes, streaming, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.message).toContain('ends inside a character');
  });

  it('a broken quote names the line where its row starts', async () => {
    const result = await read('q.csv', 'id,text\n1,fine\n2,"never closed\n3,x\n', streaming, 5);
    expect(result).toEqual({ ok: false, error: [{ file: 'q.csv', line: 3, message: expect.stringContaining('never closed') }] });
  });

  it('a bad JSON line names its line', async () => {
    const first = new TextDecoder().decode(fixture('reddit-dump-escaped.ndjson')).split('\n')[0];
    const text = `${first}\n{"id": "b",\n`;
    const result = await read('dump.ndjson', text, streaming, 8);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatchObject({ file: 'dump.ndjson', line: 2 });
  });

  it('Cancel stops reading between chunks', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},post ${i}`).join('\n');
    const signal = { cancelled: false };
    const result = await read('big.csv', `id,text\n${rows}\n`, {
      ...streaming,
      signal,
      progress: (bytes) => {
        if (bytes > 1000) signal.cancelled = true;
      },
    }, 256);
    expect(result).toEqual({ ok: false, error: [{ file: 'big.csv', message: 'the import was cancelled', kind: 'cancelled' }] });
  });
});

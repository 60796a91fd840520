import { describe, expect, it } from 'vitest';

import { assembleThreads } from '../assemble-threads';
import { decodeText } from '../decode-text';
import { readFixtureBytes, readFixtureText, testDeps } from '../files.test-helpers';
import { isImportProblem } from '../import-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { Utf8LineSplitter } from '../utf8-line-splitter';
import { detectRedditDump, parseRedditDump, redditDumpRecord } from './reddit-pushshift';

function decoded(name: string): string {
  const text = decodeText(readFixtureBytes(name), name);
  if (!text.ok) throw new Error(text.error.message);
  return text.value;
}
function parsed(text: string, fileName = 'RC.ndjson'): ParsedFile {
  const result = parseRedditDump(text, fileName);
  if (Array.isArray(result)) throw new Error(JSON.stringify(result));
  return result;
}
function problems(text: string, fileName = 'RC.ndjson'): Problem[] {
  const result = parseRedditDump(text, fileName);
  if (!Array.isArray(result)) throw new Error('expected problems');
  return result;
}
const byId = (posts: RawPost[], id: string): RawPost => posts.find((p) => p.platformId === id) as RawPost;

describe('parseRedditDump on the BOM + CRLF slice', () => {
  const slice = (): ParsedFile => parsed(decoded('reddit-dump-slice-bom-crlf.ndjson'), 'slice.ndjson');

  it('reads submissions and comments mixed, with edges from parent_id and threads from link_id', () => {
    const { posts, format } = slice();
    expect(format).toBe('reddit-dump');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey])).toEqual([
      ['sub001', null, 'sub001'],
      ['k01', 'sub001', 'sub001'],
      ['k03', 'gone99', 'sub001'],
      ['k02', 'k01', 'sub001'],
      ['9007199254740993', 'k01', 'sub001'],
      ['k10', 'nosub1', 'nosub1'],
      ['k11', 'k10', 'nosub1'],
    ]);
    expect(posts[0]).toMatchObject({ threadTitle: 'Dump thread', createdAt: '2020-09-13T12:26:40.000Z', location: { line: 1, record: 't3_sub001' } });
    expect(byId(posts, '9007199254740993').createdAt).toBe('2020-09-13T12:30:50.500Z');
  });

  it('keeps raw text raw when the file shows a literal ">" or "&"', () => {
    expect(slice().posts[0]?.text).toBe('Dump thread\n\nBody with > a raw quote & an ampersand');
  });

  it('keeps deletion status, retrieval times and Arctic Shift _meta flags', () => {
    const { posts } = slice();
    expect(byId(posts, 'k02')).toMatchObject({
      deleted: true,
      meta: { archive_removal_type: 'deleted', archive_was_deleted_later: true, archive_retrieved_2nd_at: '2023-11-14T22:13:20.000Z' },
    });
    expect(posts[0]?.meta.retrieved_at).toBe('2020-09-14T16:13:20.000Z');
    expect(byId(posts, 'k01').url).toBe('https://www.reddit.com/comments/sub001/_/k01/');
  });

  it('assembles two threads with visible placeholders for the missing comment and submission', () => {
    const result = assembleThreads([{ fileName: 'slice.ndjson', parsed: slice() }], { hasPost: () => false }, testDeps());
    expect(result.threads.map((t) => t.title)).toEqual(['Dump thread', 'Thread nosub1 (opening post not in this file)']);
    expect(result.posts.map((p) => p.platformId ?? `<${String(p.meta.platformId)}>`)).toEqual([
      'sub001',
      'k01',
      'k02',
      '9007199254740993',
      '<gone99>',
      'k03',
      '<nosub1>',
      'k10',
      'k11',
    ]);
    expect(result.warnings.map((w) => w.line)).toEqual([3, 6]);
  });

  it('gives the same posts from the UTF-16 LE copy', () => {
    expect(parsed(decoded('reddit-dump-slice-utf16le.ndjson'), 'slice.ndjson')).toEqual(slice());
  });

  it('gives the same posts when streamed line by line through redditDumpRecord', () => {
    const splitter = new Utf8LineSplitter('slice.ndjson');
    const bytes = readFixtureBytes('reddit-dump-slice-bom-crlf.ndjson');
    const streamed: RawPost[] = [];
    for (let at = 0; at <= bytes.length; at += 37) {
      const lines = at < bytes.length ? splitter.push(bytes.subarray(at, at + 37)) : splitter.end();
      if (!lines.ok) throw new Error(lines.error.message);
      for (const { line, text } of lines.value) {
        if (text.trim() === '') continue;
        const post = redditDumpRecord(JSON.parse(text) as unknown, { file: 'slice.ndjson', line });
        if (isImportProblem(post)) throw new Error(post.message);
        streamed.push(post);
      }
    }
    expect(streamed).toEqual(slice().posts);
  });
});

describe('entity escaping in dumps', () => {
  it('decodes &amp; &lt; &gt; once in a file that never shows a raw marker', () => {
    const { posts } = parsed(readFixtureText('reddit-dump-escaped.ndjson'));
    expect(posts[0]).toMatchObject({ threadTitle: 'Fish & chips', text: 'Fish & chips', meta: { link_url: 'https://example.org/a?b=1&c=2', is_self: false } });
    expect(posts[1]?.text).toBe('> quoted\n\nTom &amp; Jerry <3');
  });

  it('decides per record when streaming', () => {
    const escaped = redditDumpRecord({ id: 'a', parent_id: 't3_s', body: '&gt; x &amp;amp;' }, { file: 'f' });
    const raw = redditDumpRecord({ id: 'b', parent_id: 't3_s', body: '> x &amp; y & z' }, { file: 'f' });
    expect(!isImportProblem(escaped) && escaped.text).toBe('> x &amp;');
    expect(!isImportProblem(raw) && raw.text).toBe('> x &amp; y & z');
    const forced = redditDumpRecord({ id: 'c', parent_id: 't3_s', body: '&gt;' }, { file: 'f' }, 'raw');
    expect(!isImportProblem(forced) && forced.text).toBe('&gt;');
  });
});

describe('parseRedditDump on bad input', () => {
  it('names the line and field of each bad record', () => {
    const found = problems(readFixtureText('reddit-dump-hostile.ndjson'), 'hostile.ndjson');
    expect(found).toEqual([
      { file: 'hostile.ndjson', line: 1, field: 'id', message: expect.stringContaining('beyond 2^53') as string },
      { file: 'hostile.ndjson', line: 2, record: 't1_h02', field: 'created_utc', message: expect.stringContaining('yesterday') as string },
    ]);
  });

  it('leaves a lone surrogate to assembly, which names the record and keeps the thread whole', () => {
    const lines = readFixtureText('reddit-dump-hostile.ndjson').trim().split('\n');
    const posts = [3, 4].map((line) => redditDumpRecord(JSON.parse(lines[line - 1] as string) as unknown, { file: 'hostile.ndjson', line }));
    expect(posts.every((p) => !isImportProblem(p))).toBe(true);
    const result = assembleThreads(
      [{ fileName: 'hostile.ndjson', parsed: { format: 'reddit-dump', posts: posts as RawPost[], warnings: [] } }],
      { hasPost: () => false },
      testDeps(),
    );
    expect(result.posts.map((p) => p.platformId)).toEqual([null, 'h03']);
    expect(result.warnings[0]).toMatchObject({ file: 'hostile.ndjson', line: 4, record: 't1_h04', field: 'text' });
  });

  it('names the line and column of a truncated line', () => {
    const text = '{"id": "a", "parent_id": "t3_s", "body": "ok"}\r\n{"id": "b", "parent_id": "t3_s", "body": "cut';
    expect(problems(text)).toEqual([{ file: 'RC.ndjson', line: 2, message: expect.stringMatching(/^not valid JSON at line 2, column 46: unterminated string \(the file looks cut off\)$/) as string }]);
  });

  it('says "not a Reddit dump" for other NDJSON, JSON arrays and Reddit thread pages', () => {
    const twarc = '{"data": [{"id": "1", "text": "hi"}], "includes": {"users": []}}\n';
    expect(problems(twarc)[0]?.message).toContain('not a Reddit dump');
    expect(problems('[1, 2]')[0]?.message).toContain('not a Reddit dump');
    expect(problems(readFixtureText('reddit-thread-escaped.json'))[0]?.message).toMatch(/not a Reddit dump|not valid JSON/);
  });

  it('reports an empty file', () => {
    expect(problems('')).toEqual([{ file: 'RC.ndjson', message: 'the file is empty' }]);
    expect(problems('\ufeff\r\n\r\n')).toEqual([{ file: 'RC.ndjson', message: 'the file is empty' }]);
  });

  it('stops at 50 problems and says how many more there were', () => {
    const good = '{"id": "a", "parent_id": "t3_s", "body": "ok"}';
    const text = [good, ...Array.from({ length: 500 }, () => '{"id": "b", "body": ')].join('\n');
    const found = problems(text);
    expect(found).toHaveLength(51);
    expect(found.at(-1)).toEqual({ file: 'RC.ndjson', message: '…and 450 more problems like these' });
  });

  it('rejects records that are not objects or not Reddit items, one line at a time', () => {
    expect(redditDumpRecord([1], { file: 'f', line: 9 })).toEqual({ file: 'f', line: 9, message: 'expected a JSON object, found an array' });
    expect(redditDumpRecord({ id: 'x' }, { file: 'f', line: 2 })).toMatchObject({ line: 2, message: expect.stringContaining('not a Reddit') as string });
    expect(redditDumpRecord({ id: 'x', body: 'orphan' }, { file: 'f' })).toMatchObject({ field: 'parent_id' });
    expect(redditDumpRecord({ id: 'x', body: 'b', parent_id: 't1_y' }, { file: 'f' })).toMatchObject({ field: 'link_id' });
  });
});

describe('detectRedditDump', () => {
  it('recognizes comment and submission lines and nothing else', () => {
    expect(detectRedditDump(decoded('reddit-dump-slice-bom-crlf.ndjson'))).toBe(true);
    expect(detectRedditDump('\ufeff' + readFixtureText('reddit-dump-escaped.ndjson'))).toBe(true);
    expect(detectRedditDump('{"subreddit": "de", "id": "k1", "link_id": "t3_x", "body": "…')).toBe(true);
    expect(detectRedditDump(readFixtureText('reddit-thread-escaped.json'))).toBe(false);
    expect(detectRedditDump('{"data": [{"id": "1", "text": "hi"}]}')).toBe(false);
    expect(detectRedditDump('')).toBe(false);
  });
});

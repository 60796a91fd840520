import { describe, expect, it } from 'vitest';

import { assembleThreads } from '../assemble-threads';
import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureBytes, testDeps } from '../files.test-helpers';
import { isImportProblem } from '../import-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import { formatParsers } from '.';
import { detectZeeschuimer, parseZeeschuimer, zeeschuimerRecord } from './zeeschuimer-ndjson';

function decoded(name: string): string {
  const text = decodeText(readFixtureBytes(name), name);
  if (!text.ok) throw new Error(text.error.message);
  return text.value;
}
function parsed(text: string, fileName: string): ParsedFile {
  const result = parseZeeschuimer(text, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const byId = (posts: RawPost[], id: string): RawPost => posts.find((p) => p.platformId === id) as RawPost;

describe('parseZeeschuimer on a raw Zeeschuimer X file (CRLF)', () => {
  const file = (): ParsedFile => parsed(decoded('fourcat/zeeschuimer-x.ndjson'), 'zs.ndjson');

  it('reads GraphQL tweets: rest_id, reply edges and conversation ids as strings', () => {
    const { posts, format } = file();
    expect(format).toBe('zeeschuimer-ndjson');
    expect(posts.map((p) => [p.platform, p.platformId, p.parentPlatformId, p.threadKey, p.author])).toEqual([
      ['twitter', '1800000000000000001', null, '1800000000000000001', 'ann'],
      ['twitter', '1800000000000000002', '1800000000000000001', '1800000000000000001', 'bob'],
      ['twitter', '1800000000000000003', '1800000000000000009', '1800000000000000001', 'cem'],
      ['twitter', '1800000000000000005', null, '1800000000000000005', 'eve'],
    ]);
  });

  it('decodes entities once, keeps emoji, reads v1.1 times, views and provenance', () => {
    const root = byId(file().posts, '1800000000000000001');
    expect(root.text).toBe('Root & thread 🧵');
    expect(root.createdAt).toBe('2023-08-12T16:10:37.000Z');
    expect(root.url).toBe('https://x.com/ann/status/1800000000000000001');
    expect(root.meta).toMatchObject({ views: 1234, likes: 4, hashtags: 'Zeeschuimer', collected_at: '2023-08-12T16:00:00.000Z', authorId: '9001' });
    expect(root.location).toEqual({ line: 1 });
  });

  it('shows a retweet with the full text of a wrapped (TweetWithVisibilityResults) original', () => {
    const rt = byId(file().posts, '1800000000000000005');
    expect(rt.text).toBe('RT @dan: original long text');
    expect(rt.meta.retweetOf).toBe('1800000000000000004');
  });

  it('assembles the reply to an uncollected tweet under a placeholder', () => {
    const result = assembleThreads([{ fileName: 'zs.ndjson', parsed: file() }], { hasPost: () => false }, testDeps());
    expect(result.threads).toHaveLength(2);
    expect(result.warnings.some((w) => w.field === 'parent' && w.line === 3)).toBe(true);
  });
});

describe('parseZeeschuimer on a 4CAT NDJSON download (__import_meta)', () => {
  it('reads the payload at top level the same way', () => {
    const { posts } = parsed(decoded('fourcat/4cat-x.ndjson'), '4cat.ndjson');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.text])).toEqual([
      ['1800000000000000001', null, 'Root & thread 🧵'],
      ['1800000000000000002', '1800000000000000001', '@ann a reply'],
    ]);
    expect(posts[0]!.meta.collected_from).toBe('https://x.com/i/api/graphql/x/TweetDetail');
  });
});

describe('zeeschuimerRecord', () => {
  const where = { file: 'z.ndjson', line: 7 };

  it("reads 4CAT's own mapped items as platform 4cat", () => {
    const post = zeeschuimerRecord({ id: 12, thread_id: '10', body: 'hi', author: 'a', timestamp: '2024-01-01 00:00:00', reply_to: '11', score: 3, __import_meta: { source_platform: 'telegram' } }, where);
    expect(post).toMatchObject({ platform: '4cat', platformId: '12', parentPlatformId: '11', threadKey: '10', createdAt: '2024-01-01T00:00:00.000Z', meta: { score: 3 } });
  });

  it('reads Reddit items through the dump reader', () => {
    const post = zeeschuimerRecord({ data: { id: 'c1', subreddit: 'x', body: 'b', parent_id: 't3_s1', link_id: 't3_s1', author: 'u', created_utc: 1700000000 }, source_platform: 'reddit.com', item_id: 'c1' }, where);
    expect(isImportProblem(post)).toBe(false);
    expect(post).toMatchObject({ platform: 'reddit', platformId: 'c1', parentPlatformId: 's1' });
  });

  it('refuses unsupported platforms and non-items, naming the line', () => {
    expect(zeeschuimerRecord({ data: { foo: 1 }, source_platform: 'tiktok.com', item_id: '1' }, where)).toEqual({
      file: 'z.ndjson',
      line: 7,
      field: 'source_platform',
      message: expect.stringContaining('"tiktok.com" are not supported'),
    });
    expect(zeeschuimerRecord([1], where)).toMatchObject({ line: 7, message: expect.stringContaining('an array') });
    expect(zeeschuimerRecord({ hello: 1 }, where)).toMatchObject({ message: expect.stringContaining('not a Zeeschuimer or 4CAT item') });
  });

  it('refuses a tweet id written as a number past 2^53 rather than rounding it', () => {
    // What JSON.parse makes of unquoted 19-digit ids: already rounded.
    const tweet = { rest_id: '1800000000000000001', legacy: { full_text: 'x', in_reply_to_status_id: Number('1800000000000000003') } };
    const post = zeeschuimerRecord({ data: tweet, source_platform: 'twitter.com', item_id: '1' }, where);
    expect(post).toMatchObject({ line: 7, field: 'in_reply_to_status_id', message: expect.stringContaining('2^53') });
  });
});

describe('parseZeeschuimer problems and detection', () => {
  it('names the line of truncated JSON and reports an empty file', () => {
    const text = `${decoded('fourcat/4cat-x.ndjson').split('\n')[0]}\n{"rest_id": "1", "legacy": {\n`;
    const result = parseZeeschuimer(text, 'cut.ndjson');
    expect(result).toMatchObject({ ok: false, error: [{ file: 'cut.ndjson', line: 2 }] });
    expect(parseZeeschuimer('\n\n', 'e.ndjson')).toMatchObject({ ok: false, error: [{ message: 'the file is empty' }] });
  });

  it('is detected before the X and Reddit parsers, and leaves their files alone', () => {
    expect(detectFormat(decoded('fourcat/zeeschuimer-x.ndjson'), formatParsers)?.id).toBe('zeeschuimer-ndjson');
    expect(detectFormat(decoded('fourcat/4cat-x.ndjson'), formatParsers)?.id).toBe('zeeschuimer-ndjson');
    for (const other of ['twitter/v1-thread.jsonl', 'twitter/v2-conversation.jsonl', 'reddit-dump-escaped.ndjson', 'mastodon/statuses-with-boost.json']) {
      expect(detectZeeschuimer(decoded(other))).toBe(false);
    }
  });
});

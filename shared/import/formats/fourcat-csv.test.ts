import { describe, expect, it } from 'vitest';

import { assembleThreads } from '../assemble-threads';
import { detectFormat } from '../detect-format';
import { readFixtureBytes, testDeps } from '../files.test-helpers';
import type { ParsedFile, RawPost } from '../raw-post';
import { formatParsers } from '.';
import { detectFourcatCsv, parseFourcatCsv } from './fourcat-csv';

const raw = (name: string): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFixtureBytes(name));
function parsed(text: string, fileName: string): ParsedFile {
  const result = parseFourcatCsv(text, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const byId = (posts: RawPost[], id: string): RawPost => posts.find((p) => p.platformId === id) as RawPost;

describe('parseFourcatCsv, a data source with reply_to (Telegram)', () => {
  const file = (): ParsedFile => parsed(raw('fourcat/telegram-4cat.csv'), 'telegram.csv');

  it('maps id, thread_id, body, author, timestamp and reply_to', () => {
    const { posts, format } = file();
    expect(format).toBe('4cat-csv');
    expect(posts.map((p) => [p.platform, p.platformId, p.parentPlatformId, p.threadKey, p.author])).toEqual([
      ['4cat', '501', null, '501', 'chan'],
      ['4cat', '502', '501', '501', 'REDACTED'],
      ['4cat', '503', '499', '501', '3f2a9c'],
    ]);
  });

  it('reads the UTC timestamp, falling back on unix_timestamp, and keeps the text with its emoji and line break', () => {
    const posts = file().posts;
    expect(byId(posts, '501')).toMatchObject({ createdAt: '2024-03-01T10:00:00.000Z', text: 'Channel post 🚀', threadTitle: 'Announcement' });
    expect(byId(posts, '501').meta).toEqual({ timestamp: '2024-03-01 10:00:00', author_fullname: 'Channel Name', views: 1200 });
    expect(byId(posts, '502')).toMatchObject({ createdAt: '2024-03-01T10:01:00.000Z', text: 'A reply\nover two lines' });
    expect(byId(posts, '502').meta).not.toHaveProperty('unix_timestamp');
  });

  it('assembles one thread with a placeholder for the deleted message', () => {
    const result = assembleThreads([{ fileName: 'telegram.csv', parsed: file() }], { hasPost: () => false }, testDeps());
    expect(result.threads.map((t) => t.title)).toEqual(['Announcement']);
    expect(result.posts).toHaveLength(4);
  });
});

describe('parseFourcatCsv, X data without a parent column', () => {
  it('hangs replies under the conversation root, marked parent_unknown; ids past 2^53 stay strings', () => {
    const { posts } = parsed(raw('fourcat/x-4cat.csv'), 'x.csv');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey, p.meta.parent_unknown])).toEqual([
      ['1700000000000000001', null, '1700000000000000001', undefined],
      ['1700000000000000002', '1700000000000000001', '1700000000000000001', true],
    ]);
    expect(posts[0]).toMatchObject({ url: 'https://x.com/ann/status/1700000000000000001', text: 'Root tweet &amp; more' });
    expect(posts[0]!.meta).toMatchObject({ hashtags: 'tag1,tag2', like_count: 10, author_id: 11, is_reply: 'no' });
  });
});

describe('4CAT CSV problems and detection', () => {
  it('refuses a CSV without 4CAT columns', () => {
    const result = parseFourcatCsv('id,text\n1,a\n', 'plain.csv');
    expect(result).toMatchObject({ ok: false, error: [{ file: 'plain.csv', line: 1, message: expect.stringContaining('not a 4CAT CSV export') }] });
  });

  it('names the line of a broken quote', () => {
    const result = parseFourcatCsv('id,thread_id,timestamp,body,author\n1,1,2024-01-01 00:00:00,"open,a\n', 'b.csv');
    expect(result).toMatchObject({ ok: false, error: [{ file: 'b.csv', line: 2 }] });
  });

  it('takes 4CAT headers before the generic CSV parser does', () => {
    expect(detectFourcatCsv(raw('fourcat/telegram-4cat.csv'))).toBe(true);
    expect(detectFormat(raw('fourcat/x-4cat.csv'), formatParsers)?.id).toBe('4cat-csv');
    expect(detectFourcatCsv('id,thread_id,text\n1,1,a\n')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import type { Post } from '../../model/records';
import { assembleThreads } from '../assemble-threads';
import { decodeText } from '../decode-text';
import { readFixtureText, readSampleBytes, sampleAvailable, SAMPLES_SKIP_REASON, testDeps } from '../files.test-helpers';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { detectRedditThread, parseRedditThread } from './reddit-thread';

const SAMPLE = 'reddit/praw_comments_3hahrw_limit10.json';

function parsed(text: string, fileName = 'thread.json'): ParsedFile {
  const result = parseRedditThread(text, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
function problems(text: string, fileName = 'thread.json'): Problem[] {
  const result = parseRedditThread(text, fileName);
  if (result.ok) throw new Error('expected problems');
  return result.error;
}
const byId = (posts: RawPost[], id: string): RawPost => posts.find((p) => p.platformId === id) as RawPost;

/** A thread page with the given comment children (Listing JSON objects). */
function page(comments: unknown[]): string {
  const t3 = { kind: 't3', data: { id: 's1', name: 't3_s1', title: 'T', selftext: '', author: 'op', created_utc: 1600000000 } };
  return JSON.stringify([
    { kind: 'Listing', data: { children: [t3] } },
    { kind: 'Listing', data: { children: comments } },
  ]);
}
const comment = (id: string, parent: string, replies: unknown = '', extra: object = {}): object => ({
  kind: 't1',
  data: { id, parent_id: parent, link_id: 't3_s1', author: 'a', body: `body ${id}`, created_utc: 1600000001, replies, ...extra },
});
const listing = (children: unknown[]): object => ({ kind: 'Listing', data: { children } });

const HAVE_SAMPLE = sampleAvailable(SAMPLE);

// The title carries the reason, so a skipped run says why.
describe.skipIf(!HAVE_SAMPLE)(HAVE_SAMPLE ? `the real PRAW sample (${SAMPLE})` : `the real PRAW sample: skipped, ${SAMPLES_SKIP_REASON}`, () => {
  const load = (): ParsedFile => {
    const text = decodeText(readSampleBytes(SAMPLE), 'praw.json');
    if (!text.ok) throw new Error(text.error.message);
    return parsed(text.value, 'praw.json');
  };

  it('is detected from its head', () => {
    const text = new TextDecoder().decode(readSampleBytes(SAMPLE));
    expect(detectRedditThread(text.slice(0, 4096))).toBe(true);
  });

  it('yields the submission and its 10 comments with base36 ids and parent pointers', () => {
    const { posts, warnings, format } = load();
    expect(format).toBe('reddit-thread');
    expect(warnings).toEqual([]);
    expect(posts).toHaveLength(11);
    const root = posts[0] as RawPost;
    expect(root).toMatchObject({
      platformId: '3hahrw',
      parentPlatformId: null,
      threadKey: '3hahrw',
      threadTitle: 'Ba Dum Tsss',
      text: 'Ba Dum Tsss',
      author: 'your_local_librarian',
      createdAt: '2015-08-17T07:44:40.000Z',
      url: 'https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/',
      moreReplies: 332,
    });
    expect(root.meta).toMatchObject({ subreddit: 'funny', num_comments: 537, is_self: false, link_url: 'http://i.imgur.com/eoF76hj.gifv' });
    expect(byId(posts, 'cu5tgzu')).toMatchObject({ parentPlatformId: 'cu5sye5', threadKey: '3hahrw', author: 'mcampo84', moreReplies: 100 });
    expect(posts.every((p) => p.threadKey === '3hahrw')).toBe(true);
  });

  it('keeps raw_json=1 Markdown as sent: quote marks and trailing spaces', () => {
    const { posts } = load();
    expect(byId(posts, 'cu5tgzu').text).toBe('>I have a glandular problem! ');
    expect(byId(posts, 'cu5tgzu').url).toBe('https://www.reddit.com/comments/3hahrw/_/cu5tgzu/');
  });

  it('keeps a comment whose account was deleted as a normal post, not a tombstone', () => {
    const post = byId(load().posts, 'cu5th6m');
    expect(post.author).toBe('[deleted]');
    expect(post.deleted).toBeUndefined();
    expect(post.text).toMatch(/^With that kind of comedic timing/);
  });

  it('assembles into one thread with 11 "more replies" placeholders', () => {
    const result = assembleThreads([{ fileName: 'praw.json', parsed: load() }], { hasPost: () => false }, testDeps());
    expect(result.threads).toHaveLength(1);
    expect(result.threads[0]?.title).toBe('Ba Dum Tsss');
    const more = result.posts.filter((p) => p.meta.placeholder === 'more');
    expect(more).toHaveLength(11);
    expect(result.posts.at(-1)).toMatchObject({ text: '332 more replies not in this file', parentId: result.threads[0]?.rootPostId });
    expect(result.posts).toHaveLength(22);
    // Top-level comments in time order.
    const top = result.posts.filter((p) => p.parentId === result.threads[0]?.rootPostId && p.platformId);
    expect(top.map((p) => p.platformId)).toEqual(['cu5oif1', 'cu5p1hh', 'cu5pebp', 'cu5q4m5', 'cu5s3hd']);
  });
});

describe('parseRedditThread on the escaped fixture (no raw_json=1)', () => {
  const file = (): ParsedFile => parsed(readFixtureText('reddit-thread-escaped.json'), 'escaped.json');

  it('decodes &amp; &lt; &gt; exactly once and nothing else', () => {
    const posts = file().posts;
    expect(posts[0]?.threadTitle).toBe('Salt & pepper <3: is it > sugar?');
    expect(posts[0]?.text).toBe('Salt & pepper <3: is it > sugar?\n\nAsking for a friend &copy; nobody');
    expect(byId(posts, 'c5').text).toBe('earlier top-level comment, 5 < 6 && 7 > 3');
    expect(byId(posts, 'c1').text.startsWith('> quoted line\r\n')).toBe(true);
  });

  it('keeps emoji, ZWJ families and flags', () => {
    expect(byId(file().posts, 'c1').text).toContain('emoji 😀 and family 👩‍👩‍👧 and flag 🇫🇷');
  });

  it('marks [deleted] and [removed] bodies as tombstones and keeps their replies', () => {
    const posts = file().posts;
    expect(byId(posts, 'c2')).toMatchObject({ deleted: true, text: '[deleted]', author: '[deleted]' });
    expect(byId(posts, 'c4')).toMatchObject({ deleted: true, text: '[removed]', author: 'carol' });
    expect(byId(posts, 'c3').parentPlatformId).toBe('c2');
  });

  it('turns "more" stubs into counts, and "continue this thread" into an uncounted marker', () => {
    const posts = file().posts;
    expect(posts[0]?.moreReplies).toBe(7);
    expect(byId(posts, 'c1').moreRepliesUncounted).toBe(true);
    expect(byId(posts, 'c1').moreReplies).toBeUndefined();
  });

  it('keeps edit times and variables in meta', () => {
    const posts = file().posts;
    expect(posts[0]?.meta).toMatchObject({ edited: true, edited_at: '2023-11-14T22:21:40.000Z', link_flair_text: 'Chemistry', upvote_ratio: 0.9 });
    expect(posts[0]?.meta.link_url).toBeUndefined(); // a self post's url is its own page
    expect(byId(posts, 'c1').meta).toMatchObject({ edited: false, depth: 0, controversiality: 0, is_submitter: false });
  });

  it('assembles tombstones, CRLF, NFC and stubs into a storable tree', () => {
    const result = assembleThreads([{ fileName: 'escaped.json', parsed: file() }], { hasPost: () => false }, testDeps());
    const text = (id: string): string => (result.posts.find((p) => p.platformId === id) as Post).text;
    expect(text('c1').startsWith('> quoted line\nreply')).toBe(true);
    expect(text('c3')).toBe('child of a deleted comment, caf\u00e9');
    expect(result.posts.map((p) => p.platformId ?? p.text)).toEqual([
      'esc001',
      'c5',
      'c1',
      'c4',
      'c2',
      'c3',
      'More replies not in this file',
      '7 more replies not in this file',
    ]);
    expect(result.posts.find((p) => p.platformId === 'c2')?.meta.deleted).toBe(true);
  });
});

describe('parseRedditThread on bad input', () => {
  it('names the file, line and column of truncated JSON', () => {
    const [problem] = problems(readFixtureText('reddit-thread-truncated.json'), 'cut.json');
    expect(problem).toMatchObject({ file: 'cut.json', line: 1 });
    expect(problem?.message).toMatch(/not valid JSON at line 1, column \d+: .*cut off/);
  });

  it('says "not a Reddit thread" for other kinds of JSON', () => {
    for (const other of ['{"ancestors": [], "descendants": []}', '[]', '[{"kind": "Listing", "data": {"children": []}}, {}]', '"text"']) {
      expect(problems(other)[0]?.message).toContain('not a Reddit thread');
    }
    const dump = readFixtureText('reddit-dump-escaped.ndjson');
    expect(problems(dump)[0]?.message).toContain('NDJSON');
  });

  it('reports an empty or blank file', () => {
    expect(problems('')[0]?.message).toBe('the file is empty');
    expect(problems('\ufeff \r\n')[0]?.message).toBe('the file is empty');
  });

  it('names the record and field of a malformed comment', () => {
    const noBody = comment('c1', 't3_s1', '', { body: 42 });
    const [p] = problems(page([comment('c0', 't3_s1', listing([noBody]))]));
    expect(p).toMatchObject({ record: 't1_c1', field: 'body' });

    const noId = { kind: 't1', data: { parent_id: 't3_s1', body: 'x' } };
    expect(problems(page([comment('c0', 't3_s1'), noId]))[0]).toMatchObject({ record: '[1].data.children[1]', field: 'id' });

    const badReplies = comment('c0', 't3_s1', { kind: 't1' });
    expect(problems(page([badReplies]))[0]).toMatchObject({ record: '[1].data.children[0]', field: 'data.replies' });

    const badKind = { kind: 't5', data: {} };
    expect(problems(page([badKind]))[0]?.message).toContain('unexpected kind "t5"');

    const badTime = comment('c0', 't3_s1', '', { created_utc: 'soon' });
    expect(problems(page([badTime]))[0]).toMatchObject({ record: 't1_c0', field: 'created_utc' });
  });

  it('refuses ids that JSON has already rounded past 2^53', () => {
    const [p] = problems(page([comment('c0', 't3_s1', '', { id: 2 ** 53 + 2 })]));
    expect(p?.message).toContain('beyond 2^53');
  });

  it('walks a 10,000-deep reply chain without recursion and spells deep paths briefly', () => {
    // Built as text: JSON.stringify itself recurses and overflows at this depth.
    const depth = 10_000;
    const open = (i: number): string =>
      `{"kind":"t1","data":{"id":"d${i}","parent_id":"${i === 1 ? 't3_s1' : `t1_d${i - 1}`}","link_id":"t3_s1","author":"a","body":"b","created_utc":1600000001,"replies":`;
    const parts: string[] = [page([]).slice(0, -4)];
    for (let i = 1; i < depth; i++) parts.push(open(i), '{"kind":"Listing","data":{"children":[');
    parts.push(open(depth), '""}}');
    for (let i = 1; i < depth; i++) parts.push(']}}}}');
    parts.push(']}}]');
    const posts = parsed(parts.join('')).posts;
    expect(posts).toHaveLength(depth + 1);
    expect(posts.at(-1)?.parentPlatformId).toBe(`d${depth - 1}`);

    let bad: object = { kind: 't1', data: { body: 'no id', parent_id: 't1_x' } };
    for (let i = 20; i >= 1; i--) bad = comment(`b${i}`, 't3_s1', listing([bad]));
    const [p] = problems(page([bad]));
    expect(p?.record).toBe(
      '[1].data.children[0].data.replies.data.children[0].data.replies…(depth 20)….data.children[0].data.replies.data.children[0]',
    );
  });
});

describe('detectRedditThread', () => {
  it('recognizes thread pages, pretty-printed or not, and nothing else', () => {
    expect(detectRedditThread(page([]))).toBe(true);
    expect(detectRedditThread(readFixtureText('reddit-thread-escaped.json'))).toBe(true);
    expect(detectRedditThread('\ufeff  [ { "kind" : "Listing", "data": {"children": [{"kind": "t3"')).toBe(true);
    expect(detectRedditThread(readFixtureText('reddit-dump-escaped.ndjson'))).toBe(false);
    expect(detectRedditThread('{"ancestors": [], "descendants": []}')).toBe(false);
    expect(detectRedditThread('')).toBe(false);
    expect(detectRedditThread('[{"kind": "Listing"}]')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureText, readSampleBytes, sampleAvailable, SAMPLES_SKIP_REASON } from '../files.test-helpers';
import type { ParsedFile, RawPost } from '../raw-post';
import { formatParsers } from './index';
import { outline as outlineBy, parseWith, postByPlatformId } from './parser.test-helpers';
import { blueskyParser } from './bluesky-parser';

const NESTED = readFixtureText('bluesky/thread-nested.json');
const DELETED_ROOT = readFixtureText('bluesky/thread-deleted-root.json');
const FEED = readFixtureText('bluesky/author-feed.json');
const THREAD_SAMPLE = 'bluesky/bskyr_getPostThread_facets_emoji.json';
const FEED_SAMPLE = 'bluesky/bskyr_getAuthorFeed_reply_repost.json';

const uri = (who: string, rkey: string): string => `at://did:plc:${who}/app.bsky.feed.post/${rkey}`;
const ROOT = uri('alice', '3kroot');

const parsed = parseWith(blueskyParser, 'b.json');

const byId = postByPlatformId;

/** Outline by the record key (the last part of the uri), placeholders as <text>. */
const outline = (file: ParsedFile): string[] => outlineBy(file, (id) => id.split('/').pop() as string);

/** A facet's slice of the text, in the UTF-8 bytes the lexicon counts. */
const byteSlice = (text: string, start: number, end: number): string =>
  new TextDecoder().decode(new TextEncoder().encode(text).slice(start, end));

describe('Bluesky detection', () => {
  it('is what the format registry picks for these files', () => {
    for (const name of ['bluesky/thread-nested.json', 'bluesky/thread-deleted-root.json', 'bluesky/author-feed.json']) expect(detectFormat(readFixtureText(name), formatParsers)?.id, name).toBe('bluesky');
  });

  it('recognizes getPostThread and feeds, and leaves other files alone', () => {
    expect([NESTED, DELETED_ROOT, FEED].map((t) => blueskyParser.detect(t))).toEqual([true, true, true]);
    // 4CAT's snake_case export of the same posts belongs to the 4CAT importer.
    expect(blueskyParser.detect('{"py_type":"app.bsky.feed.defs#postView","uri":"at://did:plc:x/app.bsky.feed.post/1"}')).toBe(false);
    for (const other of ['twitter/v2-conversation.jsonl', 'mastodon/context-focal-absent.json', 'youtube/comment-threads-pages.json', 'reddit-thread-escaped.json']) {
      expect(blueskyParser.detect(readFixtureText(other)), other).toBe(false);
    }
  });
});

describe('Bluesky getPostThread', () => {
  const file = parsed(NESTED, 'thread.json');

  it('reads the parent chain up and the replies down, with uris as ids and the root uri as thread key', () => {
    expect(file.posts.map((p) => [p.platformId.split('/').pop(), p.parentPlatformId?.split('/').pop() ?? null])).toEqual([
      ['3kfoc', '3kpar'],
      ['3kpar', '3kroot'],
      ['3kroot', null],
      ['3kgg', '3kfoc'],
      ['3khh', '3kgg'],
      ['3kblk', '3kfoc'],
      ['3kgone', '3kfoc'],
    ]);
    expect(file.posts.every((p) => p.threadKey === ROOT)).toBe(true);
    expect(file.warnings).toEqual([]);
  });

  it('keeps blocked and deleted replies as tombstones', () => {
    expect(byId(file, uri('mallory', '3kblk'))).toMatchObject({ deleted: true, text: '', author: 'did:plc:mallory', meta: { unavailable: 'blocked' } });
    expect(byId(file, uri('erin', '3kgone'))).toMatchObject({ deleted: true, author: '', meta: { unavailable: 'not found' } });
  });

  it('keeps record.text exactly; facets, counted in UTF-8 bytes, give the links and tags', () => {
    const root = byId(file, ROOT);
    expect(root.text).toBe('Root 📈 post: see localview.net ✨ and #rstats');
    const record = (JSON.parse(NESTED) as { thread: { parent: { parent: { post: { record: { facets: Array<{ index: { byteStart: number; byteEnd: number } }> } } } } } })
      .thread.parent.parent.post.record;
    const [link] = record.facets;
    expect(byteSlice(root.text, link?.index.byteStart ?? 0, link?.index.byteEnd ?? 0)).toBe('localview.net');
    expect(root.text.slice(link?.index.byteStart, link?.index.byteEnd)).not.toBe('localview.net');
    expect(root.meta).toMatchObject({ links: 'http://localview.net', tags: 'rstats', likeCount: 4, replyCount: 1, langs: 'en', handle: 'alice.bsky.social' });
  });

  it('reads authors, times with 6 fractional digits, languages and the web address', () => {
    expect(byId(file, uri('carol', '3kfoc'))).toMatchObject({
      author: 'carol.bsky.social',
      createdAt: '2023-09-19T12:30:00.980Z',
      url: 'https://bsky.app/profile/did:plc:carol/post/3kfoc',
      meta: { langs: 'en,de', did: 'did:plc:carol', displayName: 'Carol', replyCount: 3 },
    });
    expect(byId(file, uri('bob', '3kpar')).meta.displayName).toBe('Bob 🇺🇦');
  });

  it('assembles five levels deep with the tombstones in place', () => {
    expect(outline(file)).toEqual(['3kroot', '  3kpar', '    3kfoc', '      3kgg', '        3khh', '      3kblk', '      3kgone']);
  });

  it('keeps a deleted root as a tombstone opening the thread', () => {
    const deleted = parsed(DELETED_ROOT);
    expect(byId(deleted, uri('zoe', '3kdel'))).toMatchObject({ parentPlatformId: null, threadKey: uri('zoe', '3kdel'), deleted: true });
    expect(outline(deleted)).toEqual(['3kdel', '  3kp2', '    3kf2']);
  });

  it('leaves a deleted post in mid-chain to the missing-post placeholder, with a warning', () => {
    const thread = JSON.parse(DELETED_ROOT) as { thread: { parent: { parent: unknown; post: unknown } } };
    // Yan's post is gone now: the chain above it is unknown, so it cannot be placed as a tombstone.
    thread.thread.parent = { $type: 'app.bsky.feed.defs#notFoundPost', uri: uri('yan', '3kp2'), notFound: true } as never;
    const file = parsed(JSON.stringify(thread));
    expect(file.posts.map((p) => p.platformId)).toEqual([uri('xia', '3kf2')]);
    expect(file.warnings).toEqual([expect.objectContaining({ record: 'thread.parent', message: expect.stringContaining('deleted or not found') })]);
    expect(outline(file)).toEqual(['<[post not in this file]>', '  <[post not in this file]>', '    3kf2']);
  });

  it('says so when the requested post itself is gone', () => {
    const file = parsed(JSON.stringify({ thread: { $type: 'app.bsky.feed.defs#notFoundPost', uri: ROOT, notFound: true } }));
    expect(file.posts).toEqual([]);
    expect(file.warnings).toHaveLength(1);
  });

  it('walks a 2,000-deep reply chain without recursion', () => {
    let node: Record<string, unknown> | null = null;
    for (let i = 2000; i >= 1; i--) {
      const post = { uri: uri('deep', `r${i}`), record: { text: `${i}`, createdAt: '2024-01-01T00:00:00Z', reply: { root: { uri: uri('deep', 'r0') }, parent: { uri: uri('deep', `r${i - 1}`) } } } };
      node = { post, replies: node === null ? [] : [node] };
    }
    const top = { post: { uri: uri('deep', 'r0'), record: { text: 'root', createdAt: '2024-01-01T00:00:00Z' } }, replies: [node] };
    expect(parsed(JSON.stringify({ thread: top })).posts).toHaveLength(2001);
  });
});

describe('Bluesky feeds', () => {
  const file = parsed(FEED, 'feed.json');

  it('imports each post once, with the hydrated roots, and notes reposts', () => {
    expect(file.posts.map((p) => p.platformId.split('/').pop())).toEqual(['3kx', '3ky', '3kr3', '3kz', '3kw']);
    expect(byId(file, uri('carol', '3kx')).meta.repostedBy).toBe('alice.bsky.social');
  });

  it('warns about an unavailable parent, whose place is unknown', () => {
    expect(file.warnings).toEqual([expect.objectContaining({ record: 'feed[1].reply.parent', message: expect.stringContaining(uri('vic', '3kq')) })]);
    expect(byId(file, uri('alice', '3ky'))).toMatchObject({ parentPlatformId: uri('vic', '3kq'), threadKey: uri('wes', '3kr3') });
  });

  it('keeps self-labels, several languages and the full URL behind a shortened link', () => {
    expect(byId(file, uri('alice', '3kw')).meta).toMatchObject({ labels: 'graphic-media', langs: 'de,en' });
    const z = byId(file, uri('alice', '3kz'));
    expect(z.text).toBe('Answering Wes: www.npr.org/2023/10/03/1... 📰');
    expect(z.meta.links).toBe('https://www.npr.org/2023/10/03/1203200000/census-report');
  });

  it('assembles feed replies under their roots', () => {
    expect(outline(file)).toEqual(['3kx', '3kr3', '  <[post not in this file]>', '    3ky', '  3kz', '3kw']);
  });

  it('reads {posts} responses and arrays of pages', () => {
    const view = (JSON.parse(FEED) as { feed: Array<{ post: unknown }> }).feed[3]?.post;
    const pages = parsed(JSON.stringify([{ posts: [view] }, { feed: [{ post: view }] }]));
    expect(pages.posts).toHaveLength(1);
    expect(pages.posts[0]?.location).toEqual({ record: '[0].posts[0]' });
  });
});

describe('Bluesky bad input', () => {
  it('names the record and field', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['{"feed":[{"post":{"uri":"https://x","record":{"text":"a"}}}]}', { record: 'feed[0].post', field: 'uri' }],
      ['{"feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","record":{}}}]}', { record: 'feed[0].post.record', field: 'text' }],
      ['{"thread":{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","record":{"text":"a"}},"replies":[{"what":1}]}}', { record: 'thread.replies[0]' }],
      ['{"cursor":"x"}', { message: expect.stringContaining('not a Bluesky response') }],
      ['{"thread":[{"uri":"at://did:plc:a/app.bsky.feed.post/1","depth":0,"value":{}}]}', { field: 'thread', message: expect.stringContaining('getPostThreadV2') }],
      ['{"thread":', { line: 1 }],
    ];
    for (const [text, expected] of cases) {
      const result = blueskyParser.parse(text, 'bad.json');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error[0], text).toMatchObject({ file: 'bad.json', ...expected });
    }
  });
});

describe.skipIf(!sampleAvailable(THREAD_SAMPLE))(`the real bskyr samples (skipped when absent: ${SAMPLES_SKIP_REASON})`, () => {
  const read = (name: string): ParsedFile => {
    const text = decodeText(readSampleBytes(name), name);
    if (!text.ok) throw new Error(text.error.message);
    expect(blueskyParser.detect(text.value)).toBe(true);
    return parsed(text.value, name);
  };

  it(`reads ${THREAD_SAMPLE}: the text unchanged, links from the byte-offset facets`, () => {
    const file = read(THREAD_SAMPLE);
    expect(file.posts).toHaveLength(1);
    const post = file.posts[0] as RawPost;
    expect(post.text.startsWith('Excited to be a speaker for the \n@rstatsai conf on Oct 19 @Georgetown! 📈')).toBe(true);
    expect(byteSlice(post.text, 140, 153)).toBe('localview.net');
    expect(post.meta).toMatchObject({ links: 'http://localview.net https://rstats.ai/gov.html', likeCount: 4, langs: 'en', handle: 'soubhikbarari.bsky.social', embed: 'images' });
    expect(post.createdAt).toBe('2023-09-19T11:32:54.574Z');
  });

  it(`reads ${FEED_SAMPLE}: a repost, a reply with its hydrated root`, () => {
    const file = read(FEED_SAMPLE);
    expect(file.posts.map((p) => p.platformId.split('/').pop())).toEqual(['3kau6tviybe2w', '3kasvzedyyu2r', '3kasvrt6b372y']);
    expect(file.posts[0]?.meta.repostedBy).toBe('chriskenny.bsky.social');
    expect(file.posts[1]?.parentPlatformId).toBe(file.posts[2]?.platformId);
    expect(file.posts[2]?.createdAt).toBe('2023-10-03T02:49:12.980Z');
    expect(outline(file)).toEqual(['3kau6tviybe2w', '3kasvrt6b372y', '  3kasvzedyyu2r']);
  });
});

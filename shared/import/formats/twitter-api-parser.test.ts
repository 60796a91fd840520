import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureText, readSampleBytes, sampleAvailable, SAMPLES_SKIP_REASON } from '../files.test-helpers';
import { twitterV1Parser, twitterV2Parser } from './twitter-api-parser';
import { formatParsers } from './index';
import { outline, postByPlatformId, unwrapParsed } from './parser.test-helpers';
import { twitterArchiveParser } from './twitter-archive-parser';

const V2 = 'twitter/v2-conversation.jsonl';
const V1 = 'twitter/v1-thread.jsonl';
const SAMPLE = 'twitter/twarc2_v2_reply_amp_flag.jsonl';

const parsed = unwrapParsed;

const byId = postByPlatformId;

/** Assembled threads as indented outlines of platform ids (placeholders as <text>). */

describe('X/Twitter detection', () => {
  it('tells v2 pages, v1.1 tweets and the archive apart', () => {
    const v2 = readFixtureText(V2);
    const v1 = readFixtureText(V1);
    const archive = readFixtureText('twitter/archive-tweets.js.txt');
    expect([twitterV2Parser.detect(v2), twitterV1Parser.detect(v2), twitterArchiveParser.detect(v2)]).toEqual([true, false, false]);
    expect([twitterV2Parser.detect(v1), twitterV1Parser.detect(v1), twitterArchiveParser.detect(v1)]).toEqual([false, true, false]);
    expect([twitterV2Parser.detect(archive), twitterV1Parser.detect(archive), twitterArchiveParser.detect(archive)]).toEqual([false, false, true]);
  });

  it('is what the format registry picks for these files', () => {
    expect(detectFormat(readFixtureText(V2), formatParsers)?.id).toBe('twitter-v2');
    expect(detectFormat(readFixtureText(V1), formatParsers)?.id).toBe('twitter-v1');
    expect(detectFormat(readFixtureText('twitter/archive-tweets.js.txt'), formatParsers)?.id).toBe('twitter-archive');
  });

  it('leaves other platforms and browser-collected GraphQL tweets to their importers', () => {
    const others = [
      readFixtureText('mastodon/context-focal-absent.json'),
      readFixtureText('bluesky/thread-nested.json'),
      readFixtureText('youtube/comment-threads-pages.json'),
      readFixtureText('reddit-thread-escaped.json'),
      '{"id":"1","source_platform":"twitter.com","data":{"__typename":"Tweet","rest_id":"1","legacy":{"id_str":"1","full_text":"x","conversation_id_str":"1"}}}',
      'id,parent_id,text\n1,,hello',
    ];
    for (const head of others) {
      expect(twitterV2Parser.detect(head)).toBe(false);
      expect(twitterV1Parser.detect(head)).toBe(false);
    }
  });
});

describe('X/Twitter API v2 (twarc2 JSON Lines)', () => {
  const file = parsed(twitterV2Parser.parse(readFixtureText(V2), 'v2.jsonl'));

  it('keeps 19-digit ids exact: as numbers they would collide', () => {
    expect(Number('1700000000000000011')).toBe(Number('1700000000000000012'));
    expect(file.posts.map((p) => p.platformId)).toEqual([
      '1700000000000000011',
      '1700000000000000012',
      '1700000000000000010',
      '1700000000000000031',
      '1700000000000000040',
      '1700000000000000020',
    ]);
  });

  it('links replies by referenced_tweets and groups by conversation_id', () => {
    expect(byId(file, '1700000000000000011')).toMatchObject({ parentPlatformId: '1700000000000000010', threadKey: '1700000000000000010' });
    expect(byId(file, '1700000000000000012')).toMatchObject({ parentPlatformId: '1700000000000000011', threadKey: '1700000000000000010' });
    expect(byId(file, '1700000000000000010')).toMatchObject({ parentPlatformId: null, threadKey: '1700000000000000010' });
  });

  it('decodes &amp; &lt; &gt; exactly once and keeps emoji whole', () => {
    expect(byId(file, '1700000000000000011').text).toBe('@ana Fish & chips 👇🏽 <3 #food #uk');
    // The author typed "&amp;" literally; X escaped it to "&amp;amp;", and one decode restores it.
    expect(byId(file, '1700000000000000012').text).toBe('@bo A long post in full: she wrote &amp; literally, and <b> too. 👩‍👩‍👧 #long');
  });

  it('entity offsets count code points of the escaped text, which is why the text is decoded and not sliced', () => {
    const line = JSON.parse(readFixtureText(V2).split('\n')[0] as string) as { data: Array<{ text: string; entities: { hashtags: Array<{ start: number; end: number }> } }> };
    const tweet = line.data[0];
    const tag = tweet?.entities.hashtags[0];
    expect(Array.from(tweet?.text ?? '').slice(tag?.start, tag?.end).join('')).toBe('#food');
    expect(tweet?.text.slice(tag?.start, tag?.end)).not.toBe('#food');
  });

  it('takes long posts from note_tweet, with its hashtags', () => {
    expect(byId(file, '1700000000000000012').meta).toMatchObject({ hashtags: 'long', quotes: 1, possibly_sensitive: true });
  });

  it('joins authors from includes.users and keeps metrics, language and hashtags as variables', () => {
    const post = byId(file, '1700000000000000011');
    expect(post.author).toBe('bo');
    expect(post.url).toBe('https://x.com/bo/status/1700000000000000011');
    expect(post.createdAt).toBe('2023-09-08T10:00:05.000Z');
    expect(post.meta).toEqual({
      likes: 5,
      retweets: 1,
      replies: 1,
      quotes: 0,
      lang: 'en',
      hashtags: 'food,uk',
      possibly_sensitive: false,
      authorId: '11',
      authorName: 'Bo',
      source: 'Twitter Web App',
      quotedId: '1600000000000000001',
    });
    // The surrogate-pair escapes of a flag in a user name decode to the flag.
    expect(byId(file, '1700000000000000010').meta.authorName).toBe('Ana 🇺🇦');
  });

  it('adds the reply parents from includes.tweets, not quoted tweets from other conversations', () => {
    expect(file.posts.some((p) => p.platformId === '1600000000000000001')).toBe(false);
    expect(byId(file, '1700000000000000010').location).toEqual({ line: 1, record: 'includes.tweets[0]' });
  });

  it('keeps a deleted conversation root from errors as a tombstone, and leaves an unplaceable one to the placeholder', () => {
    expect(byId(file, '1700000000000000020')).toMatchObject({
      parentPlatformId: null,
      threadKey: '1700000000000000020',
      deleted: true,
      text: '',
      meta: { unavailable: 'Not Found Error' },
    });
    expect(file.posts.some((p) => p.platformId === '1700000000000000021')).toBe(false);
    expect(byId(file, '1700000000000000031')).toMatchObject({ parentPlatformId: '1700000000000000021', threadKey: '1700000000000000020' });
  });

  it('marks retweets', () => {
    expect(byId(file, '1700000000000000040').meta.retweetOf).toBe('1700000000000000010');
  });

  it('assembles into trees with the missing post visible', () => {
    expect(outline(file)).toEqual([
      '1700000000000000010',
      '  1700000000000000011',
      '    1700000000000000012',
      '1700000000000000020',
      '  <[post not in this file]>',
      '    1700000000000000031',
      '1700000000000000040',
    ]);
  });

  it('reads a single API response and a flattened tweet (twarc2 flatten) as well', () => {
    const single = parsed(
      twitterV2Parser.parse(
        JSON.stringify({ data: { id: '1700000000000000099', text: 'one', author_id: '5', conversation_id: '1700000000000000099' }, includes: { users: [{ id: '5', username: 'five' }] } }),
        'one.json',
      ),
    );
    expect(single.posts).toMatchObject([{ platformId: '1700000000000000099', author: 'five', location: { record: 'data' } }]);

    // twarc2 flatten inlines the author and the whole parent tweet.
    const parent = { id: '1700000000000000100', text: 'the parent', conversation_id: '1700000000000000100', author: { username: 'six' } };
    const flat = parsed(
      twitterV2Parser.parse(
        `\uFEFF${JSON.stringify({
          id: '1700000000000000101',
          text: 'a &amp; b',
          conversation_id: '1700000000000000100',
          author_id: '7',
          author: { id: '7', username: 'seven' },
          referenced_tweets: [{ type: 'replied_to', ...parent }],
        })}\n`,
        'flat.jsonl',
      ),
    );
    expect(flat.posts).toMatchObject([
      { platformId: '1700000000000000101', text: 'a & b', author: 'seven', parentPlatformId: '1700000000000000100', threadKey: '1700000000000000100' },
      { platformId: '1700000000000000100', text: 'the parent', author: 'six', parentPlatformId: null, location: { record: 'referenced_tweets[0]' } },
    ]);
  });
});

describe('X/Twitter API v1.1 (JSON Lines, CRLF)', () => {
  const file = parsed(twitterV1Parser.parse(readFixtureText(V1), 'v1.jsonl'));

  it('uses id_str and in_reply_to_status_id_str, never the rounded numbers', () => {
    // The file's numeric id parses to a different number: only the string is exact.
    expect(String(JSON.parse('{"id":1050118621198921728}').id)).not.toBe('1050118621198921728');
    expect(byId(file, '1050118621198921728').parentPlatformId).toBeNull();
    expect(byId(file, '1050118621198921729').parentPlatformId).toBe('1050118621198921728');
  });

  it('finds the conversation root by walking parents within the file', () => {
    for (const id of ['1050118621198921728', '1050118621198921729', '1050118621198921730']) {
      expect(byId(file, id).threadKey).toBe('1050118621198921728');
    }
  });

  it('groups replies to the same absent tweet under that tweet', () => {
    expect(byId(file, '1050118621198921901').threadKey).toBe('1050118621198921999');
    expect(byId(file, '1050118621198921902').threadKey).toBe('1050118621198921999');
  });

  it('prefers extended_tweet.full_text over the text truncated at 140', () => {
    const post = byId(file, '1050118621198921730');
    expect(post.text).toBe(`@bo Not quite: ${'x'.repeat(110)} and then the rest 🇺🇦 & more #long`);
    expect(post.meta).toMatchObject({ hashtags: 'long', quotes: 2, replies: 0 });
    expect(post.meta.truncated).toBeUndefined();
  });

  it('gives a retweet the full original text after "RT @user: "', () => {
    const post = byId(file, '1050118621198921800');
    expect(post.text).toBe('RT @root_user: Root post: bread & butter #food');
    expect(post.meta.retweetOf).toBe('1050118621198921728');
  });

  it('reads v1.1 dates, users and the HTML source', () => {
    expect(byId(file, '1050118621198921728')).toMatchObject({
      author: 'root_user',
      createdAt: '2018-10-10T20:19:24.000Z',
      text: 'Root post: bread & butter #food',
      url: 'https://x.com/root_user/status/1050118621198921728',
      meta: { likes: 3, retweets: 1, lang: 'en', hashtags: 'food', possibly_sensitive: false, authorId: '100', authorName: 'Root 🍞', source: 'Twitter Web App' },
    });
    expect(byId(file, '1050118621198921729').text).toBe('@root_user Agreed > everything else');
  });

  it('skips stream deletion notices and names each post by line', () => {
    expect(file.posts).toHaveLength(6);
    expect(byId(file, '1050118621198921902').location).toEqual({ line: 6 });
  });

  it('assembles the chain, and the two orphans under one placeholder', () => {
    expect(outline(file)).toEqual([
      '1050118621198921728',
      '  1050118621198921729',
      '    1050118621198921730',
      '1050118621198921800',
      '<[post not in this file]>',
      '  1050118621198921901',
      '  1050118621198921902',
    ]);
  });

  it('reads a JSON array and a search response ({statuses})', () => {
    const tweet = { id_str: '1050118621198921728', full_text: 'hi', user: { screen_name: 'a' } };
    expect(parsed(twitterV1Parser.parse(JSON.stringify([tweet]), 'a.json')).posts[0]?.location).toEqual({ record: '[0]' });
    const search = parsed(twitterV1Parser.parse(JSON.stringify({ statuses: [tweet], search_metadata: {} }), 's.json'));
    expect(search.posts[0]).toMatchObject({ platformId: '1050118621198921728', location: { record: 'statuses[0]' } });
  });

  it('flags a tweet cut at 140 characters with nothing to recover the rest', () => {
    const cut = parsed(twitterV1Parser.parse('{"id_str":"5","text":"cut …","truncated":true}', 'cut.jsonl'));
    expect(cut.posts[0]?.meta.truncated).toBe(true);
  });
});

describe('X/Twitter ids above 2^53 and bad input', () => {
  it('refuses a tweet whose only id is a number above 2^53, naming line and field', () => {
    const result = twitterV1Parser.parse('{"id_str":"1","text":"ok"}\n{"id":1050118621198921728,"text":"no id_str"}\n', 'ids.jsonl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({ file: 'ids.jsonl', line: 2, field: 'id' });
    expect(result.error[0]?.message).toMatch(/above 2\^53/);
  });

  it('refuses a reply whose parent id is only a number above 2^53', () => {
    const result = twitterV1Parser.parse('{"id_str":"7","text":"a reply","in_reply_to_status_id":1304102743196356600}', 'p.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatchObject({ field: 'in_reply_to_status_id' });
  });

  it('accepts a numeric id below 2^53, as a string', () => {
    expect(parsed(twitterV1Parser.parse('{"id":12345,"text":"old tweet"}', 'old.json')).posts[0]?.platformId).toBe('12345');
  });

  it('reports a truncated JSON file with its line, and a bad JSON Lines line by number', () => {
    const truncated = twitterV2Parser.parse('{\n  "data": [\n    {"id": "1", "text": "x"', 'cut.json');
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error[0]).toMatchObject({ file: 'cut.json', line: 3 });

    const lines = readFixtureText(V2).split('\n');
    const broken = [lines[0], '{"data": [', lines[1]].join('\n');
    const result = twitterV2Parser.parse(broken, 'broken.jsonl');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject([{ file: 'broken.jsonl', line: 2 }]);
  });

  it('reports an empty file, a record of another kind, a tweet without text, and a bad date', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['', { message: 'the file is empty' }],
      ['{"kind":"Listing","data":{"children":[]}}', { record: 'data' }],
      ['[{"name":"not a tweet"}]', { record: '[0]' }],
      ['{"id_str":"1"}', { field: 'full_text' }],
      ['{"id_str":"1","text":"x","created_at":"yesterday"}', { field: 'created_at' }],
    ];
    for (const [text, expected] of cases) {
      const result = twitterV1Parser.parse(text, 'bad.json');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error[0], text).toMatchObject(expected);
    }
  });
});

describe.skipIf(!sampleAvailable(SAMPLE))(`the real twarc2 sample (skipped when absent: ${SAMPLES_SKIP_REASON})`, () => {
  it(`reads ${SAMPLE}`, () => {
    const text = decodeText(readSampleBytes(SAMPLE), SAMPLE);
    if (!text.ok) throw new Error(text.error.message);
    expect(twitterV2Parser.detect(text.value)).toBe(true);
    const file = parsed(twitterV2Parser.parse(text.value, SAMPLE));
    expect(file.posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey])).toEqual([
      ['1249702384659554308', null, '1249702384659554308'],
      ['1501963039859363843', '1501958949863661574', '1501958949863661574'],
      ['1501958949863661574', null, '1501958949863661574'],
    ]);
    const reply = byId(file, '1501963039859363843');
    expect(reply.text).toContain('specify Fields & Expansions, twarc does it');
    expect(reply.text).not.toContain('&amp;');
    expect(reply.meta).toMatchObject({ likes: 3, lang: 'en', authorName: 'Igor Brigadir 🇺🇦' });
    expect(byId(file, '1249702384659554308').meta.hashtags).toMatch(/^harrypotterdiy,harrypotterandphilosophersstone,/);
    expect(outline(file)).toEqual(['1249702384659554308', '1501958949863661574', '  1501963039859363843']);
  });
});

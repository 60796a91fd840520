import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureText, readSampleBytes, sampleAvailable, SAMPLES_SKIP_REASON } from '../files.test-helpers';
import { formatParsers } from './index';
import { outline, parseWith, postByPlatformId } from './parser.test-helpers';
import { mastodonParser } from './mastodon-parser';

const CONTEXT = readFixtureText('mastodon/context-focal-absent.json');
const STATUSES = readFixtureText('mastodon/statuses-with-boost.json');
const SAMPLE = 'mastodon/rtoot_context_tchncs_2022.json';

const parsed = parseWith(mastodonParser, 'm.json');

const byId = postByPlatformId;


describe('Mastodon detection', () => {
  it('is what the format registry picks for these files', () => {
    for (const name of ['mastodon/context-focal-absent.json', 'mastodon/statuses-with-boost.json']) expect(detectFormat(readFixtureText(name), formatParsers)?.id, name).toBe('mastodon');
  });

  it('recognizes contexts, statuses and arrays of statuses, and nothing else', () => {
    expect(mastodonParser.detect(CONTEXT)).toBe(true);
    expect(mastodonParser.detect(STATUSES)).toBe(true);
    expect(mastodonParser.detect('{"ancestors":[],"descendants":[]}')).toBe(true);
    for (const other of ['twitter/v1-thread.jsonl', 'twitter/v2-conversation.jsonl', 'bluesky/thread-nested.json', 'youtube/comment-threads-pages.json', 'reddit-thread-escaped.json']) {
      expect(mastodonParser.detect(readFixtureText(other)), other).toBe(false);
    }
  });
});

describe('Mastodon context with the focal status absent', () => {
  const file = parsed(CONTEXT, 'context.json');

  it('keeps ancestors and descendants, and all of them in the root thread', () => {
    expect(file.posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey])).toEqual([
      ['109000000000000001', null, '109000000000000001'],
      ['109000000000000003', '109000000000000002', '109000000000000001'],
      ['109000000000000004', '109000000000000003', '109000000000000001'],
      ['109000000000000005', '109000000000000002', '109000000000000001'],
    ]);
  });

  it('warns which status to fetch', () => {
    expect(file.warnings).toEqual([
      expect.objectContaining({ file: 'context.json', record: 'descendants', message: expect.stringContaining('/api/v1/statuses/109000000000000002') }),
    ]);
  });

  it('assembles with the focal status as a visible placeholder under the root', () => {
    expect(outline(file)).toEqual([
      '109000000000000001',
      '  <[post not in this file]>',
      '    109000000000000003',
      '      109000000000000004',
      '    109000000000000005',
    ]);
  });

  it('turns content HTML into text: paragraphs, line breaks, whole links, entities once, emoji', () => {
    expect(byId(file, '109000000000000001').text).toBe("Who still uses RSS? I'm curious & honest.");
    expect(byId(file, '109000000000000003').text).toBe(
      '@bob See https://example.org/a/very/long/path\n\nSecond paragraph\nwith a line break 👍 :mastoshrug:',
    );
    expect(byId(file, '109000000000000004').text).toBe('Thanks! "Great" 👩‍💻');
  });

  it('keeps the content warning and the other variables, with full handles', () => {
    expect(byId(file, '109000000000000004')).toMatchObject({
      author: 'bob@other.example',
      createdAt: '2022-11-08T10:00:00.000Z',
      url: 'https://social.example/@bob@other.example/109000000000000004',
      meta: {
        contentWarning: 'politics 🗳',
        sensitive: true,
        visibility: 'public',
        language: 'en',
        acct: 'bob@other.example',
        displayName: 'Bob 🇺🇦',
        instance: 'other.example',
        editedAt: '2022-11-08T10:05:00.000Z',
        media: 1,
      },
    });
    expect(byId(file, '109000000000000001')).toMatchObject({
      author: 'ana@social.example',
      meta: { favourites: 4, reblogs: 1, replies: 2, acct: 'ana', contentWarning: '', bot: false },
    });
    expect(byId(file, '109000000000000005').meta).toMatchObject({ visibility: 'unlisted' });
    expect(byId(file, '109000000000000005').meta.language).toBeUndefined();
  });

  it('needs no warning once the focal status is imported with its context', () => {
    const context = JSON.parse(CONTEXT) as { ancestors: unknown[] };
    const focal = { ...(context.ancestors[0] as object), id: '109000000000000002', in_reply_to_id: '109000000000000001', content: '<p>focal</p>' };
    const both = parsed(JSON.stringify([focal, context]));
    expect(both.warnings).toEqual([]);
    expect(new Set(both.posts.map((p) => p.threadKey))).toEqual(new Set(['109000000000000001']));
    expect(outline(both)).toEqual([
      '109000000000000001',
      '  109000000000000002',
      '    109000000000000003',
      '      109000000000000004',
      '    109000000000000005',
    ]);
  });
});

describe('Mastodon arrays of statuses', () => {
  const file = parsed(STATUSES, 'statuses.json');

  it('imports the boosted status, marked with who boosted it', () => {
    expect(file.posts.some((p) => p.platformId === '109000000000000101')).toBe(false);
    expect(byId(file, '109000000000000100')).toMatchObject({
      author: 'bob@other.example',
      text: 'Original toot <3',
      meta: { boostedBy: 'ana@social.example', favourites: 10, reblogs: 5 },
      location: { record: '[1].reblog' },
    });
  });

  it('groups a reply chain whose start is absent by the absent status', () => {
    expect(byId(file, '109000000000000201').threadKey).toBe('109000000000000999');
    expect(byId(file, '109000000000000202').threadKey).toBe('109000000000000999');
    expect(outline(file)).toEqual([
      '109000000000000200',
      '109000000000000100',
      '<[post not in this file]>',
      '  109000000000000201',
      '    109000000000000202',
    ]);
  });
});

describe('Mastodon search results', () => {
  it('reads the statuses of a v2 search response', () => {
    const statuses = JSON.parse(STATUSES) as unknown[];
    const file = parsed(JSON.stringify({ accounts: [], statuses: [statuses[0]], hashtags: [] }));
    expect(file.posts).toMatchObject([{ platformId: '109000000000000200', location: { record: 'statuses[0]' } }]);
  });
});

describe('Mastodon bad input', () => {
  it('refuses an id that JSON already rounded, truncated JSON, and other kinds of JSON', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['{"id":109303309876585639,"content":"<p>x</p>","account":{"acct":"a"}}', { field: 'id', message: expect.stringMatching(/2\^53/) }],
      ['{"id":"1","in_reply_to_id":109303309876585639,"content":"x"}', { field: 'in_reply_to_id' }],
      ['{"id":"1","account":{"acct":"a"}}', { field: 'content' }],
      ['{"ancestors":[{"id":"1","content":"x"}], "descendants":[', { line: 1 }],
      ['{"ancestors":[1]}', { record: 'ancestors[0]' }],
      ['[{"kind":"Listing"}]', { record: '[0]' }],
      ['', { message: 'the file is empty' }],
      ['{"id":"1","content":"x","created_at":"soon"}', { field: 'created_at' }],
    ];
    for (const [text, expected] of cases) {
      const result = mastodonParser.parse(text, 'bad.json');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error[0], text).toMatchObject({ file: 'bad.json', ...expected });
    }
  });
});

describe.skipIf(!sampleAvailable(SAMPLE))(`the real rtoot context sample (skipped when absent: ${SAMPLES_SKIP_REASON})`, () => {
  it(`reads ${SAMPLE}`, () => {
    const text = decodeText(readSampleBytes(SAMPLE), SAMPLE);
    if (!text.ok) throw new Error(text.error.message);
    expect(mastodonParser.detect(text.value)).toBe(true);
    const file = parsed(text.value, SAMPLE);
    expect(file.posts).toHaveLength(4);
    expect(new Set(file.posts.map((p) => p.threadKey))).toEqual(new Set(['109303266941599451']));
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]?.message).toContain('109303309876585639');
    expect(byId(file, '109303266941599451').text).toBe("You probably don't know how much work it took to get this far.");
    const reply = byId(file, '109303330123967399');
    expect(reply.text).toMatch(/^@0xba https:\/\/github\.com\/schochastics\/rtoot/);
    expect(byId(file, '109308115318736992').text).toContain(':mastoshrug:\nWith a friend');
    expect(byId(file, '109308119383536793').text).toContain('"Title: Collecting and Analyzing Mastodon Data"');
    expect(reply.author).toBe('chainsawriot@social.tchncs.de');
    expect(outline(file)).toEqual([
      '109303266941599451',
      '  <[post not in this file]>',
      '    109303330123967399',
      '      109308115318736992',
      '      109308119383536793',
    ]);
  });
});

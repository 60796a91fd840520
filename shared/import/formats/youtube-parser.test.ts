import { describe, expect, it } from 'vitest';

import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureText, readSampleBytes, sampleAvailable, SAMPLES_SKIP_REASON } from '../files.test-helpers';
import { formatParsers } from './index';
import { outline, parseWith, postByPlatformId } from './parser.test-helpers';
import { youtubeParser } from './youtube-parser';

const PAGES = readFixtureText('youtube/comment-threads-pages.json');
const SAMPLE = 'youtube/fluxcup_commentThreads_2016.json';
const VIDEO = 'dQw4w9WgXcQ';

const parsed = parseWith(youtubeParser, 'y.json');

const byId = postByPlatformId;


const comment = (id: string, snippet: Record<string, unknown>): Record<string, unknown> => ({
  kind: 'youtube#comment',
  id,
  snippet: { authorDisplayName: 'A', textDisplay: id, publishedAt: '2024-01-01T00:00:00Z', ...snippet },
});

describe('YouTube detection', () => {
  it('is what the format registry picks for these files', () => {
    for (const name of ['youtube/comment-threads-pages.json']) expect(detectFormat(readFixtureText(name), formatParsers)?.id, name).toBe('youtube');
  });

  it('recognizes commentThreads and comments responses only', () => {
    expect(youtubeParser.detect(PAGES)).toBe(true);
    expect(youtubeParser.detect('{"kind": "youtube#commentListResponse", "items": []}')).toBe(true);
    expect(youtubeParser.detect('{"kind": "youtube#videoListResponse", "items": []}')).toBe(false);
    for (const other of ['twitter/v2-conversation.jsonl', 'mastodon/context-focal-absent.json', 'bluesky/thread-nested.json', 'reddit-thread-escaped.json']) {
      expect(youtubeParser.detect(readFixtureText(other)), other).toBe(false);
    }
  });
});

describe('YouTube commentThreads pages', () => {
  const file = parsed(PAGES, 'pages.json');

  it('makes the video the opening post: comments answer it, replies answer their top-level comment', () => {
    expect(file.posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey])).toEqual([
      [VIDEO, null, VIDEO],
      ['UgzAAA111', VIDEO, VIDEO],
      ['UgzAAA111.r1', 'UgzAAA111', VIDEO],
      ['UgzAAA111.r2', 'UgzAAA111', VIDEO],
      ['UgzBBB222', VIDEO, VIDEO],
      ['UgzCCC333', VIDEO, VIDEO],
    ]);
    expect(byId(file, VIDEO)).toMatchObject({
      threadTitle: `YouTube video ${VIDEO}`,
      text: `YouTube video ${VIDEO}`,
      author: '',
      url: `https://www.youtube.com/watch?v=${VIDEO}`,
      meta: { kind: 'video', videoId: VIDEO, channelId: 'UCchannel' },
    });
  });

  it('prefers textOriginal, else turns textDisplay HTML into text', () => {
    expect(byId(file, 'UgzAAA111')).toMatchObject({ text: 'Great talk at 18:51 <<<333\nSecond line', meta: { textSource: 'textOriginal' } });
    expect(byId(file, 'UgzAAA111.r1')).toMatchObject({ text: 'I don\'t agree, "really" 🤔\n\nSorry', meta: { textSource: 'textDisplay' } });
    // A reply to a reply survives only as its leading @handle: the parent stays the top-level comment.
    expect(byId(file, 'UgzAAA111.r2').text).toBe('@Bo you do 👨‍👩‍👧');
    expect(byId(file, 'UgzCCC333').text).toBe("Last page's comment");
  });

  it('strips the U+FEFF that 2015–2016 comments end with', () => {
    expect(byId(file, 'UgzBBB222').text).toBe('2016-style text with a trailing BOM 😀');
    expect(byId(file, 'UgzBBB222').author).toBe('Dee ™');
  });

  it('keeps likes, channel, edits and a link to the comment', () => {
    expect(byId(file, 'UgzAAA111')).toMatchObject({
      author: 'Ana',
      createdAt: '2024-03-01T10:00:00.000Z',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=UgzAAA111`,
      meta: { likes: 12, authorChannelId: 'UCUgzAAA', videoId: VIDEO, editedAt: '2024-03-01T11:00:00.000Z' },
    });
    expect(byId(file, 'UgzBBB222').meta.editedAt).toBeUndefined();
  });

  it('says what the file leaves out: replies beyond those included, and further pages', () => {
    expect(byId(file, 'UgzAAA111').moreReplies).toBe(1);
    expect(byId(file, 'UgzCCC333').moreReplies).toBe(1);
    expect(byId(file, 'UgzBBB222').moreReplies).toBeUndefined();
    expect(byId(file, VIDEO).moreRepliesUncounted).toBe(true);
    expect(file.warnings).toEqual([expect.objectContaining({ field: 'nextPageToken' })]);
  });

  it('assembles one thread for the video, two levels under it', () => {
    expect(outline(file)).toEqual([
      VIDEO,
      // Siblings in time order: the 2016 comment first.
      '  UgzBBB222',
      '  UgzAAA111',
      '    UgzAAA111.r1',
      '    UgzAAA111.r2',
      '    <1 more reply not in this file>',
      '  UgzCCC333',
      '    <1 more reply not in this file>',
      '  <More replies not in this file>',
    ]);
  });
});

describe('YouTube comments.list and comments without a video', () => {
  it('hangs replies fetched with comments.list under their top-level comment, in its video', () => {
    const threads = { items: [{ kind: 'youtube#commentThread', id: 'T', snippet: { videoId: 'V1', totalReplyCount: 1, topLevelComment: comment('T', { videoId: 'V1' }) } }] };
    const replies = { kind: 'youtube#commentListResponse', items: [comment('T.a', { parentId: 'T' })] };
    const file = parsed(JSON.stringify([threads, replies]));
    expect(byId(file, 'T.a')).toMatchObject({ parentPlatformId: 'T', threadKey: 'V1', url: 'https://www.youtube.com/watch?v=V1&lc=T.a' });
    expect(byId(file, 'T').moreReplies).toBeUndefined();
  });

  it('lets a channel comment with no video open its own thread', () => {
    const file = parsed(JSON.stringify({ items: [{ id: 'C', snippet: { channelId: 'UCx', topLevelComment: comment('C', {}) } }] }));
    expect(file.posts).toMatchObject([{ platformId: 'C', parentPlatformId: null, threadKey: 'C', url: null }]);
  });

  it('keeps the first copy of a thread repeated by overlapping pages', () => {
    const page = JSON.parse(PAGES) as unknown[];
    expect(parsed(JSON.stringify([page[0], page[0]])).posts).toHaveLength(5);
  });
});

describe('YouTube thread titles', () => {
  const thread = (videoId: string) => ({ kind: 'youtube#commentThread', id: `T-${videoId}`, snippet: { videoId, topLevelComment: comment(`T-${videoId}`, { videoId }) } });

  it('takes the title of a video resource (videos.list) in the file, wherever it comes', () => {
    const videos = { kind: 'youtube#videoListResponse', items: [{ kind: 'youtube#video', id: 'V1', snippet: { title: '  How We Code Threads  ' } }] };
    const file = parsed(JSON.stringify([{ items: [thread('V1'), thread('V2')] }, videos]));
    expect(byId(file, 'V1')).toMatchObject({ threadTitle: 'How We Code Threads', text: 'YouTube video V1', parentPlatformId: null });
    expect(byId(file, 'V2').threadTitle).toBe('YouTube video V2');
    // The video resource is no comment: it adds no post.
    expect(file.posts.map((p) => p.platformId)).toEqual(['V1', 'T-V1', 'V2', 'T-V2']);
  });

  it("takes an exporter's page title for the page's videos", () => {
    const file = parsed(JSON.stringify({ title: 'A talk', items: [thread('V3')] }));
    expect(byId(file, 'V3').threadTitle).toBe('A talk');
    expect(byId(parsed(JSON.stringify({ title: ' ', items: [thread('V4')] })), 'V4').threadTitle).toBe('YouTube video V4');
  });

  it('says "YouTube video <id>", never the bare id, when the file has no title', () => {
    expect(byId(parsed(PAGES, 'pages.json'), VIDEO).threadTitle).toBe(`YouTube video ${VIDEO}`);
  });
});

describe('YouTube bad input', () => {
  it('names the record and field', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['{"items":[{"id":"x"}]}', { record: 'items[0]' }],
      ['{"items":[{"snippet":{"videoId":"V","topLevelComment":{"snippet":{"textDisplay":"a"}}}}]}', { record: 'items[0].snippet.topLevelComment', field: 'id' }],
      ['{"items":[{"snippet":{"videoId":"V","topLevelComment":{"id":"a","snippet":{}}}}]}', { field: 'snippet.textDisplay' }],
      ['{"items":[{"snippet":{"topLevelComment":{"id":"a","snippet":{"textDisplay":"a","publishedAt":"x"}}}}]}', { field: 'publishedAt' }],
      ['{"items":[{"snippet":{"videoId":"V","topLevelComment":{"id":"a","snippet":{"textDisplay":"a"}}},"replies":{"comments":[7]}}]}', { record: 'items[0].replies.comments[0]' }],
      ['{"items": [', { line: 1 }],
    ];
    for (const [text, expected] of cases) {
      const result = youtubeParser.parse(text, 'bad.json');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error[0], text).toMatchObject({ file: 'bad.json', ...expected });
    }
  });
});

describe.skipIf(!sampleAvailable(SAMPLE))(`the real 2016 commentThreads sample (skipped when absent: ${SAMPLES_SKIP_REASON})`, () => {
  it(`reads ${SAMPLE}`, () => {
    const text = decodeText(readSampleBytes(SAMPLE), SAMPLE);
    if (!text.ok) throw new Error(text.error.message);
    expect(youtubeParser.detect(text.value)).toBe(true);
    const file = parsed(text.value, SAMPLE);
    expect(file.posts).toHaveLength(21);
    expect(file.posts[0]).toMatchObject({ platformId: 'wtLJPvx7-ys', parentPlatformId: null });
    expect(file.posts.slice(1).every((p) => p.parentPlatformId === 'wtLJPvx7-ys' && p.threadKey === 'wtLJPvx7-ys')).toBe(true);
    expect(file.posts.some((p) => p.text.includes('\uFEFF'))).toBe(false);
    expect(file.posts.every((p) => p.meta.textSource === undefined || p.meta.textSource === 'textDisplay')).toBe(true);
    expect(byId(file, 'z132ur055uyrc3dj404celczdy2ttlkaemw0k').text).toBe('OoO PORTER ROBINSON RAC REMIX IN BEGINNING THO <<<333');
    expect(byId(file, 'z12wd5gj3vjtzpz3323oc5izcxj0hztko').text).toBe('18:51... I burst out laughing.');
    expect(file.posts.filter((p) => (p.moreReplies ?? 0) > 0).map((p) => p.moreReplies)).toEqual([2, 1, 1, 1]);
    expect(file.warnings).toEqual([expect.objectContaining({ field: 'nextPageToken' })]);
    const rows = outline(file);
    expect(rows).toHaveLength(21 + 4 + 1);
    expect(Math.max(...rows.map((r) => r.search(/\S/) / 2))).toBe(2);
    expect(file.posts[0]?.threadTitle).toBe('YouTube video wtLJPvx7-ys');
  });

  it('titles the sample by its video when a videos.list resource comes with it', () => {
    const text = decodeText(readSampleBytes(SAMPLE), SAMPLE);
    if (!text.ok) throw new Error(text.error.message);
    const video = { kind: 'youtube#videoListResponse', items: [{ kind: 'youtube#video', id: 'wtLJPvx7-ys', snippet: { title: 'Fluxcup sample video' } }] };
    const file = parsed(JSON.stringify([video, JSON.parse(text.value)]), SAMPLE);
    expect(file.posts[0]).toMatchObject({ platformId: 'wtLJPvx7-ys', threadTitle: 'Fluxcup sample video' });
    expect(file.posts).toHaveLength(21);
  });
});

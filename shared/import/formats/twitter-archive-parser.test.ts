import { describe, expect, it } from 'vitest';

import { readFixtureText } from '../files.test-helpers';
import type { ParsedFile } from '../raw-post';
import { twitterArchiveParser } from './twitter-archive-parser';
import { postByPlatformId } from './parser.test-helpers';

// Named .txt because `eslint .` would lint a .js fixture as code; detection reads content, not names.
const ARCHIVE = readFixtureText('twitter/archive-tweets.js.txt');

function parsed(text: string, name = 'tweets.js'): ParsedFile {
  const result = twitterArchiveParser.parse(text, name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const byId = postByPlatformId;

describe('X/Twitter account archive (tweets.js)', () => {
  const file = parsed(ARCHIVE);

  it('detects the window.YTD assignment of tweets, older tweet.js and deleted tweets only', () => {
    expect(twitterArchiveParser.detect(ARCHIVE)).toBe(true);
    expect(twitterArchiveParser.detect('window.YTD.tweet.part0 = [')).toBe(true);
    expect(twitterArchiveParser.detect('window.YTD.deleted_tweets.part1 = [')).toBe(true);
    expect(twitterArchiveParser.detect('window.YTD.like.part0 = [')).toBe(false);
    expect(twitterArchiveParser.detect('[{"tweet":{}}]')).toBe(false);
  });

  it('reads every entry, with string counts as numbers', () => {
    expect(file.format).toBe('twitter-archive');
    expect(file.posts.map((p) => p.platformId)).toEqual([
      '1690395372546301952',
      '1690395372546301953',
      '1690395372546301954',
      '1690395372546301955',
    ]);
    expect(byId(file, '1690395372546301952')).toMatchObject({
      createdAt: '2023-08-12T16:10:37.000Z',
      text: 'Ein Thread 🧵 > vergangenem Curry & Reis #kochen',
      url: 'https://x.com/i/web/status/1690395372546301952',
      meta: { likes: 12, retweets: 3, lang: 'de', hashtags: 'kochen', possibly_sensitive: false, source: 'Twitter Web App' },
      location: { record: '[0]' },
    });
  });

  it('threads self-replies and groups a reply to someone else under the absent tweet', () => {
    expect(byId(file, '1690395372546301953')).toMatchObject({ parentPlatformId: '1690395372546301952', threadKey: '1690395372546301952' });
    expect(byId(file, '1690395372546301954')).toMatchObject({ parentPlatformId: '1690000000000000001', threadKey: '1690000000000000001' });
    expect(byId(file, '1690395372546301954').meta.replyToUser).toBe('other');
  });

  it('says that authors are empty because the archive does not name its account', () => {
    expect(file.posts.every((p) => p.author === '')).toBe(true);
    expect(file.warnings).toEqual([expect.objectContaining({ field: 'author', message: expect.stringContaining('account.js') })]);
  });

  it('keeps deleted-tweets.js entries as tombstones with their text', () => {
    const deleted = parsed(
      'window.YTD.deleted_tweets.part0 = [{"tweet":{"id_str":"1690395372546309999","full_text":"gone &amp; regretted","created_at":"Sat Aug 12 16:10:37 +0000 2023","deleted_at":"Sun Aug 13 09:00:00 +0000 2023"}}];\n',
      'deleted-tweets.js',
    );
    expect(deleted.posts).toMatchObject([{ deleted: true, text: 'gone & regretted', meta: { deletedAt: '2023-08-13T09:00:00.000Z' } }]);
  });

  it('refuses a file that is not the archive array, and reports bad JSON inside it', () => {
    const notArchive = twitterArchiveParser.parse('window.YTD.tweets.part0 = {}', 'x.js');
    expect(notArchive.ok).toBe(false);
    const truncated = twitterArchiveParser.parse(ARCHIVE.slice(0, 400), 'tweets.js');
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.error[0]).toMatchObject({ file: 'tweets.js', message: expect.stringMatching(/not valid JSON/) });
  });
});

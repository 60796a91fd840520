import { describe, expect, it } from 'vitest';

import { assembleThreads } from '../assemble-threads';
import { decodeText } from '../decode-text';
import { detectFormat } from '../detect-format';
import { readFixtureBytes, testDeps } from '../files.test-helpers';
import { formatParsers } from '.';
import { detectText, parseText, textTitle } from './text-parser';

function decoded(name: string): string {
  const text = decodeText(readFixtureBytes(name), name);
  if (!text.ok) throw new Error(text.error.message);
  return text.value;
}
const raw = (name: string): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFixtureBytes(name));

describe('parseText', () => {
  it('makes one post of a Markdown file, paragraphs kept, titled by its first heading', () => {
    const result = parseText(raw('text/interview.md'), 'interview.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [post] = result.value.posts;
    expect(result.value.posts).toHaveLength(1);
    expect(post).toMatchObject({ platform: 'text', platformId: 'interview.md', parentPlatformId: null, threadKey: 'interview.md', threadTitle: 'Interview with Ana, 2024' });
    expect(post!.text).toBe('Some preface line\n\n# Interview with Ana, 2024\n\nQ: How did it start?\n\nA: Slowly.  \nThen all at once 🌊.');
    expect(post!.meta).toEqual({ file: 'interview.md', text_format: 'markdown' });
  });

  it('normalizes CRLF and titles a plain text file by its first line', () => {
    const result = parseText(raw('text/note.txt'), 'note.txt');
    expect(result).toMatchObject({ ok: true, value: { posts: [{ text: 'Field note, 3 May\n\nFirst paragraph.\nStill first.\n\nSecond paragraph.', threadTitle: 'Field note, 3 May' }] } });
  });

  it('reads setext and closed ATX headings', () => {
    expect(textTitle('\nTitle here\n=====\n\nbody')).toBe('Title here');
    expect(textTitle('## Closed ##\nx')).toBe('Closed');
    expect(textTitle('   \n  first words  \nmore')).toBe('first words');
  });

  it('refuses empty and binary files', () => {
    expect(parseText('\uFEFF \r\n\n', 'e.txt')).toMatchObject({ ok: false, error: [{ file: 'e.txt', message: 'the file is empty' }] });
    expect(parseText('ok\nbad\u0000', 'b.txt')).toMatchObject({ ok: false, error: [{ file: 'b.txt', line: 2, message: expect.stringContaining('U+0000') }] });
  });

  it('assembles into one thread with the title', () => {
    const result = parseText(decoded('text/interview.md'), 'interview.md');
    if (!result.ok) throw new Error('parse failed');
    const assembled = assembleThreads([{ fileName: 'interview.md', parsed: result.value }], { hasPost: () => false }, testDeps());
    expect(assembled.threads.map((t) => [t.title, t.platform])).toEqual([['Interview with Ana, 2024', 'text']]);
  });
});

describe('detection across the registry', () => {
  it('text is the last resort: never JSON, never blank', () => {
    expect(detectText('{"a":1}')).toBe(false);
    expect(detectText('  [1,2]')).toBe(false);
    expect(detectText('\uFEFF\n  ')).toBe(false);
    expect(detectText('Hello')).toBe(true);
  });

  it('every fixture keeps its own format', () => {
    const expected: Record<string, string> = {
      'bluesky/thread-nested.json': 'bluesky',
      'mastodon/context-focal-absent.json': 'mastodon',
      'reddit-dump-escaped.ndjson': 'reddit-dump',
      'reddit-dump-slice-bom-crlf.ndjson': 'reddit-dump',
      'reddit-thread-escaped.json': 'reddit-thread',
      'reddit-thread-truncated.json': 'reddit-thread',
      'twitter/archive-tweets.js.txt': 'twitter-archive',
      'twitter/v1-thread.jsonl': 'twitter-v1',
      'twitter/v2-conversation.jsonl': 'twitter-v2',
      'youtube/comment-threads-pages.json': 'youtube',
      'csv/posts-bom-crlf.csv': 'csv',
      'csv/posts-semicolon.csv': 'csv',
      'csv/posts-tab.tsv': 'csv',
      'csv/survey-unmapped.csv': 'csv',
      'csv/no-ids.csv': 'csv',
      'fourcat/telegram-4cat.csv': '4cat-csv',
      'fourcat/x-4cat.csv': '4cat-csv',
      'fourcat/zeeschuimer-x.ndjson': 'zeeschuimer-ndjson',
      'fourcat/4cat-x.ndjson': 'zeeschuimer-ndjson',
      'text/interview.md': 'text',
      'text/note.txt': 'text',
    };
    const found = Object.fromEntries(Object.keys(expected).map((name) => [name, detectFormat(decoded(name), formatParsers)?.id ?? null]));
    expect(found).toEqual(expected);
  });
});

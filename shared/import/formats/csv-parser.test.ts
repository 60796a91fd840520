import { describe, expect, it } from 'vitest';

import { assembleThreads } from '../assemble-threads';
import { readFixtureBytes, testDeps } from '../files.test-helpers';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { parse as parseStream } from 'csv-parse/browser/esm';

import { MAX_PROBLEMS } from '../import-problem';
import { createCsvPostReader, csvColumnMapping, csvParser, looksLikeCsvHeader, parseGenericCsv, parseMapSpec, type CsvMappingOverride } from './csv-parser';
import { CsvRecordSink, csvStrictOptions, detectDelimiter, headerLine } from './csv-table';

/** Fixture text with its BOM kept, as the Worker's decoder may hand it over. */
const raw = (name: string): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFixtureBytes(name));

function parsed(text: string, fileName = 'posts.csv', mapping?: CsvMappingOverride): ParsedFile {
  const result = parseGenericCsv(text, fileName, mapping);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
function problems(text: string, fileName = 'posts.csv', mapping?: CsvMappingOverride): Problem[] {
  const result = parseGenericCsv(text, fileName, mapping);
  if (result.ok) throw new Error('expected problems');
  return result.error;
}
const byId = (posts: RawPost[], id: string): RawPost => posts.find((p) => p.platformId === id) as RawPost;

describe('csvColumnMapping', () => {
  it('recognizes the columns and their synonyms in any letter case; the rest are variables', () => {
    const { mapping, unmapped } = csvColumnMapping(['Post_ID', 'reply_to', 'Conversation ID', 'Screen_Name', 'published_at', 'Message', 'likes']);
    expect(mapping).toEqual({
      id: 'Post_ID',
      parent_id: 'reply_to',
      thread_id: 'Conversation ID',
      author: 'Screen_Name',
      created_at: 'published_at',
      text: 'Message',
      url: null,
    });
    expect(unmapped).toEqual(['likes']);
  });

  it('prefers the canonical name and gives each column one field', () => {
    const { mapping, unmapped } = csvColumnMapping(['body', 'text', 'user', 'username', 'date']);
    expect(mapping.text).toBe('text');
    expect(mapping.author).toBe('user');
    expect(mapping.created_at).toBe('date');
    expect(unmapped).toEqual(['body', 'username']);
  });

  it('maps nothing it does not know', () => {
    expect(csvColumnMapping(['respondent', 'answer_q1']).mapping.text).toBeNull();
  });
});

describe('parseMapSpec (--map)', () => {
  it('reads field=column pairs; an empty column says "none"', () => {
    expect(parseMapSpec('text=body, author=user_name,thread_id=')).toEqual({ ok: true, value: { text: 'body', author: 'user_name', thread_id: null } });
  });
  it('refuses unknown fields and malformed pairs', () => {
    expect(parseMapSpec('txt=body')).toMatchObject({ ok: false, error: expect.stringContaining('unknown field "txt"') });
    expect(parseMapSpec('text')).toMatchObject({ ok: false });
  });
});

describe('parseGenericCsv on the BOM + CRLF fixture', () => {
  const file = (): ParsedFile => parsed(raw('csv/posts-bom-crlf.csv'));

  it('strips the BOM from the first header and keeps ids above 2^53 as strings', () => {
    const { posts, format } = file();
    expect(format).toBe('csv');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.threadKey])).toEqual([
      ['1626198413406748672', null, '1626198413406748672'],
      ['1626198413406748673', '1626198413406748672', '1626198413406748672'],
      ['1626198413406748699', '1626198413406748690', '1626198413406748672'],
    ]);
  });

  it('keeps quoted line breaks (CRLF and LF), doubled quotes and emoji as written', () => {
    const post = byId(file().posts, '1626198413406748673');
    expect(post.text).toBe('Line one\r\nline two\nand "quoted" 👩🏽‍💻🇳🇱');
    expect(post.author).toBe('bob');
    expect(post.location).toEqual({ line: 3 });
    expect(byId(file().posts, '1626198413406748699').location).toEqual({ line: 6 });
  });

  it('normalizes times to ISO UTC and keeps a differently written original', () => {
    const [a, b, c] = file().posts as [RawPost, RawPost, RawPost];
    expect(a.createdAt).toBe('2023-02-16T12:00:00.000Z');
    expect(a.meta.Created_At).toBe('2023-02-16T12:00:00Z');
    expect(b.createdAt).toBe('2023-02-16T12:05:00.000Z');
    expect(c.createdAt).toBe('2023-02-16T12:10:00.000Z');
  });

  it('turns other columns into variables: whole-integer columns as numbers, the rest as strings, empty cells left out', () => {
    const [a, b, c] = file().posts as [RawPost, RawPost, RawPost];
    expect(a.meta).toMatchObject({ likes: 12, score: '1.5', postcode: '01234' });
    expect(b.meta).toMatchObject({ likes: 3, score: '2', postcode: '10115' });
    expect(c.meta).not.toHaveProperty('likes');
    expect(c.meta.score).toBe('x');
  });

  it('assembles: the reply to an absent post hangs under a missing-post placeholder', () => {
    const result = assembleThreads([{ fileName: 'posts.csv', parsed: file() }], { hasPost: () => false }, testDeps());
    expect(result.threads).toHaveLength(1);
    expect(result.posts).toHaveLength(4);
    expect(result.warnings.some((w) => w.field === 'parent' && w.line === 6)).toBe(true);
  });
});

describe('parseGenericCsv delimiters and line endings', () => {
  it('reads a ";" file with mixed \\n, \\r\\n and \\r line endings; commas stay in the text', () => {
    const { posts } = parsed(raw('csv/posts-semicolon.csv'), 'zs.csv');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.text, p.location?.line])).toEqual([
      ['a1', null, 'Erster Beitrag, mit Komma', 2],
      ['a2', 'a1', 'Antwort; mit Semikolon', 3],
      ['a3', 'a2', 'Noch eine', 4],
    ]);
    // No thread column: one thread per file, named after it.
    expect(posts.every((p) => p.threadKey === 'zs.csv')).toBe(true);
    expect(posts[0]!.threadTitle).toBe('zs.csv');
    expect(posts[0]!.meta.views).toBe(1000);
  });

  it('reads a TSV with a quoted tab and an offset time', () => {
    const { posts } = parsed(raw('csv/posts-tab.tsv'), 'x.tsv');
    expect(posts[0]).toMatchObject({ platformId: '1', author: 'x', text: 'Hello\tworld', createdAt: '2023-08-12T14:10:37.000Z' });
    expect(posts[1]).toMatchObject({ parentPlatformId: '1', text: 'reply' });
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
    expect(detectDelimiter('abc')).toBeNull();
  });

  it('skips blank lines and still names the right line', () => {
    const { posts } = parsed('id,text\n1,a\n\n\n2,b\n');
    expect(posts.map((p) => p.location?.line)).toEqual([2, 5]);
  });
});

describe('parseGenericCsv problems name the file and line', () => {
  it('a broken quote: the line where the row starts', () => {
    const found = problems(raw('csv/posts-broken-quote.csv'), 'broken.csv');
    expect(found).toEqual([{ file: 'broken.csv', line: 3, message: expect.stringContaining('never closed') }]);
  });

  it('a stray quote inside an unquoted field', () => {
    expect(problems('id,text\n1,ab"cd\n')).toEqual([{ file: 'posts.csv', line: 2, message: expect.stringContaining('inside an unquoted field') }]);
  });

  it('a ragged row: expected and found field counts', () => {
    const found = problems(raw('csv/posts-ragged.csv'), 'ragged.csv');
    expect(found).toEqual([{ file: 'ragged.csv', line: 3, message: expect.stringMatching(/expected 3 fields.*found 5/) }]);
  });

  it('an unreadable time names line and column', () => {
    expect(problems('id,text,date\n1,a,yesterday\n')).toEqual([
      { file: 'posts.csv', line: 2, field: 'date', message: expect.stringContaining('not a time') },
    ]);
  });

  it('an empty id', () => {
    expect(problems('id,text\n,a\n')).toEqual([{ file: 'posts.csv', line: 2, field: 'id', message: 'the id is empty' }]);
  });

  it('an empty file, a header without rows', () => {
    expect(problems('')[0]!.message).toMatch(/empty/);
    expect(problems('id,text\r\n')[0]!.message).toMatch(/no rows/);
  });
});

describe('parseGenericCsv mapping', () => {
  it('without a recognized text column: a problem listing the columns, for the UI to ask', () => {
    const found = problems(raw('csv/survey-unmapped.csv'), 'survey.csv');
    expect(found).toEqual([{ file: 'survey.csv', line: 1, field: 'text', message: expect.stringContaining('Columns: respondent, answer_q1, age') }]);
  });

  it('with an explicit mapping', () => {
    const { posts } = parsed(raw('csv/survey-unmapped.csv'), 'survey.csv', { text: 'answer_q1', id: 'respondent' });
    expect(posts.map((p) => [p.platformId, p.text, p.meta.age])).toEqual([
      ['r1', 'I think so', 34],
      ['r2', 'Not really', 51],
    ]);
  });

  it('an override takes a column from the automatic mapping, and null removes a field', () => {
    const { posts } = parsed('id,text,body,user\n1,short,the long text,ann\n', 'o.csv', { text: 'body', author: null });
    expect(posts[0]).toMatchObject({ text: 'the long text', author: '', meta: { text: 'short', user: 'ann' } });
  });

  it('a mapping naming a column the file lacks is refused with the columns', () => {
    expect(problems('id,text\n1,a\n', 'm.csv', { text: 'body' })[0]!.message).toMatch(/no such column \(columns: id, text\)/);
  });

  it('without an id column the row number is the id, scoped by file, and parents name rows', () => {
    const { posts } = parsed(raw('csv/no-ids.csv'), 'talk.csv');
    expect(posts.map((p) => [p.platformId, p.parentPlatformId, p.author, p.threadKey])).toEqual([
      ['talk.csv#1', null, 'ann', 'talk.csv'],
      ['talk.csv#2', 'talk.csv#1', 'ben', 'talk.csv'],
      ['talk.csv#3', 'talk.csv#7', 'cem', 'talk.csv'],
    ]);
  });

  it('large digit strings are never turned into numbers', () => {
    const { posts } = parsed('id,text,ref\n1,a,9007199254740993\n2,b,5\n');
    expect(posts[0]!.meta.ref).toBe('9007199254740993');
    expect(posts[1]!.meta.ref).toBe('5');
  });
});

describe('streaming (csv-parse Parser fed in chunks, as the Worker does)', () => {
  async function streamed(text: string, fileName: string, chunk: number) {
    const delimiter = detectDelimiter(headerLine(text)) ?? ',';
    const { reader, finish } = createCsvPostReader(fileName, undefined, { platform: 'csv', format: 'csv', threadFallback: 'file' });
    const sink = new CsvRecordSink(fileName, delimiter, reader, MAX_PROBLEMS);
    const parser = parseStream({ ...csvStrictOptions(delimiter), on_record: sink.onRecord });
    const done = new Promise<Problem[]>((resolve) => {
      parser.on('error', (e) => resolve(sink.fail(e)));
      parser.on('end', () => resolve(sink.finish()));
      parser.resume();
    });
    // By code points, as TextDecoderStream emits them: csv-parse re-encodes string chunks as UTF-8,
    // so a chunk ending inside a surrogate pair would turn both halves into U+FFFD.
    const points = Array.from(text);
    for (let i = 0; i < points.length; i += chunk) parser.write(points.slice(i, i + chunk).join(''));
    parser.end();
    return finish(await done);
  }

  it('gives the same posts and lines as the whole-text path, chunk boundaries inside quoted CRLFs included', async () => {
    const text = raw('csv/posts-bom-crlf.csv');
    const whole = parsed(text);
    for (const size of [1, 7, 64]) expect(await streamed(text, 'posts.csv', size)).toEqual({ ok: true, value: whole });
  });

  it('names the same line for a broken quote', async () => {
    expect(await streamed(raw('csv/posts-broken-quote.csv'), 'broken.csv', 5)).toEqual({
      ok: false,
      error: [{ file: 'broken.csv', line: 3, message: expect.stringContaining('never closed') }],
    });
  });
});

describe('csv detection', () => {
  it('takes tables with a text column or a consistent second line', () => {
    expect(csvParser.detect('id,text\n1,a\n')).toBe(true);
    expect(csvParser.detect('\uFEFFa;b;c\n1;2;3\n')).toBe(true);
    expect(csvParser.detect(raw('csv/survey-unmapped.csv'))).toBe(true);
  });

  it('leaves prose, JSON and single columns alone', () => {
    expect(csvParser.detect('Dear reader, welcome.\n\nThis is a blog post, with commas.')).toBe(false);
    expect(looksLikeCsvHeader('{"id": 1, "text": "x"}')).toBeNull();
    expect(csvParser.detect('just one column\nvalue\n')).toBe(false);
    expect(csvParser.detect('')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { ok } from '../util/result';
import { DETECT_HEAD_CHARS, detectFormat, parserById, type FormatParser } from './detect-format';
import { readFixtureText } from './files.test-helpers';
import { formatParsers } from './formats';

const fake = (id: string, signature: string): FormatParser => ({
  id,
  label: id,
  detect: (head) => head.includes(signature),
  parse: () => ok({ format: id, posts: [], warnings: [] }),
});

describe('detectFormat', () => {
  it('returns the first parser whose signature matches, or null', () => {
    const parsers = [fake('a', 'alpha'), fake('b', 'beta'), fake('ab', 'alpha')];
    expect(detectFormat('xx beta', parsers)?.id).toBe('b');
    expect(detectFormat('alpha', parsers)?.id).toBe('a');
    expect(detectFormat('gamma', parsers)).toBeNull();
  });

  it('looks only at the head of a big file', () => {
    const parsers = [fake('late', 'needle')];
    expect(detectFormat(`${' '.repeat(DETECT_HEAD_CHARS)}needle`, parsers)).toBeNull();
  });

  it('finds parsers by id for --format', () => {
    expect(parserById('reddit-dump', formatParsers)?.label).toMatch(/Pushshift/);
    expect(parserById('nope', formatParsers)).toBeNull();
  });
});

describe('the registered formats', () => {
  it('have unique ids', () => {
    const ids = formatParsers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('detect the Reddit fixtures as Reddit, and an empty file as nothing', () => {
    expect(detectFormat(readFixtureText('reddit-thread-escaped.json'), formatParsers)?.id).toBe('reddit-thread');
    expect(detectFormat(readFixtureText('reddit-dump-escaped.ndjson'), formatParsers)?.id).toBe('reddit-dump');
    expect(detectFormat('', formatParsers)).toBeNull();
  });
});

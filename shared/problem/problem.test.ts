import { describe, expect, it } from 'vitest';

import { formatProblem, problem } from './problem';

describe('formatProblem', () => {
  it('puts the file first, then line, record and field in parentheses', () => {
    expect(formatProblem({ file: 'posts.ndjson', line: 3, record: 'data[2]', field: 'parent', message: 'no such post' })).toBe(
      'posts.ndjson (line 3, record data[2], field parent): no such post',
    );
    expect(formatProblem({ file: 'broken.csv', line: 3, message: 'a quote is never closed' })).toBe('broken.csv (line 3): a quote is never closed');
    expect(formatProblem({ file: 'empty.json', message: 'the file is empty' })).toBe('empty.json: the file is empty');
  });

  it('without a file, names record and field as a bundle check does', () => {
    expect(formatProblem({ record: 'codings[3] (id "c-1")', field: 'end', message: 'outside the post text' })).toBe('codings[3] (id "c-1") end: outside the post text');
    expect(formatProblem({ record: 'code “Fallacy” (id c-1)', field: 'shortcut', message: 'key "f" is taken' })).toBe('code “Fallacy” (id c-1) shortcut: key "f" is taken');
    expect(formatProblem({ record: 'bundle', message: 'expected a JSON object' })).toBe('bundle: expected a JSON object');
  });

  it('is the bare message when nothing places it, an empty file name included', () => {
    expect(formatProblem(problem('no files chosen'))).toBe('no files chosen');
    expect(formatProblem({ file: '', message: 'the import stopped' })).toBe('the import stopped');
  });

  it('names record and field in the words of the file’s format', () => {
    expect(formatProblem({ file: 'codes.csv', line: 3, field: 'color', message: '"red" is not a colour' }, { field: 'column' })).toBe(
      'codes.csv (line 3, column color): "red" is not a colour',
    );
    expect(formatProblem({ file: 'p.qdpx', record: '../evil.qde', message: 'unsafe entry name' }, { record: 'archive entry' })).toBe('p.qdpx (archive entry ../evil.qde): unsafe entry name');
  });

  it('keeps a problem on one line, and works as a map callback', () => {
    expect(formatProblem({ record: 'posts[0]', field: 'text', message: 'line one\r\nline two' })).toBe('posts[0] text: line one line two');
    expect([problem('a', { record: 'x' }), problem('b', { file: 'f.csv', record: 'r' })].map(formatProblem)).toEqual(['x: a', 'f.csv (record r): b']);
  });
});

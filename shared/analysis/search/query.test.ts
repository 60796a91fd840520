import { describe, expect, it } from 'vitest';

import { parseQuery } from './query';
import { requiredLiterals } from './regex-literals';

const problem = (text: string, regex = false) => {
  const r = parseQuery(text, { regex });
  return r.ok ? null : r.error.message;
};

describe('parseQuery', () => {
  it('words, phrases and prefixes', () => {
    const r = parseQuery('foo "bar baz" qu* e-mail');
    expect(r.ok && r.value.kind === 'terms' ? r.value.terms : null).toEqual([
      { words: ['foo'], prefix: false },
      { words: ['bar', 'baz'], prefix: false },
      { words: ['qu'], prefix: true },
      { words: ['e', 'mail'], prefix: false },
    ]);
  });

  it('says what is wrong', () => {
    expect(problem('   ')).toMatch(/the query is empty/);
    expect(problem('"open phrase')).toMatch(/no closing quote/);
    expect(problem('!!!')).toMatch(/“!!!” has no letter or digit/);
    expect(problem('e-ma*')).toMatch(/a prefix\* must be one word/);
    expect(problem('a[', true)).toMatch(/^the regular expression is invalid: /);
  });
});

describe('requiredLiterals', () => {
  it('keeps the top-level literal words a match must contain', () => {
    expect(requiredLiterals('colou?r')).toEqual(['colo']);
    expect(requiredLiterals('\\bfalse (equivalence|balance)')).toEqual(['false']);
    expect(requiredLiterals('Café\\s+au lait')).toEqual(['cafe', 'au', 'lait']);
    expect(requiredLiterals('\\u0041bc')).toEqual(['bc']);
  });

  it('gives up on alternation and character classes', () => {
    expect(requiredLiterals('cat|dog')).toEqual([]);
    expect(requiredLiterals('[a-z]+')).toEqual([]);
    expect(requiredLiterals('\\d+')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { exampleBundle } from './fixtures.test-helpers';
import { locateJsonError } from './json-error-location';

describe('locateJsonError', () => {
  it('returns null for valid JSON of every kind', () => {
    for (const text of ['0', '-1.5e+3', '"a\\u00e9\\n"', 'true', 'null', '[]', '{}', ' [1, {"a": [null, false]}] ', JSON.stringify(exampleBundle(), null, 2)]) {
      expect(locateJsonError(text)).toBeNull();
    }
  });

  it.each([
    ['{"a":}', 1, 6, 'expected a value, found "}" (a trailing comma?)'],
    ['[1,]', 1, 4, 'expected a value, found "]" (a trailing comma?)'],
    ['{"a":1,}', 1, 8, 'expected a property name in double quotes, found "}"'],
    ["{'a':1}", 1, 2, 'expected a property name in double quotes, found "\'"'],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found \"1\""],
    ['[1 2]', 1, 4, "expected ',' or ']', found \"2\""],
    ['{"a":1', 1, 7, "expected ',' or '}', found end of input"],
    ['"abc', 1, 5, 'unterminated string'],
    ['"a\\x"', 1, 3, 'bad escape in string'],
    ['{"a":"x\ny"}', 1, 8, 'control character inside a string (a line break must be written \\n)'],
    ['[tru]', 1, 2, 'expected a value, found "t"'],
    ['{} x', 1, 4, 'unexpected "x" after the JSON value'],
    ['[\n  1,\n  -\n]', 3, 3, 'bad number'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    expect(locateJsonError(text)).toEqual({ line, column, message });
  });

  it('counts columns in code points and lines across CRLF and CR', () => {
    expect(locateJsonError('["😀😀", x]')).toMatchObject({ line: 1, column: 8 });
    expect(locateJsonError('[\r\n1,\r2,\n x]')).toMatchObject({ line: 4, column: 2 });
  });

  it('survives very deep nesting without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(locateJsonError(deep)).toMatchObject({ line: 1, column: 400_000 });
  });

  it('agrees with JSON.parse on which mutated texts are valid', () => {
    const base = JSON.stringify({ a: [1, -2.5e3, 'x\\"y\u0001'], b: { c: null, d: true, e: '😀' } }, null, 1);
    const pieces = ['', ',', ']', '}', '"', ':', ' ', '0', '-', '\\', '{', '[', 'e', '.', 'n'];
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 2000; k++) {
      const at = rand(base.length);
      const text = base.slice(0, at) + pieces[rand(pieces.length)]! + base.slice(at + rand(3));
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });
});

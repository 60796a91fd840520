import { describe, expect, it } from 'vitest';

import { duplicateKeyMessage, firstDuplicateKey } from './json-duplicate-keys';

describe('firstDuplicateKey', () => {
  it('finds a key given twice in one object, with its line and column', () => {
    expect(firstDuplicateKey('{\n  "id": "a",\n  "text": "x",\n  "id": "b"\n}')).toEqual({ key: 'id', line: 4, column: 3 });
  });

  it('compares keys as JSON.parse reads them (escapes decoded)', () => {
    expect(firstDuplicateKey('{"id": 1, "\\u0069d": 2}')?.key).toBe('id');
  });

  it('keeps objects apart: the same key in siblings, nested objects and arrays is fine', () => {
    expect(firstDuplicateKey('{"a": {"a": 1, "b": {"a": 2}}, "b": [{"a": 1}, {"a": 2}], "c": {"b": 1}}')).toBeNull();
  });

  it('is not fooled by quotes, colons and braces inside strings', () => {
    const text = JSON.stringify({ text: 'he said "id": {"id": 1} \\ ', id: 'x', list: ['"id":', '{', '}'] });
    expect(firstDuplicateKey(text)).toBeNull();
    expect(firstDuplicateKey(`${text.slice(0, -1)},"id":"again"}`)?.key).toBe('id');
  });

  it('finds a duplicate among many keys (past the list, in the set) and after a large nested object closes', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, { nested: Object.fromEntries(Array.from({ length: 30 }, (_, j) => [`n${j}`, j])) }]));
    const text = JSON.stringify(many);
    expect(firstDuplicateKey(text)).toBeNull();
    expect(firstDuplicateKey(`${text.slice(0, -1)},"k7":0}`)?.key).toBe('k7');
    expect(firstDuplicateKey(`[${text},{"k7":0,"k7":1}]`)?.key).toBe('k7');
  });

  it('agrees with a naive check on generated objects', () => {
    let seed = 3;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: 1 + random(6) }, () => `k${random(5)}`);
      const text = `{"outer": [{${keys.map((k, i) => `"${k}": ${i}`).join(', ')}}]}`;
      expect(firstDuplicateKey(text) !== null).toBe(new Set(keys).size !== keys.length);
    }
  });

  it('words the problem the same everywhere', () => {
    expect(duplicateKeyMessage({ key: 'id', line: 4, column: 3 })).toBe('the key "id" appears twice in one object (line 4, column 3); readers disagree on which one counts, so the file is refused');
  });
});

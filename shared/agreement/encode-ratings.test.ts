import { describe, expect, it } from 'vitest';

import { encodeRatings, MISSING } from './encode-ratings';

describe('encodeRatings', () => {
  it('numbers categories in ascending value order when every value is a number', () => {
    const encoded = encodeRatings({ units: ['a', 'b'], coders: ['x', 'y'], values: [[10, 2], [null, -1.5]] });
    expect(encoded.categories).toEqual([-1.5, 2, 10]);
    expect(Array.from(encoded.numeric!)).toEqual([-1.5, 2, 10]);
    expect(Array.from(encoded.codes)).toEqual([2, 1, MISSING, 0]);
  });

  it('keeps first-seen order and no numeric scale when any value is text', () => {
    const encoded = encodeRatings({ units: ['a', 'b'], coders: ['x', 'y'], values: [['no', 1], ['1', 'no']] });
    // 1 and "1" are different values: CSV input never mixes them, so code that does keeps them apart.
    expect(encoded.categories).toEqual(['no', 1, '1']);
    expect(encoded.numeric).toBeNull();
    expect(Array.from(encoded.codes)).toEqual([0, 1, 2, 0]);
  });

  it('treats −0 and 0 as one value', () => {
    expect(encodeRatings({ units: ['a'], coders: ['x', 'y'], values: [[-0, 0]] }).categories).toHaveLength(1);
    // Also past the hashed path: −0, 0 and 1 … 69,999 are 70,000 values.
    const many = Array.from({ length: 70_000 }, (_, i) => [i === 0 ? -0 : i, 0]);
    const encoded = encodeRatings({ units: many.map((_, i) => `${i}`), coders: ['x', 'y'], values: many });
    expect(encoded.categories).toHaveLength(70_000);
    expect(encoded.codes[0]).toBe(encoded.codes[1]);
  });

  it('ranks values the same way when there are too many distinct ones to hash', () => {
    // 140,000 distinct values (past the hashed path) in scrambled order.
    const values = Array.from({ length: 70_000 }, (_, i) => [((i * 7919) % 70_000) / 8, -((i * 104_729) % 70_000) - 1]);
    const encoded = encodeRatings({ units: values.map((_, i) => `${i}`), coders: ['x', 'y'], values });
    const sorted = values.flat().sort((a, b) => a - b);
    expect(encoded.categories).toEqual(sorted);
    const wrong = values.filter(([x, y], u) => encoded.categories[encoded.codes[2 * u]!] !== x || encoded.categories[encoded.codes[2 * u + 1]!] !== y);
    expect(wrong).toEqual([]);
  });

  it('stores codes in the narrowest type that holds them and MISSING', () => {
    const encode = (n: number, text: boolean) =>
      encodeRatings({ units: Array.from({ length: n }, (_, i) => `${i}`), coders: ['x', 'y'], values: Array.from({ length: n }, (_, i) => [text ? `v${i}` : i, null]) }).codes;
    for (const text of [false, true]) {
      expect(encode(127, text)).toBeInstanceOf(Int8Array);
      expect(encode(128, text)).toBeInstanceOf(Int16Array);
      expect(encode(32_768, text)).toBeInstanceOf(Int32Array);
      // The largest code and MISSING survive the narrowing.
      const codes = encode(128, text);
      expect([codes[2 * 127], codes[1]]).toEqual([127, MISSING]);
    }
  });

  it('has no numeric scale when a number is not finite', () => {
    expect(encodeRatings({ units: ['a'], coders: ['x', 'y'], values: [[1, Infinity]] }).numeric).toBeNull();
  });

  it('counts a hole in a row from an untyped caller as missing', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const encoded = encodeRatings({ units: ['a'], coders: ['x', 'y', 'z'], values: [[1, , 2] as (number | null)[]] });
    expect(Array.from(encoded.codes)).toEqual([0, MISSING, 1]);
    expect(encoded.numeric).not.toBeNull();
  });

  it('rejects rows that do not match the units and coders', () => {
    expect(() => encodeRatings({ units: ['a', 'b'], coders: ['x'], values: [[1]] })).toThrow(RangeError);
    expect(() => encodeRatings({ units: ['a'], coders: ['x', 'y'], values: [[1]] })).toThrow('values[0] has 1 cells for 2 coders');
  });
});

import { describe, expect, it } from 'vitest';

import { IdTable } from './id-table';

/** A seeded generator of ids of every kind a bundle may hold: ASCII, Latin-1, emoji, lone surrogates, empty, long. */
function ids(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const pieces = ['p', 'c', '-', '0', '9', 'é', 'ÿ', '\u0100', '🙂', '\ud800', '\udfff', 'z', ' '];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const kind = next(10);
    if (kind < 6) out.push(`p${next(count * 2)}`);
    else if (kind === 9) out.push(next(50) === 0 ? 'x'.repeat(10_000 + next(100)) : '');
    else {
      let id = '';
      for (let n = 1 + next(12); n > 0; n--) id += pieces[next(pieces.length)];
      out.push(id);
    }
  }
  return out;
}

describe('IdTable', () => {
  it('answers get, has and set as a Map does, over ids of every kind, through its growth', () => {
    const table = new IdTable();
    const map = new Map<string, number>();
    const all = ids(10_000, 7);
    const seen: Array<[number | undefined, number | undefined]> = [];
    all.forEach((id, index) => {
      seen.push([table.get(id), map.get(id)]);
      // As noteIds sets: only a first occurrence; a later set overwrites the value.
      if (!map.has(id) || index % 7 === 0) {
        map.set(id, index);
        table.set(id, index);
      }
    });
    expect(seen.filter(([a, b]) => a !== b)).toEqual([]);
    expect(seen.filter(([a]) => a !== undefined).length).toBeGreaterThan(1000);
    expect(table.size).toBe(map.size);
    const probes = [...all, ...ids(3_000, 99), 'never', 'p', '\ud83d'];
    expect(probes.map((id) => [table.has(id), table.get(id)])).toEqual(probes.map((id) => [map.has(id), map.get(id)]));
  });

  it('gives each id back from its entry, in the order ids were first set', () => {
    const table = new IdTable();
    const distinct = [...new Set(ids(5_000, 3))];
    for (const [index, id] of distinct.entries()) table.set(id, index);
    expect(distinct.map((id) => table.entryOf(id))).toEqual(distinct.map((_, entry) => entry));
    expect(distinct.map((_, entry) => table.idAt(entry))).toEqual(distinct);
    expect(table.entryOf('not there')).toBe(-1);
  });

  it('tells ids apart that differ only in one code unit or in length', () => {
    const table = new IdTable();
    table.set('ab', 1);
    table.set('a\u0162', 2);
    table.set('a\u0062\u0000', 3);
    expect([table.get('ab'), table.get('a\u0162'), table.get('ab\u0000'), table.get('a'), table.get('ab\u0001')]).toEqual([1, 2, 3, undefined, undefined]);
  });
});

import { describe, expect, it } from 'vitest';

import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { validateBundle } from '../bundle/validate';
import { EMPTY_CODE_FIELDS, type Code } from '../model/records';
import { formatProblem } from '../problem/problem';
import { addCode, moveCode } from '../project/operations/codebook';
import { MemoryProjectStore } from '../project/memory-store';
import { code, runner, T0 } from '../project/testing/core-fixtures.test-helpers';
import { codeDepths, codebookLimitProblem, MAX_CODE_DEPTH, MAX_CODES } from './code-limits';
import { codesInTreeOrder } from './code-tree';
import { codebookCsv, readCodebookCsv } from './codebook-csv';
import { writeQdc } from './refi/write-qdc';

const guid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A chain: code 1 at the top, each next one under the one before. */
function chain(length: number): Code[] {
  return Array.from({ length }, (_, i) => ({ id: guid(i + 1), name: `level ${i + 1}`, parentId: i === 0 ? null : guid(i), color: '#336699', order: 0, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [] }));
}

/** Naive: walk each code's parents to the top. */
function naiveDepth(codes: readonly Code[], id: string): number {
  const byId = new Map(codes.map((c) => [c.id, c]));
  let depth = 0;
  for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) depth++;
  return depth;
}

describe('codeDepths', () => {
  it('agrees with walking each code to the top, in any order', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const codes: Code[] = [];
    for (let i = 0; i < 300; i++) codes.push(code(`c${i}`, `c${i}`, { parentId: i === 0 || random(5) === 0 ? null : `c${random(i)}` }));
    const shuffled = [...codes].sort(() => random(3) - 1);
    const depths = codeDepths(shuffled);
    for (const c of codes) expect(depths.get(c.id)).toBe(naiveDepth(codes, c.id));
  });

  it('ends on a parent loop and an unknown parent instead of running forever', () => {
    const depths = codeDepths([code('a', 'a', { parentId: 'b' }), code('b', 'b', { parentId: 'a' }), code('c', 'c', { parentId: 'gone' })]);
    expect([...depths.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(depths.get('c')).toBe(1);
  });
});

describe('codebook limits on every path that makes codes', () => {
  it(`a bundle may nest codes ${MAX_CODE_DEPTH} deep, not one more, and the deepest code is named`, () => {
    const fits = { ...exampleBundle(), codes: chain(MAX_CODE_DEPTH), codings: [], journal: [], codebookVersions: [] };
    expect(validateBundle(fits).ok).toBe(true);
    const deep = { ...fits, codes: chain(MAX_CODE_DEPTH + 1) };
    const result = validateBundle(deep);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => formatProblem(p))).toEqual([`codes[${MAX_CODE_DEPTH}] (id "${guid(MAX_CODE_DEPTH + 1)}") parentId: it is nested ${MAX_CODE_DEPTH + 1} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts`]);
  });

  it('the 10,000-deep bundle of the report is refused, not passed on to crash the exports', () => {
    const result = validateBundle({ ...exampleBundle(), codes: chain(10_000), codings: [], journal: [], codebookVersions: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]!.message).toContain('nested 10000 levels deep');
  });

  it(`a bundle of more than ${MAX_CODES} codes is refused by count`, () => {
    const codes = Array.from({ length: MAX_CODES + 1 }, (_, i) => ({ ...chain(1)[0]!, id: guid(i + 1), name: `code ${i}`, order: i }));
    const result = validateBundle({ ...exampleBundle(), codes, codings: [], journal: [], codebookVersions: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => p.message)).toEqual([`the codebook holds ${(MAX_CODES + 1).toLocaleString('en')} codes, more than the ${MAX_CODES.toLocaleString('en')} Threadmark accepts`]);
  });

  it('adding a code under the deepest one, or moving a subtree down, is refused by the core', async () => {
    const store = new MemoryProjectStore({ project: { id: 'p', name: 'P', createdAt: T0 }, threads: [], posts: [], codes: [...chain(MAX_CODE_DEPTH), code('other', 'Other', { order: 1 }), code('kid', 'Kid', { parentId: 'other' })], coders: [{ id: 'coder-ada', name: 'Ada' }] });
    const run = runner(store);
    const added = await run(addCode, { name: 'Too deep', color: '#112233', parentId: guid(MAX_CODE_DEPTH) });
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message).toBe(`it is nested ${MAX_CODE_DEPTH + 1} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts`);
    // "Other" has a child: under level 63 the child would be level 65.
    const moved = await run(moveCode, { codeId: 'other', to: { parentId: guid(MAX_CODE_DEPTH - 1), index: 0 } });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error.record).toBe('code “Kid” (id kid)');
    expect((await store.read((r) => r.codes())).length).toBe(MAX_CODE_DEPTH + 2);
    // One level up still fits.
    expect((await run(moveCode, { codeId: 'other', to: { parentId: guid(MAX_CODE_DEPTH - 2), index: 0 } })).ok).toBe(true);
  });

  it('a codebook CSV path deeper than the cap is refused on its line', () => {
    const path = Array.from({ length: MAX_CODE_DEPTH + 1 }, (_, i) => `l${i}`).join(' > ');
    const read = readCodebookCsv(`path\n${path}\n`, 'deep.csv', { newId: () => 'x' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(formatProblem(read.error[0]!)).toBe(`deep.csv (line 2, field path): the path has ${MAX_CODE_DEPTH + 1} levels, more than the ${MAX_CODE_DEPTH} Threadmark accepts`);
  });
});

describe('exports of a deep tree', () => {
  it('walk it without recursion (a 10,000-deep tree was a RangeError) and in linear time', () => {
    const codes = chain(10_000);
    expect(codesInTreeOrder([...codes].reverse()).map((c) => c.id)).toEqual(codes.map((c) => c.id));
    const qdc = writeQdc(codes, { origin: 'test' });
    expect(qdc.ok && qdc.value.split('<Code ').length - 1).toBe(10_000);
  });

  it('a codebook at the cap exports every path once per row', () => {
    const csv = codebookCsv(chain(MAX_CODE_DEPTH), { mode: 'raw' });
    expect(csv.split('\r\n').filter((l) => l !== '').length).toBe(MAX_CODE_DEPTH + 1);
    expect(codebookLimitProblem(chain(MAX_CODE_DEPTH))).toBeUndefined();
  });
});

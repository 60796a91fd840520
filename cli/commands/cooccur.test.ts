import { describe, expect, it } from 'vitest';

import { coOccurrence } from '@shared/analysis/tables/co-occurrence';
import { storeOf } from '@shared/analysis/tables/random-project.test-helpers';

import { run } from '../run';
import { TABLE_FILE, tableProjectIo } from './table-fixture.test-helpers';

describe('threadmark cooccur', () => {
  it('prints the matrix with numbered columns, the core’s counts', async () => {
    const { m, project } = await tableProjectIo(5);
    expect(await run(['cooccur', TABLE_FILE, '--by', 'post'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    const matrix = await storeOf(project).read((r) => coOccurrence(r, { by: 'post', measure: 'count' }));
    const lines = m.stdout().split('\n');
    expect(lines[0]).toBe('Code co-occurrence: same post, count of posts (all coders)');
    expect(lines[2]!.trim().split(/\s+/)).toEqual(['code', '1', '2', '3', '4', '5', '6']);
    expect(lines[5]).toMatch(/^3 Fallacy > Whataboutism /);
    matrix.counts.forEach((row, i) => expect(lines[3 + i]!.trim().split(/\s+/).slice(-6).map(Number)).toEqual(row));
  });

  it('--json prints the core’s matrix; Jaccard unrounded', async () => {
    const { m, project } = await tableProjectIo(6);
    expect(await run(['cooccur', TABLE_FILE, '--by', 'overlap', '--measure', 'jaccard', '--coder', 'cem', '--json'], m.io)).toBe(0);
    const { threadsOf: _, ...expected } = await storeOf(project).read((r) => coOccurrence(r, { by: 'overlap', measure: 'jaccard', coderIds: ['c-cem'] }));
    expect(JSON.parse(m.stdout())).toEqual(expected);
  });

  it('plain Jaccard to three places, – where neither code is used', async () => {
    const { m } = await tableProjectIo(6);
    expect(await run(['cooccur', TABLE_FILE, '--by', 'thread', '--measure', 'jaccard'], m.io)).toBe(0);
    const unused = m.stdout().split('\n').find((l) => l.startsWith('6 Unused'))!;
    expect(unused.trim().split(/\s+/).slice(-1)).toEqual(['–']);
    expect(m.stdout()).toMatch(/ 1\.000 /);
  });

  it.each([
    [['--by', 'sentence'], /--by "sentence" is not one of overlap, post, thread/],
    [[], /missing --by overlap\|post\|thread/],
    [['--by', 'post', '--measure', 'dice'], /--measure "dice" is not one of count, jaccard/],
  ])('refuses %j with a usage message', async (args, message) => {
    const { m } = await tableProjectIo(1);
    expect(await run(['cooccur', TABLE_FILE, ...args], m.io)).toBe(2);
    expect(m.stderr()).toMatch(message);
  });
});

import { describe, expect, it } from 'vitest';

import { codeTable } from '@shared/analysis/tables/code-table';
import { storeOf } from '@shared/analysis/tables/random-project.test-helpers';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';
import { TABLE_FILE, tableProjectIo } from './table-fixture.test-helpers';

describe('threadmark table', () => {
  it('prints an aligned table: a row per code in tree order, a column per platform, totals', async () => {
    const { m, project } = await tableProjectIo(3);
    expect(await run(['table', TABLE_FILE, '--rows', 'code', '--cols', 'platform'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    const table = await storeOf(project).read((r) => codeTable(r, { cols: 'platform', count: 'codings' }));
    const lines = m.stdout().split('\n');
    expect(lines[0]).toBe('Codings per code × platform (all coders)');
    expect(lines[2]).toMatch(/^code {2,}mastodon {2}reddit {2}total$/);
    expect(lines.slice(3, 9).map((l) => l.split(/ {2,}/)[0])).toEqual(['Claim', 'Fallacy', 'Fallacy > Whataboutism', 'Fallacy > False equivalence', 'Derailing', 'Unused']);
    // The figures are the core's, right-aligned under their headers.
    const claim = table.rows[0]!;
    expect(lines[3]!.trim().split(/\s+/).slice(1).map(Number)).toEqual([...claim.cells, claim.total]);
    expect(lines[3]!.length).toBe(lines[2]!.length);
    expect(lines[9]!.trim().split(/\s+/)).toEqual(['total', ...table.columns.map((c) => String(c.total)), String(table.total)]);
  });

  it('--json prints the core’s table for the bundle (count, coder filter by name)', async () => {
    const { m, project } = await tableProjectIo(4);
    expect(await run(['table', TABLE_FILE, '--cols', 'month', '--count', 'chars', '--coder', 'ada,Ben', '--json'], m.io)).toBe(0);
    const expected = await storeOf(project).read((r) => codeTable(r, { cols: 'month', count: 'chars', coderIds: ['c-ada', 'c-ben'] }));
    expect(JSON.parse(m.stdout())).toEqual(expected);
  });

  it.each([
    [['--cols', 'weekday'], /--cols "weekday" is not one of thread, author, platform, coder, month/, 2],
    [[], /missing --cols thread\|author\|platform\|coder\|month/, 2],
    [['--cols', 'thread', '--rows', 'thread'], /rows are codes/, 2],
    [['--cols', 'thread', '--count', 'words'], /--count "words" is not one of codings, posts, chars/, 2],
    [['--cols', 'thread', '--coder', 'Zed'], /no coder is named "Zed" \(coders: Ada, Ben, Cem\)/, 1],
  ])('refuses %j with a clear message', async (args, message, status) => {
    const { m } = await tableProjectIo(1);
    expect(await run(['table', TABLE_FILE, ...args], m.io)).toBe(status);
    expect(m.stderr()).toMatch(message);
    expect(m.stdout()).toBe('');
  });

  it('says so when nothing is counted', async () => {
    const { m } = await tableProjectIo(1);
    expect(await run(['table', TABLE_FILE, '--cols', 'coder', '--coder', 'Ada', '--count', 'posts'], m.io)).toBe(0);
    expect(m.stdout()).not.toMatch(/No codings counted/);
    const empty = memoryIo({ 'empty.threadmark.json': m.files.get(TABLE_FILE)!.replace(/"codings": \[[\s\S]*?\n {2}\]/, '"codings": []') });
    expect(await run(['table', 'empty.threadmark.json', '--cols', 'thread'], empty.io)).toBe(0);
    expect(empty.stdout()).toMatch(/\nNo codings counted: the bundle has none \(or none by these coders\)\.\n$/);
    expect(await run(['cooccur', 'empty.threadmark.json', '--by', 'post'], empty.io)).toBe(0);
    expect(empty.stdout().match(/No codings counted/g)).toHaveLength(2);
  });

  it('names a file it cannot read', async () => {
    const { m } = await tableProjectIo(1);
    expect(await run(['table', 'missing.threadmark.json', '--cols', 'coder'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/missing\.threadmark\.json/);
  });
});

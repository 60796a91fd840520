import { serializeBundle } from '@shared/bundle/serialize';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const good = serializeBundle(exampleBundle());

describe('threadmark export', () => {
  it('writes the coded-segments CSV to -o', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--to', 'csv', '-o', 'out.csv'], m.io)).toBe(0);
    expect(m.files.get('out.csv')).toBe(codedSegmentsCsv(exampleBundle()));
    expect(m.stdout()).toBe('wrote 5 codings to out.csv\n');
  });

  it('passes --spreadsheet-safe through, and accepts --to=csv and --output', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', '--to=csv', '--spreadsheet-safe', 'b.json', '--output', 'safe.csv'], m.io)).toBe(0);
    expect(m.files.get('safe.csv')).toBe(codedSegmentsCsv(exampleBundle(), { spreadsheetSafe: true }));
    expect(m.files.get('safe.csv')).toContain(`"'=HYPERLINK(`);
  });

  it('writes to stdout with -o -', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--to', 'csv', '-o', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(codedSegmentsCsv(exampleBundle()));
  });

  it('writes no file for an invalid bundle and exits 1 with the problems', async () => {
    const m = memoryIo({ 'b.json': good.replace('"coderId": "u-ana"', '"coderId": "u-x"') });
    expect(await run(['export', 'b.json', '--to', 'csv', '-o', 'out.csv'], m.io)).toBe(1);
    expect(m.files.has('out.csv')).toBe(false);
    expect(m.stderr()).toBe('b.json: codings[0] (id "c-whole") coderId: unknown coder "u-x"\n');
  });

  it('names the output path when it cannot be written', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--to', 'csv', '-o', '/readonly/x.csv'], m.io)).toBe(1);
    expect(m.stderr()).toBe('threadmark: cannot write /readonly/x.csv: permission denied\n');
  });

  it.each([
    [['export', 'b.json', '-o', 'x.csv'], 'missing --to <format> (one of: csv)'],
    [['export', 'b.json', '--to', 'xlsx', '-o', 'x.csv'], 'unknown format "xlsx" (one of: csv)'],
    [['export', 'b.json', '--to', 'csv'], 'missing -o <file> (use -o - for stdout)'],
    [['export', 'b.json', '--to', 'csv', '-o'], 'option -o needs a value'],
    [['export', 'b.json', '--to', 'csv', '-o', 'x', '--bom'], 'unknown option --bom'],
    [['export', '--to', 'csv', '-o', 'x'], 'missing <bundle>'],
  ])('%j is a usage error: %s', async (argv, reason) => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(argv, m.io)).toBe(2);
    expect(m.stderr()).toBe(`threadmark: ${reason}\nUsage: threadmark export <bundle> --to csv -o <file> [--spreadsheet-safe]\n`);
    expect([...m.files.keys()]).toEqual(['b.json']);
  });
});

import { describe, expect, it } from 'vitest';

import { attributesCsv } from '@shared/analysis/attributes/attributes-csv';
import { serializeBundle } from '@shared/bundle/serialize';
import { memosCsv } from '@shared/export/memos-csv';
import { demoWithAnalysis, GONE_AUTHOR, namesIn, realNames } from '@shared/privacy/analysis-fixture.test-helpers';
import { prepareExport } from '@shared/privacy/export-privacy';
import { bundleAttributeTables, bundleMemoRows } from '@shared/privacy/pseudonymised-analysis';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { run } from '../run';

const FILE = 'demo.threadmark.json';
const demo = demoWithAnalysis();
const names = realNames(demo);
const code = demo.codes.find((c) => c.codable)!.name;

async function cli(args: string[]) {
  const m = memoryImportIo({ [FILE]: serializeBundle(demo) });
  const status = await run(args, m.io);
  return { status, stdout: m.stdout(), stderr: m.stderr(), text: (name: string) => m.text(name) as string };
}

describe('printing commands are pseudonymised by default, as every export', () => {
  it.each([[[]], [['--csv']], [['--json']]])('segments %j names no real author, handle or display name; --identified does', async (format) => {
    const out = await cli(['segments', FILE, '--code', code, ...format]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Author \d{4}/);
    expect(namesIn(out.stdout, names)).toEqual([]);
    const identified = await cli(['segments', FILE, '--code', code, '--identified', ...format]);
    expect(namesIn(identified.stdout, names).length).toBeGreaterThan(5);
  });

  it('segments --author takes a real name and prints its alias', async () => {
    const author = demo.posts.find((p) => p.author !== '[deleted]')!.author;
    const out = await cli(['segments', FILE, '--code', code, '--author', author, '--json']);
    expect(out.status).toBe(0);
    const printed = JSON.parse(out.stdout) as { total: number; rows: Array<{ author: string }> };
    expect(printed.total).toBeGreaterThan(0);
    expect(namesIn(out.stdout, names)).toEqual([]);
    expect(new Set(printed.rows.map((r) => r.author)).size).toBe(1);
    expect(printed.rows[0]!.author).toMatch(/^Author \d{4}$/);
  });

  it('attributes: author cases by alias, text values and thread titles rewritten, the gone author left out; the same bytes as the export pipeline', async () => {
    const out = await cli(['attributes', FILE, '--csv-safe', 'formula']);
    expect(out.status).toBe(0);
    expect(namesIn(out.stdout, names)).toEqual([]);
    const tables = bundleAttributeTables(prepareExport(demo, true, () => 'unused').bundle);
    expect(out.stdout).toBe(`${attributesCsv(tables.author, 'formula')}\r\n${attributesCsv(tables.thread, 'formula')}`);
    expect(tables.author.cases.filter((c) => c.values.Stance === 'con')).toHaveLength(1);
    const json = await cli(['attributes', FILE, '--json']);
    expect(namesIn(json.stdout, names)).toEqual([]);
    // Identified: the file Import CSV takes, real names and all.
    const identified = await cli(['attributes', FILE, '--identified', '--scope', 'author']);
    expect(namesIn(identified.stdout, names)).toContain(GONE_AUTHOR);
    expect(namesIn(identified.stdout, names).length).toBeGreaterThan(5);
  });

  it('export --to memos-csv: targets and texts by alias, the rows bundleMemoRows gives', async () => {
    const out = await cli(['export', FILE, '--to', 'memos-csv', '-o', 'memos.csv']);
    expect(out.status).toBe(0);
    expect(namesIn(out.text('memos.csv'), names)).toEqual([]);
    expect(out.text('memos.csv')).toBe(memosCsv(await bundleMemoRows(prepareExport(demo, true, () => 'unused').bundle)));
  });

  it('refuses --pseudonymize with --identified, and a privacy flag on --import', async () => {
    const both = await cli(['segments', FILE, '--code', code, '--pseudonymize', '--identified']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--pseudonymize and --identified contradict each other');
    const imported = await cli(['attributes', FILE, '--identified', '--import', 'a.csv', '-o', FILE]);
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('--identified is for printing, not --import');
  });
});

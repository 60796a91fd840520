import { serializeBundle } from '@shared/bundle/serialize';
import { codebookHtml } from '@shared/codebook/codebook-html';
import { codebookMarkdown } from '@shared/codebook/codebook-markdown';
import { readQdc } from '@shared/codebook/refi/read-qdc';
import { unwrap } from '@shared/codebook/refi/refi.test-helpers';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { readCsv } from '@shared/import/formats/csv-table';
import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { codebookV1, T } from '../codebook/codebook-cli.test-helpers';
import { COMMAND_USAGE, VERSION } from '../help';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';
import { exportCommand } from './export';

const good = serializeBundle(exampleBundle());
/** The example bundle with GUID codes (a .qdc needs them), one definition a spreadsheet would run, and a hostile name. */
const codebookBundle = () => {
  const codes = codebookV1().map((c, i) => (i === 0 ? { ...c, definition: '=HYPERLINK("http://x")' } : i === 4 ? { ...c, name: '<script>alert(1)</script>' } : c));
  return { ...exampleBundle(), codes, codings: [], journal: [], codebookVersions: [] };
};
const clock = { clock: { now: () => T } };
const USAGE = COMMAND_USAGE.export;
const FORMATS = 'csv, qdc, codebook-md, codebook-html, codebook-csv, matrix-csv, binary-matrix-csv, thread-matrix-csv, xlsx, parquet, matrix-parquet, relations-csv, qdpx, web-annotation, doccano, label-studio, memos-csv, ids, shareable-bundle';

describe('threadmark export', () => {
  it('writes the coded-segments CSV to -o', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', '--identified', 'b.json', '--to', 'csv', '-o', 'out.csv'], m.io)).toBe(0);
    expect(m.files.get('out.csv')).toBe(codedSegmentsCsv(exampleBundle()));
    expect(m.stdout()).toBe('wrote 5 codings to out.csv\n');
  });

  it('passes --spreadsheet-safe through, and accepts --to=csv and --output', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', '--identified', '--to=csv', '--spreadsheet-safe', 'b.json', '--output', 'safe.csv'], m.io)).toBe(0);
    expect(m.files.get('safe.csv')).toBe(codedSegmentsCsv(exampleBundle(), { spreadsheetSafe: true }));
    expect(m.files.get('safe.csv')).toContain(`"'=HYPERLINK(`);
  });

  it.each(['csv', 'codebook-csv', 'memos-csv', 'matrix-csv', 'binary-matrix-csv', 'thread-matrix-csv'])(
    '--csv-safe formula leaves no cell of --to %s starting a formula; raw (the default) writes names as stored',
    async (to) => {
      const hostile = { ...exampleBundle(), codes: exampleBundle().codes.map((c, i) => (i === 0 ? { ...c, name: '=HYPERLINK("http://x","y")' } : c)) };
      const m = memoryIo({ 'b.json': serializeBundle(hostile) });
      expect(await run(['export', '--identified', 'b.json', '--to', to, '-o', 'raw.csv'], m.io)).toBe(0);
      expect(await run(['export', '--identified', 'b.json', '--to', to, '-o', 'safe.csv', '--csv-safe', 'formula'], m.io)).toBe(0);
      const written = (name: string) => m.files.get(name) ?? new TextDecoder().decode(m.bytes.get(name));
      const cells = (text: string): string[] => {
        const all: string[] = [];
        const problems = readCsv(text, 'out.csv', ',', {
            header: (names) => (all.push(...names), null),
            row: (row) => (all.push(...row.cells), null),
          }, 5);
        expect(problems).toEqual([]);
        return all;
      };
      const formula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell));
      expect(cells(written('safe.csv')).filter(formula)).toEqual([]);
      if (to !== 'memos-csv') expect(cells(written('raw.csv')).some((c) => c.includes('=HYPERLINK("http://x","y")') && formula(c))).toBe(true);
    },
  );

  it('writes to stdout with -o -', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', '--identified', 'b.json', '--to', 'csv', '-o', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(codedSegmentsCsv(exampleBundle()));
  });

  it('writes no file for an invalid bundle and exits 1 with the problems', async () => {
    const m = memoryIo({ 'b.json': good.replace('"coderId": "u-ana"', '"coderId": "u-x"') });
    expect(await run(['export', '--identified', 'b.json', '--to', 'csv', '-o', 'out.csv'], m.io)).toBe(1);
    expect(m.files.has('out.csv')).toBe(false);
    expect(m.stderr()).toBe('b.json: codings[0] (id "c-whole") coderId: unknown coder "u-x"\n');
  });

  it('names the output path when it cannot be written', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', '--identified', 'b.json', '--to', 'csv', '-o', '/readonly/x.csv'], m.io)).toBe(1);
    expect(m.stderr()).toBe('threadmark: cannot write /readonly/x.csv: permission denied\n');
  });

  it.each([
    [['export', 'b.json', '-o', 'x.csv'], `missing --to <format> (one of: ${FORMATS})`],
    [['export', 'b.json', '--to', 'docx', '-o', 'x.csv'], `unknown format "docx" (one of: ${FORMATS})`],
    [['export', 'b.json', '--to', 'qdc', '-o', 'x.qdc', '--spreadsheet-safe'], '--csv-safe is for csv, codebook-csv, memos-csv, matrix-csv, binary-matrix-csv, thread-matrix-csv and relations-csv, not qdc'],
    [['export', 'b.json', '--to', 'csv', '-o', 'x.csv', '--csv-safe', 'excel'], '--csv-safe takes formula or raw'],
    [['export', 'b.json', '--to', 'csv', '-o', 'x.csv', '--csv-safe', 'raw', '--spreadsheet-safe'], '--spreadsheet-safe and --csv-safe raw contradict each other'],
    [['export', 'b.json', '--to', 'csv'], 'missing -o <file> (use -o - for stdout)'],
    [['export', 'b.json', '--to', 'csv', '-o'], 'option -o needs a value'],
    [['export', 'b.json', '--to', 'csv', '-o', 'x', '--bom'], 'unknown option --bom'],
    [['export', '--to', 'csv', '-o', 'x'], 'missing <bundle>'],
  ])('%j is a usage error: %s', async (argv, reason) => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(argv, m.io)).toBe(2);
    expect(m.stderr()).toBe(`threadmark: ${reason}\n${USAGE}`);
    expect([...m.files.keys()]).toEqual(['b.json']);
  });

  it('--to qdc writes the REFI-QDA codebook with every GUID, origin "Threadmark <version>"', async () => {
    const m = memoryIo({ 'b.json': serializeBundle(codebookBundle()) });
    expect(await run(['export', 'b.json', '--to', 'qdc', '-o', 'c.qdc'], m.io)).toBe(0);
    expect(m.stdout()).toBe('wrote 5 codes to c.qdc\n');
    const qdc = m.files.get('c.qdc') as string;
    expect(qdc).toContain(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Threadmark ${VERSION}">`);
    expect(unwrap(readQdc(qdc, 'c.qdc')).codes).toEqual(codebookBundle().codes);
  });

  it('--to qdc refuses codes whose ids are not GUIDs, naming the bundle and each code; no file written', async () => {
    const m = memoryIo({ 'b.json': good });
    expect(await run(['export', 'b.json', '--to', 'qdc', '-o', 'c.qdc'], m.io)).toBe(1);
    expect(m.stderr()).toBe(
      'b.json: code "Fallacy": id "k-fallacy" is not a GUID, which REFI-QDA requires\n' +
        'b.json: code "False equivalence": id "k-equiv" is not a GUID, which REFI-QDA requires\n' +
        'b.json: code "Derailing": id "k-derail" is not a GUID, which REFI-QDA requires\n' +
        'threadmark: nothing written (the codebook cannot be written as qdc)\n',
    );
    expect(m.files.has('c.qdc')).toBe(false);
  });

  it('--to codebook-md writes the Markdown codebook, titled after the project; -o - to stdout', async () => {
    const m = memoryIo({ 'b.json': serializeBundle(codebookBundle()) });
    expect(await exportCommand(['b.json', '--to', 'codebook-md', '-o', 'c.md'], m.io, clock)).toBe(0);
    const md = m.files.get('c.md') as string;
    expect(md).toBe(codebookMarkdown(codebookBundle().codes, { title: 'Codebook: Vaccine threads', generatedAt: T }));
    expect(md).toMatch(/^# Codebook: Vaccine threads\n\n\*5 codes · generated 2026-01-02 03:04 UTC\*\n/);
    expect(await exportCommand(['b.json', '--to', 'codebook-md', '-o', '-'], m.io, clock)).toBe(0);
    expect(m.stdout()).toBe(`wrote 5 codes to c.md\n${md}`);
  });

  it('--to codebook-html writes a self-contained page with no script', async () => {
    const m = memoryIo({ 'b.json': serializeBundle(codebookBundle()) });
    expect(await exportCommand(['b.json', '--to', 'codebook-html', '-o', 'c.html'], m.io, clock)).toBe(0);
    const html = m.files.get('c.html') as string;
    expect(html).toBe(codebookHtml(codebookBundle().codes, { title: 'Codebook: Vaccine threads', generatedAt: T }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Codebook: Vaccine threads</title>');
  });

  it('--to codebook-csv writes the codebook CSV; --spreadsheet-safe defuses formulas', async () => {
    const m = memoryIo({ 'b.json': serializeBundle(codebookBundle()) });
    expect(await run(['export', 'b.json', '--to', 'codebook-csv', '-o', 'c.csv'], m.io)).toBe(0);
    expect(await run(['export', 'b.json', '--to', 'codebook-csv', '-o', 'safe.csv', '--spreadsheet-safe'], m.io)).toBe(0);
    const [raw, safe] = [m.files.get('c.csv') as string, m.files.get('safe.csv') as string];
    const header = 'path,name,parent_path,definition,inclusion,exclusion,examples,color,codable,retired,shortcut,guid\r\n';
    expect(raw.startsWith(header)).toBe(true);
    expect(safe.startsWith(header)).toBe(true);
    expect(raw.split('\r\n')[1]).toBe('Fallacy,Fallacy,,"=HYPERLINK(""http://x"")",,,,#4363d8,false,false,f,00000000-0000-4000-8000-000000000001');
    expect(safe).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(raw).toContain('Fallacy > Whataboutism,Whataboutism,Fallacy,');
  });
});

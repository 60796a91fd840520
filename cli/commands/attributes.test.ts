import { describe, expect, it } from 'vitest';

import { runMemosAttributesScript } from '@shared/analysis/attributes/memos-attributes-script.test-helpers';
import type { MemoRow } from '@shared/analysis/memos/memo-list';
import { memosCsv } from '@shared/export/memos-csv';
import { MemoryProjectStore } from '@shared/project/memory-store';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { run } from '../run';
import { attributesCommand } from './attributes';

const FILE = 'p.threadmark.json';
const T = '2026-03-14T10:00:00.000Z';
const deps = () => {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `attr-${++n}` } };
};

function clock() {
  let t = Date.UTC(2025, 0, 2);
  return { now: () => new Date((t += 1000)).toISOString() };
}

/** The script's project, and what the core computed over it (the parity test shows Dexie computes the same). */
async function scripted(files: Record<string, string> = {}) {
  let n = 0;
  const out = await runMemosAttributesScript(new MemoryProjectStore(), { clock: clock(), ids: { newId: () => `id-${++n}` } });
  return { out, m: memoryImportIo({ [FILE]: out.bundle, ...files }) };
}

describe('threadmark attributes', () => {
  it('prints the same tables as the app (JSON), and each scope as the CSV the app exports', async () => {
    const { out, m } = await scripted();
    expect(await run(['attributes', FILE, '--identified', '--json'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    expect(JSON.parse(m.stdout())).toEqual(JSON.parse(out.attributes));

    const csv = memoryImportIo({ [FILE]: out.bundle });
    expect(await run(['attributes', FILE, '--identified', '--scope', 'author'], csv.io)).toBe(0);
    expect(csv.stdout()).toBe(out.authorCsv);
    const both = memoryImportIo({ [FILE]: out.bundle });
    expect(await run(['attributes', FILE, '--identified'], both.io)).toBe(0);
    expect(both.stdout()).toBe(`${out.authorCsv}\r\n${out.threadCsv}`);
  });

  it('--import sets values from a CSV as one journal entry and writes the bundle', async () => {
    const { m } = await scripted({ 'authors.csv': 'author,Age,Joined\nben,52,2019-04-01\ncem,,\n' });
    expect(await attributesCommand([FILE, '--import', 'authors.csv', '-o', 'out.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toBe('Imported author attributes from “authors.csv”: 2 values set, 1 new attribute\nwrote out.json\n');
    const out = bundleOf(m.text('out.json'));
    const joined = out.attributes!.find((a) => a.name === 'Joined')!;
    expect(joined).toMatchObject({ scope: 'author', type: 'date', createdAt: T });
    expect(out.attributeValues!.filter((v) => v.subject === 'ben').map((v) => v.value).sort()).toEqual(['2019-04-01', 52, 'pro']);
    expect(out.journal!.at(-1)).toMatchObject({ operation: 'attributes.import', at: T });
  });

  it('refuses a bad CSV whole, naming each line and column, and writes nothing', async () => {
    const { m } = await scripted({ 'bad.csv': 'author,Age\nben,old\nzed,3\n', 'noscope.csv': 'name,Age\nben,1\n' });
    expect(await attributesCommand([FILE, '--import', 'bad.csv', '-o', 'out.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe(
      [
        'bad.csv (line 2, column 2 “Age”): expected a number such as 42 or 3.5, got "old" (“Age” is a number attribute)',
        'bad.csv (line 3, column 1 “author”): there is no author "zed" in the project',
        'threadmark: nothing written',
        '',
      ].join('\n'),
    );
    expect(m.text('out.json')).toBeUndefined();
    expect(await attributesCommand([FILE, '--import', 'noscope.csv', '-o', 'out.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toContain('noscope.csv (line 1, column 1): the first column must be "author" or "thread", got "name"');
    expect(await run(['attributes', FILE, '--scope', 'users'], m.io)).toBe(2);
  });
});

describe('threadmark export --to memos-csv', () => {
  it('writes every memo as the app lists them', async () => {
    const { out, m } = await scripted();
    expect(await run(['export', FILE, '--identified', '--to', 'memos-csv', '-o', 'memos.csv'], m.io)).toBe(0);
    const rows = JSON.parse(out.memos) as MemoRow[];
    expect(m.stdout()).toBe(`wrote ${rows.length} memos to memos.csv\n`);
    expect(m.text('memos.csv')).toBe(memosCsv(rows));
    expect((m.text('memos.csv') as string).split('\r\n')[0]).toBe('kind,target_id,target,thread_id,thread_title,post_id,code,coder,memo,updated_at');
    expect(rows.map((r) => r.text)).toContain('the hinge');
  });
});

describe('threadmark segments --where', () => {
  it('keeps the segments of the authors whose attribute has the value', async () => {
    const { m } = await scripted();
    expect(await run(['segments', FILE, '--code', 'Whataboutism', '--where', 'author.Age=34', '--json'], m.io)).toBe(0);
    const ann = JSON.parse(m.stdout()) as { total: number };
    expect(ann.total).toBe(1);
    const other = memoryImportIo({ [FILE]: (await scripted()).out.bundle });
    expect(await run(['segments', FILE, '--code', 'Whataboutism', '--where', 'author.Stance=pro', '--json'], other.io)).toBe(0);
    expect((JSON.parse(other.stdout()) as { total: number }).total).toBe(0);
    const bad = memoryImportIo({ [FILE]: (await scripted()).out.bundle });
    expect(await run(['segments', FILE, '--code', 'Whataboutism', '--where', 'Stance'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--where: "Stance" is not SCOPE.ATTRIBUTE=VALUE');
  });
});

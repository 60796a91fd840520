import 'fake-indexeddb/auto';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { ANALYSIS_EXPORTS } from '@shared/export/analysis-exports';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { secretFromIds } from '@shared/privacy/aliases';
import { prepareExport } from '@shared/privacy/export-privacy';
import { codedDemo } from '@shared/privacy/demo-fixture.test-helpers';
import { attributesCsv } from '@shared/analysis/attributes/attributes-csv';
import { memoList } from '@shared/analysis/memos/memo-list';
import { memosCsv } from '@shared/export/memos-csv';
import { demoWithAnalysis, namesIn, realNames } from '@shared/privacy/analysis-fixture.test-helpers';
import { bundleAttributeTables, bundleMemoRows } from '@shared/privacy/pseudonymised-analysis';

import { importBundle } from '../../db/bundle-io';
import { storeOf } from '../../db/project-store';
import { exportAttributesCsv } from '../analysis/attributes/export-attributes';
import { exportMemosCsv } from '../analysis/memos/export-memos';
import { freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { Platform } from '../../platform/platform';
import type { Services } from '../../app/services';
import { exportForAnalysis } from './analysis-export';
import { exportCodedSegments } from './file-actions';

describe('Pseudonymised exports: the app and the CLI', () => {
  // `threadmark export` runs prepareExport on the bundle file it loads, then the same writer
  // (cli/commands/export-privacy.test.ts shows its output is exactly that); here the app, reading
  // Dexie, writes what that pipeline writes for the same project and secret.
  it('give every person the same alias: the app over Dexie and the CLI’s pipeline over the bundle write the same bytes', async () => {
    const demo = codedDemo();
    const db = freshDb();
    await importBundle(db, demo, { clock: testClock(), ids: testIds('import'), source: 'demo' });

    const saved = new Map<string, string | Uint8Array>();
    const messages: string[] = [];
    const platform = {
      saveTextFile: (name: string, text: string) => (saved.set(name, text), Promise.resolve({ ok: true as const, value: name })),
      saveBinaryFile: (name: string, bytes: Uint8Array) => (saved.set(name, bytes), Promise.resolve({ ok: true as const, value: name })),
    } as unknown as Platform;
    // The app makes the project's secret on its first pseudonymised export, from its id source.
    const services = { db, platform, clock: testClock(), ids: testIds('secret'), announce: (m: string) => void messages.push(m) } as unknown as Services;
    await exportCodedSegments(services);
    await exportForAnalysis(services, 'matrix-csv', (k, b) => ANALYSIS_EXPORTS[k].build(b));
    const appCsv = [...saved].find(([name]) => name.endsWith('-coded-segments.csv'))![1] as string;
    const appMatrix = [...saved].find(([name]) => name.endsWith('-post-code-counts.csv'))![1] as Uint8Array;
    expect(messages[0]).toMatch(/^Exported \d+ coded segments to .*\. Pseudonymised: 21 authors, \d+ mentions, 0 links replaced\.$/);

    // The CLI reads the same project with the same secret from its bundle file.
    const fresh = testIds('secret');
    const cli = prepareExport({ ...demo, project: { ...demo.project, pseudonymSecret: secretFromIds(() => fresh.newId()) } }, true, () => 'unused');
    expect(cli.oneOffSecret).toBe(false);
    expect(codedSegmentsCsv(cli.bundle)).toBe(appCsv);
    const matrix = await ANALYSIS_EXPORTS['matrix-csv'].build(cli.bundle);
    expect(matrix.ok && matrix.value.bytes).toEqual(appMatrix);

    const rows = parse(appCsv, { columns: true }) as Array<Record<string, string>>;
    const aliases = new Set(rows.map((r) => r.author));
    expect([...aliases].every((a) => /^Author \d{4}$/.test(a!) || a === '[deleted]')).toBe(true);
    await db.delete();
  }, 60_000);
  it('the Attributes and Memos tabs’ CSVs: aliases by default, the bytes the CLI’s pipeline writes; unticked, real names', async () => {
    const demo = demoWithAnalysis(null);
    const names = realNames(demo);
    const db = freshDb();
    await importBundle(db, demo, { clock: testClock(), ids: testIds('import'), source: 'demo' });
    const saved: Array<[string, string]> = [];
    const messages: string[] = [];
    const platform = { saveTextFile: (name: string, text: string) => (saved.push([name, text]), Promise.resolve({ ok: true as const, value: name })) } as unknown as Platform;
    const services = { db, platform, clock: testClock(), ids: testIds('secret'), announce: (m: string) => void messages.push(m) } as unknown as Services;
    const shown = await storeOf(db).read(memoList);
    await exportAttributesCsv(services, 'author', 'Demo');
    await exportAttributesCsv(services, 'thread', 'Demo');
    await exportMemosCsv(services, shown, 'Demo');
    const [authors, threads, memos] = saved.map(([, text]) => text) as [string, string, string];
    for (const text of [authors, threads, memos]) expect(namesIn(text, names)).toEqual([]);
    expect(authors).toMatch(/^author,.*\r\nAuthor \d{4},/s);
    expect(messages[0]).toMatch(/^Exported the attributes of \d+ authors to .*\. Pseudonymised: /);

    // `threadmark attributes --csv-safe formula` and `export --to memos-csv --csv-safe formula`: the same step, the same shared functions.
    const fresh = testIds('secret');
    const cli = prepareExport({ ...demo, project: { ...demo.project, pseudonymSecret: secretFromIds(() => fresh.newId()) } }, true, () => 'unused');
    const tables = bundleAttributeTables(cli.bundle);
    expect(authors).toBe(attributesCsv(tables.author, 'formula'));
    expect(threads).toBe(attributesCsv(tables.thread, 'formula'));
    expect(memos).toBe(memosCsv(await bundleMemoRows(cli.bundle), { spreadsheetSafe: true }));

    // Unticked: the identified file, the one Import CSV takes back.
    await exportAttributesCsv(services, 'author', 'Demo', { pseudonymize: false });
    await exportMemosCsv(services, shown.filter((r) => r.kind === 'project'), 'Demo', { pseudonymize: false });
    const [identifiedAuthors, identifiedMemos] = saved.slice(3).map(([, text]) => text) as [string, string];
    expect(namesIn(identifiedAuthors, names).length).toBeGreaterThan(5);
    expect(identifiedMemos.split('\r\n').filter((l) => l !== '')).toHaveLength(2);
    expect(namesIn(identifiedMemos, names)).toHaveLength(1);
    await db.delete();
  }, 60_000);
});

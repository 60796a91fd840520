import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { parseBundleText } from '@shared/bundle/validate';
import { ANALYSIS_EXPORT_KINDS, ANALYSIS_EXPORTS } from '@shared/export/analysis-exports';
import { readXlsx } from '@shared/export/xlsx/read-xlsx.test-helpers';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { runParityScript } from '@shared/project/testing/parity-script.test-helpers';

import { DexieProjectStore } from '../../db/dexie-project-store';
import { freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { Platform } from '../../platform/platform';
import { exportForAnalysis } from './analysis-export';

describe('Export for analysis: the app and the CLI', () => {
  // The CLI runs ANALYSIS_EXPORTS[kind].build on the bundle file it loads (cli/commands/export-targets.test.ts
  // shows its output is that build's); here the app, reading Dexie, writes what that build writes for
  // the same project made through the bundle adapter.
  it('write the same tables for the same project, the app from Dexie and the CLI from the bundle file', async () => {
    const db = freshDb();
    await runParityScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const bundleText = await runParityScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });

    const saved = new Map<string, Uint8Array>();
    const messages: string[] = [];
    const platform = { saveBinaryFile: (name: string, bytes: Uint8Array) => (saved.set(name, bytes), Promise.resolve({ ok: true as const, value: name })) } as unknown as Platform;
    const services = { db, platform, clock: testClock(), ids: testIds('secret'), announce: (m: string) => void messages.push(m) };

    for (const kind of ANALYSIS_EXPORT_KINDS) {
      // The shared build in this thread, as the app's Worker runs it (analysis-export.worker.ts; the e2e runs the Worker).
      // Identified: the pseudonymised exports' parity is export-privacy.parity.test.ts.
      await exportForAnalysis(services, kind, (k, b) => ANALYSIS_EXPORTS[k].build(b), { pseudonymize: false });
      const appFile = [...saved.entries()].find(([name]) => name.endsWith(ANALYSIS_EXPORTS[kind].suffix));
      expect(appFile, kind).toBeDefined();
      const parsed = parseBundleText(bundleText);
      if (!parsed.ok) throw new Error('the script’s bundle is valid');
      const built = await ANALYSIS_EXPORTS[kind].build(parsed.value);
      if (!built.ok) throw new Error(built.error.message);
      const cliBytes = built.value.bytes;
      if (kind === 'xlsx') {
        // The same sheets and cells; the zip around them is compared as content, not bytes.
        const [app, cli] = await Promise.all([readXlsx(appFile![1]), readXlsx(cliBytes)]);
        expect(app.sheets.map((s) => [s.name, s.xml])).toEqual(cli.sheets.map((s) => [s.name, s.xml]));
      } else {
        expect(appFile![1], kind).toEqual(cliBytes);
      }
    }
    expect(messages.filter((m) => !m.startsWith('Preparing ')).every((m) => m.startsWith('Exported '))).toBe(true);
    const codings = JSON.parse(bundleText) as { codings: unknown[] };
    expect(messages[0]).toBe('Preparing Coded segments (CSV)…');
    expect(messages[1]).toMatch(new RegExp(`^Exported ${codings.codings.length} codings as Coded segments \\(CSV\\) to .*-coded-segments\\.csv\\. Identified: real author names, not pseudonymised\\.$`));
    await db.delete();
    // Seven exports of a Dexie project: more than the default 5 s on a busy machine.
  }, 60_000);
});

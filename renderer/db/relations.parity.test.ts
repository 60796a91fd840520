import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { relationAgreement } from '@shared/agreement/units/relation-unit';
import { relationFrequency } from '@shared/analysis/relations/relation-frequency';
import { parseBundleText } from '@shared/bundle/validate';
import { ANALYSIS_EXPORTS } from '@shared/export/analysis-exports';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { relationAgreementInput, relationInputOfBundles } from '@shared/project/queries/relation-agreement-input';
import { runRelationsScript } from '@shared/project/testing/relations-script.test-helpers';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

describe('relations: one core, two adapters', () => {
  it('the same relation work through Dexie and the bundle adapter gives the same bundle, agreement, frequency table and relations CSV', async () => {
    const db = freshDb();
    const dexie = new DexieProjectStore(db);
    const viaDexie = await runRelationsScript(dexie, { clock: testClock(), ids: testIds() });
    const viaBundle = await runRelationsScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });
    expect(viaDexie).toBe(viaBundle);

    const parsed = parseBundleText(viaBundle);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('\n'));
    // The app's agreement reads the store; the CLI's (`agree --unit relation`) reads the bundle file.
    const app = relationAgreement(await dexie.read(relationAgreementInput));
    const cli = relationAgreement(relationInputOfBundles([parsed.value]));
    expect(app).toEqual(cli);
    if ('error' in app) throw new Error(app.error);
    expect(app.perCode.map((c) => [c.name, c.byCoder])).toEqual([
      ['deflects to', [1, 2]],
      ['answers', [2, 2]],
    ]);

    const appTable = await dexie.read(async (r) => relationFrequency(await r.relationCodes(), await r.relations(), await r.coders()));
    const cliTable = relationFrequency(parsed.value.relationCodes ?? [], parsed.value.relations ?? [], parsed.value.coders);
    expect(appTable).toEqual(cliTable);
    // Counted independently: relations per code in the bundle.
    expect(appTable.rows.map((r) => [r.name, r.total, r.withSpan])).toEqual([
      ['deflects to', (parsed.value.relations ?? []).filter((r) => r.relationCodeId === appTable.rows[0]!.relationCodeId).length, 1],
      ['answers', 4, 0],
    ]);

    const fromDexie = await dexie.read((r) => projectBundle(r, { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } }));
    if (!fromDexie.ok) throw new Error(fromDexie.error.message);
    const [a, b] = await Promise.all([ANALYSIS_EXPORTS['relations-csv'].build(fromDexie.value), ANALYSIS_EXPORTS['relations-csv'].build(parsed.value)]);
    expect(a.ok && b.ok && new TextDecoder().decode(a.value.bytes)).toBe(b.ok && new TextDecoder().decode(b.value.bytes));
    await db.delete();
  });
});

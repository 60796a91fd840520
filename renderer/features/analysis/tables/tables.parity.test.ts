import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { codeTable } from '@shared/analysis/tables/code-table';
import { coOccurrence } from '@shared/analysis/tables/co-occurrence';
import { randomTableProject, storeOf } from '@shared/analysis/tables/random-project.test-helpers';
import { CO_OCCURRENCE_BYS, CO_OCCURRENCE_MEASURES, TABLE_COLUMN_KINDS, TABLE_COUNTS } from '@shared/analysis/tables/table-options';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';

import { importBundle } from '../../../db/bundle-io';
import { DexieProjectStore } from '../../../db/dexie-project-store';
import { freshDb, testClock, testIds } from '../../../db/testing/test-support';

/**
 * The renderer may not import cli/, so the CLI side is its adapter: the bundle file's text parsed
 * and opened as `threadmark table|cooccur` open it (storeFromBundle); cli/commands/table.test.ts
 * and cooccur.test.ts show the commands' --json is the core's answer over that store.
 */
describe('tables and matrices: the app and the CLI give the same numbers', () => {
  it('every table and matrix over Dexie equals the one over the bundle file of the same project', async () => {
    const bundle = await bundleFromStore(storeOf(randomTableProject(7, { codings: 60 })), { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } });
    if (!bundle.ok) throw new Error(bundle.error.message);
    const db = freshDb();
    await importBundle(db, bundle.value, { clock: testClock(), ids: testIds() });
    const app = new DexieProjectStore(db);
    const parsed = parseBundleText(serializeBundle(bundle.value));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
    const file = storeFromBundle(parsed.value);

    for (const cols of TABLE_COLUMN_KINDS) {
      for (const count of TABLE_COUNTS) {
        const inApp = await app.read((r) => codeTable(r, { cols, count, coderIds: ['c-ada', 'c-cem'] }));
        expect(inApp.total).toBeGreaterThan(0);
        const inFile = await file.read((r) => codeTable(r, { cols, count, coderIds: ['c-ada', 'c-cem'] }));
        expect(JSON.parse(JSON.stringify(inFile)), `${cols} ${count}`).toEqual(JSON.parse(JSON.stringify(inApp)));
      }
    }
    for (const by of CO_OCCURRENCE_BYS) {
      for (const measure of CO_OCCURRENCE_MEASURES) {
        const inApp = await app.read((r) => coOccurrence(r, { by, measure }));
        const inFile = await file.read((r) => coOccurrence(r, { by, measure }));
        expect(inFile.counts.flat().some((n) => n > 0)).toBe(true);
        expect(JSON.stringify(inFile), `${by} ${measure}`).toBe(JSON.stringify(inApp));
      }
    }
    await db.delete();
  });
});

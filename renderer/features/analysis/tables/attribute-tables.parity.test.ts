import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '@shared/analysis/segments/retrieve-segments';
import { storeWithAttributes } from '@shared/analysis/tables/attribute-columns.test-helpers';
import { attributeColumns } from '@shared/analysis/tables/attribute-columns';
import { codeTableCellQuery } from '@shared/analysis/tables/cell-query';
import { codeTable } from '@shared/analysis/tables/code-table';
import { randomTableProject } from '@shared/analysis/tables/random-project.test-helpers';
import { TABLE_COUNTS } from '@shared/analysis/tables/table-options';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';

import { importBundle } from '../../../db/bundle-io';
import { DexieProjectStore } from '../../../db/dexie-project-store';
import { freshDb, testClock, testIds } from '../../../db/testing/test-support';

/** As tables.parity.test.ts, for attribute columns and the segments their cells open. */
describe('attribute columns: the app and the CLI give the same numbers and segments', () => {
  it('over Dexie and over the bundle file of the same project', async () => {
    const bundle = await bundleFromStore(storeWithAttributes(randomTableProject(5, { codings: 60 })), { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } });
    if (!bundle.ok) throw new Error(bundle.error.message);
    expect(bundle.value.attributeValues?.length).toBeGreaterThan(0);
    const db = freshDb();
    await importBundle(db, bundle.value, { clock: testClock(), ids: testIds() });
    const app = new DexieProjectStore(db);
    const parsed = parseBundleText(serializeBundle(bundle.value));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
    const file = storeFromBundle(parsed.value);

    for (const cols of [attributeColumns('author', 'Stance'), attributeColumns('thread', 'Size')]) {
      for (const count of TABLE_COUNTS) {
        const inApp = await app.read((r) => codeTable(r, { cols, count }));
        expect(inApp.columns.length).toBeGreaterThan(1);
        const inFile = await file.read((r) => codeTable(r, { cols, count }));
        expect(JSON.parse(JSON.stringify(inFile)), `${cols} ${count}`).toEqual(JSON.parse(JSON.stringify(inApp)));
        if (count !== 'codings') continue;
        for (const c of inApp.columns.keys()) {
          const query = codeTableCellQuery(inApp, 0, c);
          if (!query) continue;
          const rows = async (store: typeof app | typeof file) => store.read(async (r) => {
            const result = await retrieveSegments(r, query, { limit: 1000 });
            if (!result.ok) throw new Error(result.error.message);
            return result.value.rows.map((row) => row.codingId);
          });
          expect(await rows(file), `${cols} column ${c}`).toEqual(await rows(app));
        }
      }
    }
    await db.delete();
  });
});
